// The kiosk's own words (not content) in the languages Plaza ships, English as the fallback.
#pragma once

#include <string>

namespace plaza::ui {

enum class Text { back, home, partnerships, featured, language, items_count, today };

// The phrase in `language` ("en", "es", "ca", "fr"), or in English when there is none.
const char* tr(const std::string& language, Text text);

}  // namespace plaza::ui
