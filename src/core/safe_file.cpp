// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/safe_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace plaza::core {
namespace {

// What a file that is not a regular one is, for a message an organiser or technician can act on.
std::string kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string open_error(const std::string& path, int error) {
    // O_NOFOLLOW answers ELOOP for a link; O_NONBLOCK makes a FIFO without a reader answer ENXIO
    // to a writer (open(2)).
    if (error == ELOOP) return path + ": is a symbolic link, which is not followed";
    if (error == ENXIO) return path + ": is a named pipe (FIFO) or device, which is not opened";
    return path + ": " + std::strerror(error);
}

}  // namespace

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        reset();
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

void FileDescriptor::reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

Result<FileDescriptor> open_regular_file(const std::string& path, Links links) {
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::refuse ? O_NOFOLLOW : 0);
    FileDescriptor fd(::open(path.c_str(), flags));
    if (fd.get() < 0) return Error{open_error(path, errno)};
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return Error{path + ": " + std::strerror(errno)};
    if (!S_ISREG(st.st_mode)) return Error{path + ": is " + kind_of(st.st_mode) + ", not read"};
    return fd;
}

Result<std::string> read_regular_file(const std::string& path, std::int64_t max_bytes,
                                      Links links) {
    auto fd = open_regular_file(path, links);
    if (!fd) return Error{fd.error()};
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0) return Error{path + ": " + std::strerror(errno)};
    if (st.st_size > max_bytes)
        return Error{path + ": larger than " + std::to_string(max_bytes) + " bytes"};
    std::string text;
    text.reserve(static_cast<size_t>(st.st_size));
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd->get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error{path + ": " + std::strerror(errno)};
        if (n == 0) break;
        if (static_cast<std::int64_t>(text.size()) + n > max_bytes)
            return Error{path + ": grew past " + std::to_string(max_bytes) + " bytes"};
        text.append(buffer, static_cast<size_t>(n));
    }
    return text;
}

Result<bool> write_file_atomically(const std::string& folder, const std::string& name,
                                   const std::string& text) {
    const std::string target = folder + "/" + name;
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        return Error{target + ": is " + kind_of(st.st_mode) + ", left alone"};
    const std::string tmp = folder + "/." + name + ".tmp";
    FileDescriptor fd(
        ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644));
    if (fd.get() < 0) return Error{open_error(tmp, errno)};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return Error{tmp + ": is " + kind_of(st.st_mode) + ", left alone"};
    // Truncated only once it is known to be a regular file of Plaza's.
    bool ok = ::ftruncate(fd.get(), 0) == 0;
    for (size_t done = 0; ok && done < text.size();) {
        const ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<size_t>(n);
    }
    ok = ok && ::fsync(fd.get()) == 0;
    const int error = errno;
    fd.reset();
    if (!ok || ::rename(tmp.c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(ok ? errno : error);
        ::unlink(tmp.c_str());
        return Error{target + ": " + why};
    }
    return true;
}

bool resolves_inside(const std::string& folder, const std::string& path) {
    const std::unique_ptr<char, decltype(&std::free)> root(::realpath(folder.c_str(), nullptr),
                                                           std::free);
    const std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr),
                                                           std::free);
    if (!root || !real) return false;
    const std::string r = root.get(), p = real.get();
    return p == r || (p.size() > r.size() && p.compare(0, r.size(), r) == 0 &&
                      (r.back() == '/' || p[r.size()] == '/'));
}

}  // namespace plaza::core
