#pragma once
// Lets request helpers (path ids, query parameters, bodies) stop a handler
// with a Status; the router turns it into problem+json through Problem(),
// so there is still one mapping from Status to HTTP.

#include <exception>

#include "domain/status.hpp"

namespace capdev::app {

class StatusError : public std::exception {
 public:
  explicit StatusError(domain::Status status) : status_(std::move(status)) {}
  const domain::Status& status() const { return status_; }
  const char* what() const noexcept override {
    return status_.detail().c_str();
  }

 private:
  domain::Status status_;
};

inline void ThrowIfError(const domain::Status& status) {
  if (!status.ok()) throw StatusError(status);
}

}  // namespace capdev::app
