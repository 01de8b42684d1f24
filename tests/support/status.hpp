#pragma once
// Statuses a test expects to be ok: a failure fails the test with the
// Status's detail, and ends it (by an exception gtest reports) as an ASSERT
// would, so the next line may use the value.

#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>

#include "domain/status.hpp"

namespace capdev::testing {

inline void Ok(const domain::Status& status) {
  if (status.ok()) return;
  ADD_FAILURE() << "expected ok, got: " << status.detail();
  throw std::runtime_error(std::string(status.detail().key()));
}

template <class T>
T Ok(domain::StatusOr<T> result) {
  Ok(domain::StatusOf(result));
  return std::move(*result);
}

}  // namespace capdev::testing
