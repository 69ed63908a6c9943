// SPDX-License-Identifier: GPL-3.0-or-later
// Figures about this process that --stats reports, read from Linux's /proc.
#pragma once

namespace plaza::core {

// Peak resident set size in KiB (VmHWM), or 0 when unknown.
long peak_rss_kib();
// Current resident set size in KiB (VmRSS), or 0 when unknown.
long current_rss_kib();
// Current proportional set size in KiB (shared pages divided among their users), the memory
// figure PRODUCT.md's quality bar uses; 0 when unknown.
long current_pss_kib();

}  // namespace plaza::core
