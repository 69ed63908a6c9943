// SPDX-License-Identifier: GPL-3.0-or-later
// `plaza-bundle import-schedule FILE [--tz ZONE] [--json]`: imports an organiser's schedule
// export and shows what was understood (days, rooms, sessions, speakers, zone) and every warning
// with what was done about it, so the organiser can check it before building a bundle.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace plaza::schedule {

// `args` are the words after "import-schedule". Returns 0 on success, 1 when the file cannot be
// imported, 64 (EX_USAGE) for a usage error.
int run_import_schedule(const std::vector<std::string>& args);
int run_import_schedule(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace plaza::schedule
