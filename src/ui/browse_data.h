// What the browsing screens show, loaded from the content store in the visitor's language and
// replaced as a whole when the language or the bundle changes.
#pragma once

#include <vector>

#include "content/model.h"

namespace plaza::ui {

struct BrowseData {
    content::EventInfo event;
    content::ContentCounts counts;
    std::vector<content::PartnershipCard> partnerships;  // title order
    std::vector<content::PracticeCard> practices;        // featured first
    content::Facets facets;
};

}  // namespace plaza::ui
