#pragma once
// Keyset pagination: rows are ordered by id and a page starts after the last
// id of the previous one, so pages stay stable while rows are added.

#include <cstdint>
#include <optional>
#include <vector>

namespace capdev::storage {

struct PageRequest {
  std::int64_t after_id = 0;
  int limit = 50;
};

template <class E>
struct Page {
  std::vector<E> items;
  std::optional<std::int64_t> next_after_id;  // set when more rows follow
};

}  // namespace capdev::storage
