// SPDX-License-Identifier: GPL-3.0-or-later
// How the kiosk's heap holds memory over days of running: one malloc arena for every thread.
#pragma once

namespace plaza::platform {

// Called first thing, before any thread starts. glibc gives each thread that allocates its own
// arena (up to eight per core), and an arena keeps the top of its heap after a burst of work
// (decoding images, building the map): malloc_trim() returns the free pages inside a heap but
// not the top of a thread's arena, so two worker arenas held about 4 MB at 10,000 partnerships.
// The workers allocate little and rarely at the same time as the main thread, so sharing the
// one arena costs no frame time (issue #16).
void use_one_heap_for_all_threads();

}  // namespace plaza::platform
