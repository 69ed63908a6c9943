// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/imported_schedule.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "content/limits.h"
#include "core/civil_time.h"
#include "core/utf8.h"

namespace plaza::bundle {
namespace {

namespace sc = plaza::schedule;

// The kiosk's limits (content/limits.h), as for a content folder's CSV files, except abstracts:
// an export's abstract and description become one text, as long as the column allows.
using content::limits::kBioChars, content::limits::kLinkChars, content::limits::kNameChars,
    content::limits::kShortChars, content::limits::kTitleChars;
constexpr size_t kAbstractChars = content::limits::kLongChars;
// Slugs leave room for a "-NNNN" suffix within the 64 characters an id may have.
constexpr size_t kSlugStemChars = 56;

const char* const kDash = " \xE2\x80\x94 ";  // " — " between what happened and what was done

bool is_web_address(const std::string& s) {
    return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) && s.size() > 10 &&
           s.size() <= kLinkChars && s.find_first_of(" \n\t") == std::string::npos;
}

// Cuts `text` to at most `limit` code points, at a space when one is close, ending with "…".
bool fit(std::string& text, size_t limit) {
    if (core::utf8_length(text) <= limit) return false;
    size_t count = 0, cut = text.size();
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (count++ == limit - 1) {
            cut = i;
            break;
        }
    }
    const size_t space = text.find_last_of(" \n", cut);
    if (space != std::string::npos && space > cut - cut / 10) cut = space;
    text.erase(cut);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
        text.pop_back();
    text += "\xE2\x80\xA6";
    return true;
}

// Ids for records that the export names by number, guid or not at all: a-z, 0-9 and '-' from
// the source's text, made unique with a suffix. They are never shown to visitors.
class Slugs {
  public:
    explicit Slugs(std::string fallback) : fallback_(std::move(fallback)) {}
    std::string make(const std::string& source) {
        std::string slug;
        for (char c : source) {
            if (slug.size() >= kSlugStemChars) break;
            if (c >= 'A' && c <= 'Z') {
                slug += static_cast<char>(c - 'A' + 'a');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug += c;
            } else if (!slug.empty() && slug.back() != '-') {
                slug += '-';
            }
        }
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
        if (slug.empty()) slug = fallback_ + "-" + std::to_string(used_.size() + 1);
        std::string unique = slug;
        for (int n = 2; !used_.insert(unique).second; ++n)
            unique = slug + "-" + std::to_string(n);
        return unique;
    }

  private:
    std::string fallback_;
    std::set<std::string> used_;
};

// Counts one kind of repair over the whole file and reports it once, at its first place.
struct Tally {
    int count = 0;
    std::string first;
    void add(const std::string& where) {
        if (count++ == 0) first = where;
    }
};

class Mapper {
  public:
    Mapper(const sc::ImportedSchedule& in, const std::string& file, SourceBundle& b,
           std::vector<std::string>& problems, std::vector<std::string>& warnings)
        : in_(in), file_(file), b_(b), problems_(problems), warnings_(warnings) {
        default_language_ = b.event.languages.front().code;
        for (const LanguageSource& l : b.event.languages)
            languages_.insert(l.code);
    }
    void run();
    // The bundle id of each session by its id in the export (after run()).
    std::map<std::string, std::string> session_ids;

