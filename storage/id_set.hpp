#pragma once
// A set of row ids, one bit each. Ids are SQLite rowids, dense from 1, so
// the reports count the distinct people of a whole programme with it
// without sorting or hashing hundreds of thousands of them.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace capdev::storage {

class IdSet {
 public:
  void Insert(std::int64_t id) {
    if (id < 0) throw std::out_of_range("IdSet holds rowids from 0 up");
    const auto word = static_cast<std::size_t>(id) / 64;
    if (word >= bits_.size())
      bits_.resize(std::max(word + 1, bits_.size() * 2));
    const std::uint64_t bit = std::uint64_t{1} << (id % 64);
    if ((bits_[word] & bit) == 0) ++size_;
    bits_[word] |= bit;
  }
  std::int64_t size() const { return size_; }
  // The ids in ascending order.
  template <typename F>
  void ForEach(F&& f) const {
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (auto bits = bits_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<std::int64_t>(w * 64 + std::countr_zero(bits)));
      }
    }
  }

 private:
  std::vector<std::uint64_t> bits_;
  std::int64_t size_ = 0;
};

}  // namespace capdev::storage
