#include "app/services/rate_limiter.hpp"

namespace capdev::services {

void RateLimiter::Prune(std::deque<Clock::time_point>& failures,
                        Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_)
    failures.pop_front();
}

std::int64_t RateLimiter::RetryAfter(const std::string& key,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Prune(it->second, now);
  const auto& failures = it->second;
  if (failures.size() < max_failures_) return 0;
  // Allowed again once fewer than max_failures_ remain in the window: when
  // the failure that many places from the newest ages out (concurrent logins
  // can push a key past the limit).
  const auto wait = failures[failures.size() - max_failures_] + window_ - now;
  return std::chrono::ceil<std::chrono::seconds>(wait).count();
}

void RateLimiter::Fail(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  // Bound the memory an attacker cycling through keys can take.
  if (failures_.size() > 100'000) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      Prune(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
  auto& f = failures_[key];
  Prune(f, now);
  f.push_back(now);
}

void RateLimiter::Succeed(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace capdev::services