  private:
    void warn(const std::string& where, const std::string& what, const std::string& action) {
        warnings_.push_back(where + ": " + what + kDash + action);
    }
    // The text in the event's default language when the export has it, else its own default.
    std::string base_of(const sc::LocalText& t) const {
        auto it = t.by_lang.find(default_language_);
        return it != t.by_lang.end() && !it->second.empty() ? it->second : t.text;
    }
    std::string in_language(const sc::LocalText& t, const std::string& lang) const {
        auto it = t.by_lang.find(lang);
        return it != t.by_lang.end() && !it->second.empty() ? it->second : base_of(t);
    }
    // The event languages (other than the default) `t` has a text in; others are noted.
    std::set<std::string> other_languages(const sc::LocalText& t) {
        std::set<std::string> out;
        for (const auto& [lang, text] : t.by_lang) {
            if (text.empty() || lang == default_language_) continue;
            if (languages_.count(lang)) {
                out.insert(lang);
            } else {
                dropped_languages_.insert(lang);
            }
        }
        return out;
    }
    Texts texts(const sc::LocalText& t, size_t limit, const std::string& where) {
        Texts out{base_of(t), {}};
        if (fit(out.base, limit)) cut_.add(where);
        for (const std::string& lang : other_languages(t)) {
            std::string text = t.by_lang.at(lang);
            if (text == out.base) continue;
            if (fit(text, limit)) cut_.add(where);
            out.by_lang[lang] = std::move(text);
        }
        return out;
    }
    std::string one_line(std::string text, size_t limit, const std::string& where) {
        if (fit(text, limit)) cut_.add(where);
        return text;
    }
    std::vector<LinkSource> links(const std::vector<sc::Link>& list, const std::string& where);
    std::string abstract_in(const sc::Session& s, const std::string& lang) const;
    Texts abstract(const sc::Session& s);
    std::string venue_room();

    const sc::ImportedSchedule& in_;
    const std::string& file_;
    SourceBundle& b_;
    std::vector<std::string>& problems_;
    std::vector<std::string>& warnings_;
    std::string default_language_;
    std::set<std::string> languages_, dropped_languages_;
    Slugs room_slugs_{"room"};
    std::string venue_room_;
    Tally cut_, not_web_, no_room_, untitled_;
};

std::vector<LinkSource> Mapper::links(const std::vector<sc::Link>& list, const std::string& where) {
    std::vector<LinkSource> out;
    for (const sc::Link& l : list) {
        if (!is_web_address(l.url)) {
            not_web_.add(where);
            continue;
        }
        out.push_back({l.url, one_line(l.title, kTitleChars, where)});
    }
    return out;
}

// Subtitle, abstract and description as one Plaza Markdown text, in `lang` ("" for the base).
std::string Mapper::abstract_in(const sc::Session& s, const std::string& lang) const {
    auto pick = [&](const sc::LocalText& t) {
        return lang.empty() ? base_of(t) : in_language(t, lang);
    };
    auto markdown = [](const std::string& text, sc::TextFormat format) {
        return format == sc::TextFormat::markdown ? text : plain_text_as_markdown(text);
    };
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += part;
    };
    const std::string subtitle = pick(s.subtitle);
    if (!subtitle.empty()) add("*" + plain_text_as_markdown(subtitle) + "*");
    const std::string abstract = pick(s.abstract);
    const std::string description = pick(s.description);
    // frab's description often repeats the abstract and goes on from there.
    if (!abstract.empty() && description.find(abstract) != std::string::npos) {
        add(markdown(description, s.description_format));
    } else {
        add(markdown(abstract, s.abstract_format));
        add(markdown(description, s.description_format));
    }
    return out;
}

Texts Mapper::abstract(const sc::Session& s) {
    Texts out{abstract_in(s, ""), {}};
    if (fit(out.base, kAbstractChars)) cut_.add(s.source);
    std::set<std::string> langs;
    for (const sc::LocalText* t : {&s.subtitle, &s.abstract, &s.description})
        for (const std::string& lang : other_languages(*t))
            langs.insert(lang);
    for (const std::string& lang : langs) {
        std::string text = abstract_in(s, lang);
        if (text == out.base) continue;
        if (fit(text, kAbstractChars)) cut_.add(s.source);
        out.by_lang[lang] = std::move(text);
    }
    return out;
}

// Sessions without a room are placed in one named after the venue, so the kiosk says where.
std::string Mapper::venue_room() {
    if (venue_room_.empty()) {
        RoomSource r;
        r.name = b_.event.venue;
        for (auto& [lang, text] : r.name.by_lang)
            fit(text, kNameChars);
        fit(r.name.base, kNameChars);
        r.id = room_slugs_.make("venue");
        venue_room_ = r.id;
        b_.rooms.push_back(std::move(r));
    }
    return venue_room_;
}

