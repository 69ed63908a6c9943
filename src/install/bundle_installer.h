// SPDX-License-Identifier: GPL-3.0-or-later
// Installing a bundle from a USB stick without trusting the stick: copy once into a private file
// (size-capped, never re-reading the stick afterwards), verify the minisign signature on that copy
// against the configured keys, check it as hostile SQLite (check_bundle, check_search_index and
// scan_bundle_values, within a time and memory budget), refuse versions that are not newer, then
// fsync, rename over the live bundle and fsync the folder, keeping the previous bundle for
// roll-back. No SDL, no ImGui: runs on a worker thread, and tests drive it directly. Protocol and
// threats: docs/usb-install.md and the reliability research (§2, §4.3).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/bundle_scan.h"
#include "content/limits.h"
#include "signing/minisign.h"

namespace plaza::install {

// Why a bundle was refused; the text of each is in the Outcome, this is for tests and counters.
enum class Refusal {
    none,
    no_trusted_key,        // the configuration names no usable key
    not_a_file,            // a symlink, folder or device instead of a regular file
    too_large,             // over the size cap
    signature_missing,     // no NAME.plaza.minisig beside it
    signature_unreadable,  // not a minisign signature
    unknown_key,           // signed, but not by a trusted key
    signature_mismatch,    // the file or its trusted comment was changed after signing
    stick_read_failed,     // removed, or the file changed, while it was being copied
    data_disk_full,
    data_read_only,
    data_io_error,
    not_a_database,
    damaged,             // SQLite's quick_check or page checks failed
    view_or_trigger,     // bundles hold tables and indexes only
    unexpected_schema,   // anything schema.h does not have: a generated column, an index
    not_a_plaza_bundle,  // missing tables, wrong schema version, missing metadata, row counts
    broken_reference,    // a row points at a record the bundle does not have
    broken_search_index,
    signed_mismatch,  // the signed version or bundle id differ from the bundle's own
    oversized_value,
    invalid_utf8,
    value_out_of_range,  // a value of the wrong kind or outside content/limits.h
    bad_image,
    over_budget,  // the checks needed more time or memory than an install may take
    not_newer,
};

struct Candidate {
    std::string bundle;     // .../NAME.plaza
    std::string signature;  // .../NAME.plaza.minisig
};

// Every NAME.plaza in `folder` (not below it), with its signature path, newest name last.
std::vector<Candidate> find_candidates(const std::string& folder);

// The NAME.plaza files one folder down ("plaza/event.plaza"), sorted: bundles Plaza does not
// read, found so that staff are told where it looks instead of seeing nothing happen.
std::vector<std::string> bundles_in_subfolders(const std::string& folder);

struct BundleInfo {
    std::string bundle_id;
    std::string event_name;
    std::int64_t version = 0;
    std::string key_id;  // as minisign prints it
};

// What the checks of one install cost, for the log and the benchmarks.
struct CheckCost {
    double seconds = 0.0;
    std::int64_t sqlite_peak_bytes = 0;  // SQLite's high-water mark in the whole process
};

struct Outcome {
    Refusal refusal = Refusal::none;
    std::string reason;  // short, for the staff notice: "signature does not match"
    std::string detail;  // complete, for the log, the admin panel and plaza-report.txt
    BundleInfo bundle;   // what was installed (or what was offered, as far as it was read)
    CheckCost cost;
    bool ok() const { return refusal == Refusal::none; }
};

struct InstallerConfig {
    std::string data_folder;  // holds content.plaza, content.previous.plaza and staging/
    std::vector<minisign::PublicKey> trusted_keys;
    std::int64_t max_bundle_bytes = content::limits::kBundleBytes;
    std::int64_t max_signature_bytes = 16 * 1024;
    std::size_t chunk_bytes = 256 * 1024;  // the copy's one buffer: memory stays flat
    // The checks' budget: past `check_seconds` every query is interrupted and the bundle
    // refused. SQLite may hold at most `sqlite_heap_bytes` in the whole process while they run
    // (sqlite3_hard_heap_limit64; the kiosk's own queries need a few MB); an allocation past it
    // fails and the bundle is refused. Image decoding is capped by the sizes in limits.h.
    double check_seconds = 600.0;
    std::int64_t sqlite_heap_bytes = 96ll * 1024 * 1024;
    // Test hooks. `on_step` is called at every point of the install that changes the disk and
    // after every copied chunk (crash-safety tests stop the process there); `write_limit` makes
    // the data disk accept only that many bytes of the copy (a full disk without a small
    // file system); `on_chunk_read` runs after each chunk read from the stick (a stick pulled).
    std::function<void(const char* step)> on_step;
    std::int64_t write_limit = -1;
    std::function<void(std::int64_t copied)> on_chunk_read;
};

// Loads minisign public key files; unreadable ones are returned as errors, the rest as keys.
std::vector<minisign::PublicKey> load_trusted_keys(const std::vector<std::string>& files,
                                                   std::vector<std::string>& errors);

class Installer {
  public:
    explicit Installer(InstallerConfig config);

    std::string live_path() const;      // <data>/content.plaza
    std::string previous_path() const;  // <data>/content.previous.plaza
    std::string staging_path() const;   // <data>/staging

    // What a kiosk does at start: removes leftovers of an install that a power cut interrupted.
    void recover() const;

    // Installs `candidate` when every check passes and its version is newer than
    // `installed_version` (or `force_downgrade`). On refusal nothing live changes. The bundle it
    // replaces becomes the previous one, unless `keep_previous` is false: then the previous one
    // stays as it is (a second bundle from the same stick replaces the first, and roll-back still
    // returns to what was live before the stick).
    Outcome install(const Candidate& candidate, std::int64_t installed_version,
                    bool force_downgrade = false, bool keep_previous = true) const;

    // Swaps the live and the previous bundle (an admin action); the live one is never missing.
    Outcome roll_back() const;

    // A small signed file (the fleet's fleet.csv) of at most `max_bytes`, read once into `text`
    // and verified against the trusted keys on a private copy; a refusal as for a bundle.
    Outcome read_signed(const Candidate& candidate, std::int64_t max_bytes,
                        std::string& text) const;

  private:
    // Reads the candidate's signature and finds its trusted key; a refusal when there is none.
    Outcome check_signature(const Candidate& candidate,
                            std::optional<minisign::Signature>& signature,
                            const minisign::PublicKey*& key) const;
    void step(const char* name) const;
    InstallerConfig config_;
};

// The version, bundle id and signing key a signature's trusted comment records
// ("plaza bundle=ID version=N file=NAME"); version 0 when absent.
BundleInfo parse_trusted_comment(const std::string& comment);

// A few lines for plaza-report.txt on the stick.
std::string format_report(const Outcome& outcome, const std::string& stick_file,
                          const std::string& when);

}  // namespace plaza::install
