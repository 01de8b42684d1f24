#pragma once
// Lets request helpers (path ids, query parameters, bodies) stop a handler
// with a Status; the router turns it into problem+json through Problem(),
// so there is still one mapping from Status to HTTP.

#include <boost/json/object.hpp>
#include <exception>

#include "domain/status.hpp"

namespace capdev::app {

class StatusError : public std::exception {
 public:
  // `extensions`: extra members of the problem+json body (RFC 9457 §3.2).
  explicit StatusError(domain::Status status,
                       boost::json::object extensions = {})
      : status_(std::move(status)), extensions_(std::move(extensions)) {}
  const domain::Status& status() const { return status_; }
  const boost::json::object& extensions() const { return extensions_; }
  const char* what() const noexcept override {
    return status_.detail().c_str();
  }

 private:
  domain::Status status_;
  boost::json::object extensions_;
};

inline void ThrowIfError(const domain::Status& status) {
  if (!status.ok()) throw StatusError(status);
}

}  // namespace capdev::app
