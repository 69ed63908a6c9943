// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule import as dispatch: the file is read within its size limit, its format detected
// from its first bytes, its bytes handed to that format's importer (frab_xml_importer.cpp,
// frab_json_importer.cpp, ical_importer.cpp), and the raw schedule it fills to finalize()
// (finalize.cpp).
#include "bundle/schedule/schedule_import.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "bundle/schedule/importer_internal.h"

namespace plaza::schedule {

ScheduleFormat detect_format(const std::string& data) {
    size_t i = 0;
    if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < data.size() &&
           (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        ++i;
    if (i >= data.size()) return ScheduleFormat::unknown;
    if (data[i] == '<') return ScheduleFormat::frab_xml;
    if (data[i] == '{' || data[i] == '[') return ScheduleFormat::json;
    if (data.size() - i >= 15) {
        std::string head = data.substr(i, 15);
        for (char& c : head)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (head == "BEGIN:VCALENDAR") return ScheduleFormat::icalendar;
    }
    return ScheduleFormat::unknown;
}

core::Result<ImportedSchedule> import_schedule_data(const std::string& data,
                                                    const std::string& name,
                                                    const ImportOptions& options) {
    detail::RawSchedule raw;
    raw.file = name;
    raw.first_day = options.first_day;
    raw.last_day = options.last_day;
    core::Result<bool> parsed = false;
    switch (detect_format(data)) {
        case ScheduleFormat::frab_xml:
            parsed = detail::import_frab_xml(data, raw);
            break;
        case ScheduleFormat::json:
            parsed = detail::import_json(data, raw);
            break;
        case ScheduleFormat::icalendar:
            parsed = detail::import_icalendar(data, raw);
            break;
        case ScheduleFormat::unknown: {
            if (data.empty()) return core::Error{name + ": the file is empty"};
            const bool binary = data.find('\0') != std::string::npos;
            char head[64] = "";
            size_t used = 0;
            for (size_t k = 0; k < data.size() && k < 8; ++k)
                used += static_cast<size_t>(
                    std::snprintf(head + used, sizeof head - used, "%s%02x", k ? " " : "",
                                  static_cast<unsigned>(static_cast<unsigned char>(data[k]))));
            return core::Error{name + ": not a schedule file" +
                               (binary ? std::string(" (binary data)") : std::string()) +
                               "; expected frab/pentabarf XML, frab/pretalx JSON or iCalendar, "
                               "but it starts with the bytes " +
                               head};
        }
    }
    if (!parsed) return core::Error{name + ": " + parsed.error()};
    if (raw.sessions.empty()) return core::Error{name + ": the file contains no sessions"};
    return detail::finalize(std::move(raw), options);
}

core::Result<ImportedSchedule> import_schedule_file(const std::string& path,
                                                    const ImportOptions& options) {
    const size_t slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return core::Error{path + ": cannot open the file"};
    if (!S_ISREG(st.st_mode)) return core::Error{path + ": not a regular file"};
    if (st.st_size > options.max_file_bytes)
        return core::Error{path + ": the file is " + std::to_string(st.st_size / (1024 * 1024)) +
                           " MB; schedule exports are far smaller (the limit is " +
                           std::to_string(options.max_file_bytes / (1024 * 1024)) +
                           " MB), so this is not a schedule"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error{path + ": cannot open the file"};
    std::string data;
    data.reserve(static_cast<size_t>(st.st_size));
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (static_cast<std::int64_t>(data.size()) > options.max_file_bytes)
        return core::Error{path + ": the file grew past the size limit while being read"};
    return import_schedule_data(data, name, options);
}

}  // namespace plaza::schedule