void Mapper::run() {
    for (const sc::ImportWarning& w : in_.warnings)
        warn(w.where, w.what, w.action);
    const EventSource& e = b_.event;

    // Every conference day must be one of the event's days: the kiosk lists the event's days.
    std::map<int, std::pair<int, std::string>> by_day;  // day -> sessions, first place
    for (const sc::Session& s : in_.sessions) {
        auto& [count, where] = by_day[s.day];
        if (count++ == 0) where = s.source;
    }
    for (const auto& [day, entry] : by_day) {
        const std::string& date = in_.days[static_cast<size_t>(day)].date;
        if (!e.starts_on.empty() && !e.ends_on.empty() && (date < e.starts_on || date > e.ends_on))
            problems_.push_back(entry.second + ": day: " + date +
                                " is not one of the event's days (" + e.starts_on + " to " +
                                e.ends_on + " in event.txt); " + std::to_string(entry.first) +
                                " session(s) are on it");
    }

    std::vector<std::string> room_ids;
    for (const sc::Room& r : in_.rooms) {
        RoomSource room;
        room.name = texts(r.name, kNameChars, file_);
        room.id = room_slugs_.make(room.name.base);
        room_ids.push_back(room.id);
        b_.rooms.push_back(std::move(room));
    }
    Slugs track_slugs{"track"};
    std::vector<std::string> track_ids;
    for (const sc::Track& t : in_.tracks) {
        TrackSource track;
        track.name = texts(t.name, kNameChars, file_);
        track.id = track_slugs.make(track.name.base);
        track_ids.push_back(track.id);
        b_.tracks.push_back(std::move(track));
    }
    Slugs speaker_slugs{"speaker"};
    std::vector<std::string> speaker_ids;
    for (const sc::Speaker& p : in_.speakers) {
        SpeakerSource sp;
        sp.name = one_line(p.name.empty() ? p.id : p.name, kNameChars, file_);
        sp.id = speaker_slugs.make(sp.name);
        sp.organisation = one_line(p.organisation, kTitleChars, file_);
        sp.bio = texts(p.biography, kBioChars, file_);
        if (p.biography_format == sc::TextFormat::plain) {
            sp.bio.base = plain_text_as_markdown(sp.bio.base);
            for (auto& [lang, text] : sp.bio.by_lang)
                text = plain_text_as_markdown(text);
        }
        sp.links = links(p.links, file_);
        speaker_ids.push_back(sp.id);
        b_.speakers.push_back(std::move(sp));
    }

    Slugs session_slugs{"session"};
    for (const sc::Session& s : in_.sessions) {
        SessionSource x;
        x.id = session_slugs.make(s.id);
        session_ids.emplace(s.id, x.id);
        x.title = texts(s.title, kTitleChars, s.source);
        if (x.title.base.empty()) {
            untitled_.add(s.source);
            x.title.base = s.type.empty() ? "Session" : s.type;
        }
        x.abstract = abstract(s);
        x.starts_at = s.start_ms / 1000;
        x.ends_at = s.end_ms / 1000;
        x.day = in_.days[static_cast<size_t>(s.day)].date;
        if (s.room >= 0) {
            x.room = room_ids[static_cast<size_t>(s.room)];
        } else {
            no_room_.add(s.source);
            x.room = venue_room();
        }
        if (s.track >= 0) x.track = track_ids[static_cast<size_t>(s.track)];
        x.type = s.type.empty() ? "session" : one_line(s.type, kShortChars, s.source);
        x.language = s.language.size() <= kShortChars ? s.language : "";
        x.status = s.status == sc::SessionStatus::cancelled ? "cancelled"
                   : s.status == sc::SessionStatus::moved   ? "moved"
                                                            : "confirmed";
        for (int i : s.speakers) {
            const std::string& id = speaker_ids[static_cast<size_t>(i)];
            if (std::find(x.speakers.begin(), x.speakers.end(), id) == x.speakers.end())
                x.speakers.push_back(id);
        }
        x.links = links(s.links, s.source);
        b_.sessions.push_back(std::move(x));
    }

    if (no_room_.count)
        warn(no_room_.first, std::to_string(no_room_.count) + " session(s) name no room",
             "placed in a room named after the venue (" + e.venue.base + ")");
    if (untitled_.count)
        warn(untitled_.first, std::to_string(untitled_.count) + " session(s) have no title",
             "titled with their type");
    if (cut_.count)
        warn(cut_.first,
             std::to_string(cut_.count) +
                 " text(s) are longer than a bundle allows (titles 200 characters, names 120, "
                 "abstracts 4000, bios 1000)",
             "cut at the limit, ending with \xE2\x80\xA6");
    if (not_web_.count)
        warn(not_web_.first, std::to_string(not_web_.count) + " link(s) are not web addresses",
             "left out");
    if (!dropped_languages_.empty()) {
        std::string list, event_list;
        for (const std::string& l : dropped_languages_)
            list += (list.empty() ? "" : ", ") + l;
        for (const LanguageSource& l : e.languages)
            event_list += (event_list.empty() ? "" : ", ") + l.code;
        warn(file_,
             "the schedule has texts in " + list + ", not one of the event's languages (" +
                 event_list + ")",
             "left out; add the language to 'languages' in event.txt to keep them");
    }
}

}  // namespace

