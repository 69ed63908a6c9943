// SPDX-License-Identifier: GPL-3.0-or-later
// Result<T>: a value or a message saying what went wrong and where. Used below the UI instead of
// exceptions, so every failure reaches the person who can fix it as words.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace plaza::core {

struct Error {
    std::string message;
};

template <typename T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error.message)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const std::string& error() const { return error_; }

  private:
    std::optional<T> value_;
    std::string error_;
};

}  // namespace plaza::core
