// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over one schedule importer, chosen at build time by PLAZA_FUZZ_FORMAT (frab_xml,
// json or icalendar): the bytes go through import_schedule_data(), as `plaza-bundle
// import-schedule` and `build` run it, and must give a schedule or a message, never a crash.
// Inputs of another format are skipped so each target's corpus stays on its own parser.
#include <cstdint>
#include <string>

#include "bundle/schedule/schedule_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using plaza::schedule::ScheduleFormat;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (plaza::schedule::detect_format(text) != ScheduleFormat::PLAZA_FUZZ_FORMAT) return 0;
    plaza::schedule::import_schedule_data(text, "fuzz");
    return 0;
}
