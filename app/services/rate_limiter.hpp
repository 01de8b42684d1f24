#pragma once
// Counts failed logins per key (a username, a client address) in a sliding
// window; past the limit the key is refused until old failures age out.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace capdev::services {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t max_failures, std::chrono::seconds window)
      : max_failures_(max_failures), window_(window) {}

  // Seconds until `key` may try again; 0 when it may try now.
  std::int64_t RetryAfter(const std::string& key,
                          Clock::time_point now = Clock::now());
  void Fail(const std::string& key, Clock::time_point now = Clock::now());
  void Succeed(const std::string& key);

 private:
  void Prune(std::deque<Clock::time_point>& failures,
             Clock::time_point now) const;

  std::size_t max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace capdev::services
