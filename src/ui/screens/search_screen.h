// Search with the on-screen keyboard: the typed text, results grouped by kind (best group
// first), updated with every key. A city result opens the partnership grid filtered to it.
#pragma once

#include <string>
#include <vector>

#include "content/model.h"
#include "ui/screens/screen.h"
#include "ui/widgets/kinetic_scroll.h"

namespace plaza::ui {

class SearchScreen final : public Screen {
  public:
    const char* id() const override { return "search"; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

    const std::string& text() const { return text_; }
    // True once after the visitor changed the text; the owner then runs the search.
    bool take_text_changed();
    void set_results(std::vector<content::SearchHit> hits);

  private:
    std::string text_;
    bool text_changed_ = false;
    std::vector<content::SearchHit> hits_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
