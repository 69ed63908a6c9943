// SPDX-License-Identifier: GPL-3.0-or-later
// The organisers' preview: what stops their folder from building, as the `file:line: field:
// what is wrong` lines plaza-bundle prints, in a panel over the last good build (which stays
// visible under it). Takes no input.
#pragma once

#include <string>
#include <vector>

#include "ui/ui_context.h"

namespace plaza::ui {

class ProblemList {
  public:
    // An empty list takes the panel away.
    void show(std::vector<std::string> lines) { lines_ = std::move(lines); }
    void draw(UiContext& ctx);

  private:
    std::vector<std::string> lines_;
};

}  // namespace plaza::ui
