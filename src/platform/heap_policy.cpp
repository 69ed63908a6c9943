// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/heap_policy.h"

#include <malloc.h>

namespace plaza::platform {

void use_one_heap_for_all_threads() {
    mallopt(M_ARENA_MAX, 1);
}

}  // namespace plaza::platform
