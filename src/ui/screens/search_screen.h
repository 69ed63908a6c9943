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
    static constexpr const char* kId = "search";
    const char* id() const override { return kId; }
    // Runs the search a keystroke asked for, before the frame that saw the key is presented.
    void load(ScreenFeed& feed, std::int64_t record) override;
    bool answer_pending() const override { return text_changed_; }
    core::FrameRequest draw(UiContext& ctx, Navigation& nav) override;
    void reset() override;

  private:
    std::string text_;
    bool text_changed_ = false;
    std::vector<content::SearchHit> hits_;
    KineticScrollState scroll_;
};

}  // namespace plaza::ui
