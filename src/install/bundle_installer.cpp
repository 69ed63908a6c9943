// SPDX-License-Identifier: GPL-3.0-or-later
#include "install/bundle_installer.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "content/bundle_check.h"
#include "content/bundle_scan.h"
#include "content/content_store.h"
#include "core/safe_file.h"

namespace plaza::install {
namespace {

constexpr const char* kLiveName = "content.plaza";
constexpr const char* kPreviousName = "content.previous.plaza";

using Fd = core::FileDescriptor;

Outcome refuse(Refusal refusal, std::string reason, std::string detail) {
    Outcome o;
    o.refusal = refusal;
    o.reason = std::move(reason);
    o.detail = std::move(detail);
    return o;
}

// A failed write, create or sync on the data folder, told apart by errno.
Outcome data_failure(int error, const std::string& what) {
    const std::string detail = what + ": " + std::strerror(error);
    if (error == ENOSPC || error == EDQUOT)
        return refuse(Refusal::data_disk_full, "the data disk is full", detail);
    if (error == EROFS || error == EACCES || error == EPERM)
        return refuse(Refusal::data_read_only, "the data folder is read-only", detail);
    return refuse(Refusal::data_io_error, "cannot write to the data folder", detail);
}

bool fsync_path(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Refusal refusal_for(content::CheckProblem::Kind kind) {
    using K = content::CheckProblem::Kind;
    switch (kind) {
        case K::not_a_database:
            return Refusal::not_a_database;
        case K::damaged:
            return Refusal::damaged;
        case K::view_or_trigger:
            return Refusal::view_or_trigger;
        case K::unexpected_schema:
            return Refusal::unexpected_schema;
        case K::broken_reference:
            return Refusal::broken_reference;
        case K::broken_search_index:
            return Refusal::broken_search_index;
        case K::over_time:
        case K::over_memory:
            return Refusal::over_budget;
        default:
            return Refusal::not_a_plaza_bundle;
    }
}

const char* reason_for(Refusal r) {
    switch (r) {
        case Refusal::not_a_database:
            return "not a database";
        case Refusal::damaged:
            return "the database is damaged";
        case Refusal::view_or_trigger:
            return "the database contains a view or trigger";
        case Refusal::unexpected_schema:
            return "the database is not laid out as Plaza's bundles are";
        case Refusal::broken_reference:
            return "a record refers to one the bundle does not have";
        case Refusal::broken_search_index:
            return "the search index is damaged";
        case Refusal::oversized_value:
            return "a text or image is too large";
        case Refusal::invalid_utf8:
            return "a text is not valid UTF-8";
        case Refusal::value_out_of_range:
            return "a value is outside what plaza-bundle writes";
        case Refusal::bad_image:
            return "an image is too large or cannot be decoded";
        case Refusal::over_budget:
            return "checking the bundle took more time or memory than an install may";
        default:
            return "not a Plaza bundle this kiosk can read";
    }
}

Refusal refusal_for(content::ScanProblem problem) {
    switch (problem) {
        case content::ScanProblem::oversized_text:
        case content::ScanProblem::oversized_blob:
            return Refusal::oversized_value;
        case content::ScanProblem::invalid_utf8:
            return Refusal::invalid_utf8;
        case content::ScanProblem::out_of_range:
            return Refusal::value_out_of_range;
        case content::ScanProblem::bad_image:
            return Refusal::bad_image;
        case content::ScanProblem::over_time:
        case content::ScanProblem::over_memory:
            return Refusal::over_budget;
        default:
            return Refusal::damaged;
    }
}

// The names in `folder` that `keep` accepts, hidden ones left out, sorted.
template <typename Keep>
std::vector<std::string> names_in(const std::string& folder, Keep keep) {
    std::vector<std::string> out;
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), ::closedir);
    if (!dir) return out;
    while (const dirent* entry = ::readdir(dir.get())) {
        const std::string name = entry->d_name;
        if (!name.empty() && name[0] != '.' && keep(name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_bundle_name(const std::string& name) {
    return ends_with(name, ".plaza");
}

}  // namespace

std::vector<Candidate> find_candidates(const std::string& folder) {
    std::vector<Candidate> out;
    for (const std::string& name : names_in(folder, is_bundle_name)) {
        const std::string path = folder + "/" + name;
        out.push_back({path, path + ".minisig"});
    }
    return out;
}

std::vector<std::string> bundles_in_subfolders(const std::string& folder) {
    std::vector<std::string> out;
    const auto is_folder = [&](const std::string& name) {
        std::error_code ec;
        return std::filesystem::is_directory(folder + "/" + name, ec);
    };
    for (const std::string& sub : names_in(folder, is_folder)) {
        for (const std::string& name : names_in(folder + "/" + sub, is_bundle_name))
            out.push_back(sub + "/" + name);
    }
    return out;
}

std::vector<minisign::PublicKey> load_trusted_keys(const std::vector<std::string>& files,
                                                   std::vector<std::string>& errors) {
    std::vector<minisign::PublicKey> keys;
    for (const std::string& file : files) {
        auto text = core::read_regular_file(file, 4096);
        if (!text) {
            errors.push_back("trusted key " + text.error());
            continue;
        }
        auto key = minisign::parse_public_key(text.value());
        if (!key) {
            errors.push_back("trusted key " + file + ": " + key.error());
            continue;
        }
        keys.push_back(key.value());
    }
    return keys;
}

BundleInfo parse_trusted_comment(const std::string& comment) {
    BundleInfo info;
    std::istringstream words(comment);
    for (std::string word; words >> word;) {
        if (word.rfind("bundle=", 0) == 0) info.bundle_id = word.substr(7);
        if (word.rfind("version=", 0) == 0) {
            const std::string v = word.substr(8);
            if (!v.empty() && v.size() < 16 &&
                std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
                info.version = std::stoll(v);
        }
    }
    return info;
}

std::string format_report(const Outcome& outcome, const std::string& stick_file,
                          const std::string& when) {
    std::ostringstream out;
    out << "Plaza kiosk report, " << when << "\n"
        << "file: " << stick_file << "\n";
    if (outcome.ok()) {
        out << "result: installed\n"
            << "bundle: " << outcome.bundle.bundle_id << "\nversion: " << outcome.bundle.version
            << "\nsigned by key: " << outcome.bundle.key_id << "\n";
    } else {
        out << "result: refused: " << outcome.reason << "\n"
            << "details: " << outcome.detail << "\n"
            << "The content the kiosk showed before stays on screen.\n";
    }
    return out.str();
}

Installer::Installer(InstallerConfig config) : config_(std::move(config)) {}

std::string Installer::live_path() const {
    return config_.data_folder + "/" + kLiveName;
}
std::string Installer::previous_path() const {
    return config_.data_folder + "/" + kPreviousName;
}
std::string Installer::staging_path() const {
    return config_.data_folder + "/staging";
}

void Installer::step(const char* name) const {
    if (config_.on_step) config_.on_step(name);
}

void Installer::recover() const {
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(staging_path().c_str()), ::closedir);
    if (!dir) return;
    std::vector<std::string> leftovers;
    while (const dirent* entry = ::readdir(dir.get())) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") leftovers.push_back(staging_path() + "/" + name);
    }
    for (const std::string& path : leftovers)
        ::unlink(path.c_str());
}

Outcome Installer::check_signature(const Candidate& candidate,
                                   std::optional<minisign::Signature>& signature,
                                   const minisign::PublicKey*& key) const {
    // The signature first: small, read once into memory, and only parsed.
    struct stat sig_stat {};
    if (::lstat(candidate.signature.c_str(), &sig_stat) != 0) {
        return refuse(Refusal::signature_missing, "no signature file (.minisig)",
                      candidate.signature + " is missing: the file is unsigned");
    }
    auto sig_text = core::read_regular_file(candidate.signature, config_.max_signature_bytes);
    if (!sig_text) {
        return refuse(Refusal::signature_unreadable, "the signature file is unreadable",
                      sig_text.error());
    }
    auto parsed = minisign::parse_signature(sig_text.value());
    if (!parsed) {
        return refuse(Refusal::signature_unreadable, "the signature file is unreadable",
                      candidate.signature + ": " + parsed.error());
    }
    signature = parsed.value();
    key = nullptr;
    for (const auto& k : config_.trusted_keys) {
        if (k.key_id == signature->key_id) key = &k;
    }
    if (!key) {
        return refuse(Refusal::unknown_key, "signed with an unknown key",
                      "the file is signed with key " + minisign::key_id_hex(signature->key_id) +
                          ", which is not among this kiosk's trusted keys");
    }
    return {};
}

Outcome Installer::read_signed(const Candidate& candidate, std::int64_t max_bytes,
                               std::string& text) const {
    if (config_.trusted_keys.empty()) {
        return refuse(Refusal::no_trusted_key, "no trusted signing key is configured",
                      "the configuration names no readable trusted_keys file");
    }
    std::optional<minisign::Signature> signature;
    const minisign::PublicKey* key = nullptr;
    if (Outcome o = check_signature(candidate, signature, key); !o.ok()) return o;
    auto read = core::read_regular_file(candidate.bundle, max_bytes);
    if (!read)
        return refuse(Refusal::stick_read_failed, "the file could not be read", read.error());
    // Verified on a private copy of the bytes that will be used, never on the shared file.
    if (::mkdir(staging_path().c_str(), 0700) != 0 && errno != EEXIST)
        return data_failure(errno, "creating " + staging_path());
    const std::string copy = staging_path() + "/signed-file";
    if (auto written = core::write_file_atomically(staging_path(), "signed-file", read.value());
        !written)
        return refuse(Refusal::data_io_error, "cannot write the private copy", written.error());
    auto hash = minisign::hash_file(copy);
    ::unlink(copy.c_str());
    if (!hash) return refuse(Refusal::data_io_error, "cannot read the private copy", hash.error());
    if (auto verified = minisign::verify_hash(hash.value(), *key, signature.value()); !verified) {
        return refuse(Refusal::signature_mismatch, "signature does not match",
                      candidate.bundle + ": " + verified.error() +
                          " (the file was changed, truncated or damaged after signing)");
    }
    text = std::move(read.value());
    Outcome o;
    o.bundle.key_id = minisign::key_id_hex(signature->key_id);
    return o;
}

Outcome Installer::install(const Candidate& candidate, std::int64_t installed_version,
                           bool force_downgrade, bool keep_previous) const {
    if (config_.trusted_keys.empty()) {
        return refuse(Refusal::no_trusted_key, "no trusted signing key is configured",
                      "the configuration names no readable trusted_keys file, so no bundle from a "
                      "stick can be checked");
    }
    std::optional<minisign::Signature> signature;
    const minisign::PublicKey* key = nullptr;
    if (Outcome o = check_signature(candidate, signature, key); !o.ok()) return o;
    const std::string key_id = minisign::key_id_hex(signature->key_id);

    // The bundle: opened once, copied once into a private file; the stick is not read again.
    Fd src(::open(candidate.bundle.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (src.get() < 0) {
        if (errno == ELOOP)
            return refuse(Refusal::not_a_file, "not a regular file",
                          candidate.bundle + " is a symbolic link");
        return refuse(Refusal::stick_read_failed, "the stick could not be read",
                      candidate.bundle + ": " + std::strerror(errno));
    }
    struct stat before {};
    if (::fstat(src.get(), &before) != 0 || !S_ISREG(before.st_mode)) {
        return refuse(Refusal::not_a_file, "not a regular file",
                      candidate.bundle + " is not a regular file");
    }
    if (before.st_size > config_.max_bundle_bytes) {
        return refuse(Refusal::too_large, "the bundle is too large",
                      candidate.bundle + " has " + std::to_string(before.st_size) +
                          " bytes; the limit is " + std::to_string(config_.max_bundle_bytes));
    }
    if (::mkdir(staging_path().c_str(), 0700) != 0 && errno != EEXIST)
        return data_failure(errno, "creating " + staging_path());
    std::string tmp = staging_path() + "/incoming-XXXXXX";
    Fd out(::mkostemp(tmp.data(), O_CLOEXEC));
    if (out.get() < 0) return data_failure(errno, "creating a file in " + staging_path());
    step("created-private-file");
    // From here on every refusal removes the private file.
    struct Remover {
        std::string path;
        bool keep = false;
        ~Remover() {
            if (!keep) ::unlink(path.c_str());
        }
    } remover{tmp};

    std::vector<char> buffer(std::max<std::size_t>(config_.chunk_bytes, 512));
    std::int64_t copied = 0;
    for (;;) {
        const ssize_t n = ::read(src.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            return refuse(Refusal::stick_read_failed, "the stick was removed during the copy",
                          "reading " + candidate.bundle + " failed after " +
                              std::to_string(copied) + " bytes: " + std::strerror(errno));
        }
        if (n == 0) break;
        if (copied + n > before.st_size) {
            return refuse(Refusal::stick_read_failed, "the file changed during the copy",
                          candidate.bundle + " grew while it was being copied");
        }
        if (config_.write_limit >= 0 && copied + n > config_.write_limit)
            return data_failure(ENOSPC, "writing " + tmp + " (injected write limit)");
        for (ssize_t done = 0; done < n;) {
            const ssize_t w =
                ::write(out.get(), buffer.data() + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) return data_failure(errno, "writing " + tmp);
            done += w;
        }
        copied += n;
        if (config_.on_chunk_read) config_.on_chunk_read(copied);
        step("copied-chunk");
    }
    struct stat after {};
    if (copied != before.st_size || ::fstat(src.get(), &after) != 0 || after.st_nlink == 0 ||
        after.st_size != before.st_size || after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
        after.st_mtim.tv_nsec != before.st_mtim.tv_nsec) {
        return refuse(Refusal::stick_read_failed,
                      "the stick was removed or the file changed during the copy",
                      "copied " + std::to_string(copied) + " of " + std::to_string(before.st_size) +
                          " bytes of " + candidate.bundle);
    }
    src.reset();
    if (::fsync(out.get()) != 0) return data_failure(errno, "syncing " + tmp);
    out.reset();
    step("synced-private-file");

    // Verify the private copy, the bytes that will be used.
    auto hash = minisign::hash_file(tmp);
    if (!hash) return refuse(Refusal::data_io_error, "cannot read the private copy", hash.error());
    auto verified = minisign::verify_hash(hash.value(), *key, signature.value());
    if (!verified) {
        return refuse(Refusal::signature_mismatch, "signature does not match",
                      candidate.bundle + ": " + verified.error() +
                          " (the file was changed, truncated or damaged after signing)");
    }
    BundleInfo info = parse_trusted_comment(signature->trusted_comment);
    info.key_id = key_id;

    // The checks, within their budget of time and memory.
    const auto checks_started = std::chrono::steady_clock::now();
    const core::Deadline deadline = core::Deadline::after(config_.check_seconds);
    content::SqliteHeapLimit heap(config_.sqlite_heap_bytes);
    const auto refused_by_checks = [&](Refusal r, const std::string& detail) {
        Outcome o = refuse(r, reason_for(r), detail);
        o.bundle = info;
        o.cost = {std::chrono::duration<double>(std::chrono::steady_clock::now() - checks_started)
                      .count(),
                  heap.peak()};
        return o;
    };
    std::vector<content::CheckProblem> problems = content::check_bundle_problems(tmp, deadline);
    if (problems.empty()) problems = content::check_search_index(tmp, deadline);
    if (!problems.empty()) {
        // The checks name the file they read, here the staging copy: the report names the
        // bundle on the stick instead.
        const std::string copy = tmp + ": ";
        const std::string stick =
            std::filesystem::path(candidate.bundle).filename().string() + ": ";
        std::string detail;
        for (const auto& p : problems) {
            const bool named = p.text.compare(0, copy.size(), copy) == 0;
            detail += (detail.empty() ? "" : "; ") +
                      (named ? stick + p.text.substr(copy.size()) : p.text);
        }
        return refused_by_checks(refusal_for(problems.front().kind), detail);
    }
    {
        auto store = content::ContentStore::open(tmp);
        if (!store)
            return refuse(Refusal::not_a_plaza_bundle, reason_for(Refusal::not_a_plaza_bundle),
                          store.error());
        const std::string meta_version = store->meta("content_version");
        const std::string meta_id = store->meta("bundle_id");
        info.event_name = store->event().name;
        if (info.version <= 0 || std::to_string(info.version) != meta_version ||
            (!info.bundle_id.empty() && info.bundle_id != meta_id)) {
            Outcome o =
                refuse(Refusal::signed_mismatch, "the signature is for another bundle or version",
                       "signed as '" + signature->trusted_comment + "', the bundle is " + meta_id +
                           " version " + meta_version);
            o.bundle = info;
            return o;
        }
        info.bundle_id = meta_id;
    }
    if (info.version <= installed_version && !force_downgrade) {
        Outcome o = refuse(
            Refusal::not_newer,
            "version " + std::to_string(info.version) +
                " is not newer than the installed version " + std::to_string(installed_version),
            candidate.bundle + " holds version " + std::to_string(info.version) + " of " +
                info.bundle_id + "; the kiosk shows version " + std::to_string(installed_version) +
                ": build the bundle again without --version (its build time is then its version) "
                "and sign it, or an admin can force a downgrade");
        o.bundle = info;
        return o;
    }
    const content::ScanResult scan = content::scan_bundle_values(tmp, deadline);
    if (scan.problem != content::ScanProblem::none)
        return refused_by_checks(refusal_for(scan.problem), scan.detail);
    const CheckCost cost{
        std::chrono::duration<double>(std::chrono::steady_clock::now() - checks_started).count(),
        heap.peak()};
    step("checked");

    // Go live. At every instant content.plaza is a complete bundle, old or new: the old one is
    // hard-linked as the previous bundle first, then the new one renamed over it (rename(2)
    // replaces atomically), then the folder is synced so the rename survives a power cut
    // (fsync(2): the directory entry needs its own fsync).
    struct stat live_stat {};
    if (keep_previous && ::stat(live_path().c_str(), &live_stat) == 0) {
        const std::string link_tmp = staging_path() + "/previous.link";
        ::unlink(link_tmp.c_str());
        if (::link(live_path().c_str(), link_tmp.c_str()) != 0)
            return data_failure(errno, "keeping the previous bundle");
        step("linked-previous");
        if (::rename(link_tmp.c_str(), previous_path().c_str()) != 0) {
            const int e = errno;
            ::unlink(link_tmp.c_str());
            return data_failure(e, "keeping the previous bundle");
        }
        step("renamed-previous");
    }
    if (::rename(tmp.c_str(), live_path().c_str()) != 0)
        return data_failure(errno, "renaming the new bundle into place");
    remover.keep = true;
    step("renamed-live");
    if (!fsync_path(config_.data_folder) || !fsync_path(staging_path()))
        return data_failure(errno, "syncing " + config_.data_folder);
    step("synced-folder");
    Outcome done;
    done.bundle = info;
    done.cost = cost;
    done.detail = "installed " + info.bundle_id + " version " + std::to_string(info.version) +
                  " signed by key " + info.key_id;
    return done;
}

Outcome Installer::roll_back() const {
    struct stat st {};
    if (::stat(previous_path().c_str(), &st) != 0) {
        return refuse(Refusal::not_a_plaza_bundle, "there is no previous bundle",
                      previous_path() + " does not exist");
    }
    if (::mkdir(staging_path().c_str(), 0700) != 0 && errno != EEXIST)
        return data_failure(errno, "creating " + staging_path());
    // live -> staging/swap (a link), previous -> live (atomic), swap -> previous.
    const std::string swap = staging_path() + "/rollback.link";
    ::unlink(swap.c_str());
    if (::link(live_path().c_str(), swap.c_str()) != 0)
        return data_failure(errno, "keeping the current bundle");
    step("rollback-linked");
    if (::rename(previous_path().c_str(), live_path().c_str()) != 0) {
        const int e = errno;
        ::unlink(swap.c_str());
        return data_failure(e, "restoring the previous bundle");
    }
    step("rollback-renamed");
    if (::rename(swap.c_str(), previous_path().c_str()) != 0)
        return data_failure(errno, "keeping the current bundle");
    if (!fsync_path(config_.data_folder) || !fsync_path(staging_path()))
        return data_failure(errno, "syncing " + config_.data_folder);
    Outcome done;
    auto store = content::ContentStore::open(live_path());
    if (store) {
        done.bundle.bundle_id = store->meta("bundle_id");
        done.bundle.event_name = store->event().name;
        done.bundle.version = std::atoll(store->meta("content_version").c_str());
    }
    done.detail = "rolled back to " + done.bundle.bundle_id + " version " +
                  std::to_string(done.bundle.version);
    return done;
}

}  // namespace plaza::install
