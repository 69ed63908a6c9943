// SPDX-License-Identifier: GPL-3.0-or-later
// Files in places Plaza does not control (USB sticks, content folders, inboxes): opened without
// blocking (a FIFO or a device answers at once instead of hanging the thread that reads it),
// never through a symbolic link unless the caller allows it, and read or written only when
// fstat says it is a regular file.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace plaza::core {

// An open file descriptor, closed when it goes.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    void reset();

  private:
    int fd_;
};

enum class Links {
    refuse,  // a symbolic link is refused (sticks, inboxes)
    follow,  // followed (a content folder, whose caller checks where it leads)
};

// Opens a regular file for reading: O_NONBLOCK, O_NOFOLLOW unless `links` follows, then fstat.
// The error names the path and says what it is instead ("is a named pipe").
Result<FileDescriptor> open_regular_file(const std::string& path, Links links = Links::refuse);

// The whole of a regular file of at most `max_bytes`.
Result<std::string> read_regular_file(const std::string& path, std::int64_t max_bytes,
                                      Links links = Links::refuse);

// Writes `text` as `folder`/`name` through a temporary file beside it (fsynced, then renamed over
// the name), so a stick pulled half-way holds the old file or the new one. Something other than
// a regular file under either name (a FIFO, a link, a folder) is left alone and refused.
Result<bool> write_file_atomically(const std::string& folder, const std::string& name,
                                   const std::string& text);

// Whether `path`, its symbolic links and ".." resolved, lies inside `folder` resolved the same
// way (or is `folder`). False when either cannot be resolved.
bool resolves_inside(const std::string& folder, const std::string& path);

}  // namespace plaza::core