std::vector<ZoneOffsetSource> event_zone_offsets(const schedule::TimeZone& zone,
                                                 const std::string& starts_on,
                                                 const std::string& ends_on) {
    int y1, m1, d1, y2, m2, d2;
    if (std::sscanf(starts_on.c_str(), "%d-%d-%d", &y1, &m1, &d1) != 3 ||
        std::sscanf(ends_on.c_str(), "%d-%d-%d", &y2, &m2, &d2) != 3)
        return {};
    // From the local midnight that starts the day before to the one that ends the day after:
    // local midnight lies between 14 hours before (UTC+14) and 12 after (UTC-12) UTC midnight.
    const std::int64_t first_day = core::days_from_civil(y1, m1, d1) - 1;
    const std::int64_t end_day = core::days_from_civil(y2, m2, d2) + 2;
    const std::int64_t from_ms = (first_day * 86400 - 14 * 3600) * 1000;
    const std::int64_t to_ms = (end_day * 86400 + 12 * 3600) * 1000;
    std::vector<ZoneOffsetSource> out;
    for (const schedule::UtcOffsetPeriod& p : zone.offsets_between(from_ms, to_ms))
        out.push_back({p.from_ms / 1000, p.offset_minutes, p.abbreviation});
    return out;
}

std::map<std::string, std::string> add_imported_schedule(const schedule::ImportedSchedule& imported,
                                                         const std::string& file,
                                                         SourceBundle& bundle,
                                                         std::vector<std::string>& problems,
                                                         std::vector<std::string>& warnings) {
    if (bundle.event.languages.empty()) return {};
    Mapper mapper(imported, file, bundle, problems, warnings);
    mapper.run();
    return std::move(mapper.session_ids);
}

std::string plain_text_as_markdown(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    bool line_start = true;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start) {
            // Leading spaces would make an indented code block; a line that starts with a block
            // marker (heading, quote, list item, rule) is escaped so it stays text.
            if (c == ' ' || c == '\t') continue;
            line_start = false;
            if (c == '-' || c == '+' || c == '=') out += '\\';
            size_t j = i;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9')
                ++j;
            if (j > i && j < text.size() && (text[j] == '.' || text[j] == ')')) {
                out.append(text, i, j - i);
                out += '\\';
                i = j - 1;
                continue;
            }
        }
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '#':
            case '&':
            case '~':
            case '|':
                out += '\\';
                out += c;
                break;
            case '\n':
                out += c;
                line_start = true;
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace plaza::bundle
