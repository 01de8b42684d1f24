#pragma once
// Double-booking checks around a write. Inside the write's transaction:
// Before() notes the workshop's conflicts, After() finds the ones the write
// created. They are returned in the response body; with ?strict=true any new
// conflict makes After() fail, which undoes the write and answers 409.

#include <cstdint>
#include <vector>

#include "app/http/json_codec.hpp"
#include "app/http/router.hpp"
#include "domain/conflict.hpp"
#include "domain/status.hpp"

namespace capdev::app {

json::array ConflictsJson(const std::vector<domain::Conflict>& conflicts);

class ConflictGuard {
 public:
  explicit ConflictGuard(Context& ctx);
  void Before(std::int64_t workshop_id);
  domain::Status After(std::int64_t workshop_id);
  // After a failed write: throws the 409 with the conflicts if strict mode
  // refused it, otherwise does nothing.
  void ThrowIfRefused() const;
  const std::vector<domain::Conflict>& created() const { return created_; }

 private:
  Context& ctx_;
  bool strict_;
  bool refused_ = false;
  std::vector<domain::Conflict> before_;
  std::vector<domain::Conflict> created_;
};

}  // namespace capdev::app
