#pragma once
// JSON leaves the meaning of a key repeated within one object open (RFC 8259
// §4): Boost.JSON keeps the last, a proxy or an audit tool may read the
// first. A body that repeats a key is refused instead of guessed at.

#include <optional>
#include <string>
#include <string_view>

namespace capdev::http {

// The path of the first key that appears twice in one object of `json` ("role",
// "targets[2].year"), or nullopt. Expects text that parses as JSON.
std::optional<std::string> RepeatedKey(std::string_view json);

}  // namespace capdev::http
