// SPDX-License-Identifier: GPL-3.0-or-later
// Text preparation for the bundle's full-text index, shared by the writer (plaza-bundle) and the
// reader (the kiosk) so that both sides fold text the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plaza::content {

// Replaces letters that have no Unicode decomposition, and so survive FTS5's
// `remove_diacritics 2` (Ł, Đ, Ø, Æ, Œ, ß, Þ, Ħ, ı ...), with their plain Latin spelling:
// "Łódź" becomes "Lódź", which the tokenizer then folds to "lodz". Invalid UTF-8 is dropped.
std::string fold_for_search(std::string_view text);

// What a visitor typed, split into words the way the index splits text, each folded as above.
std::vector<std::string> search_words(std::string_view typed);

// A folded word as the index's tokenizer stores it (unicode61 with remove_diacritics 2: lower
// case, no diacritics), when that is certain here: ASCII letters and digits and the letters of
// Latin-1 and Latin Extended-A that decompose to one (everything the on-screen keyboards type).
// nullopt for anything else, e.g. Greek, Hangul or a letter FTS5 might fold differently.
std::optional<std::string> index_term(std::string_view word);

// What lists of names sort by, for people: case and the diacritics above folded away ("Århus"
// → "arhus", beside "Aarhus", not after "Zagreb"); other characters as they are.
std::string sort_key(std::string_view text);

// Turns what a visitor typed into an FTS5 MATCH expression: every word becomes a quoted prefix
// query ("gh" → "gh"*), all words must match. Returns "" when nothing searchable was typed.
// Quoting every word means FTS5 operators (AND, NEAR, column filters) in the input are just text.
std::string search_query(std::string_view typed);

}  // namespace plaza::content
