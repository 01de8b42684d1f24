#pragma once
// A set of row ids. SQLite's rowids are dense from 1, so the reports count
// the distinct people of a whole programme with one bit each, without sorting
// or hashing hundreds of thousands of them. An id outside the dense range (a
// negative or very large rowid, inserted by hand) goes to an ordered set, so
// it costs memory for itself only.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

namespace capdev::storage {

class IdSet {
 public:
  // Ids below this one bit each (at most 2 MiB a set).
  static constexpr std::int64_t kDenseLimit = std::int64_t{1} << 24;

  void Insert(std::int64_t id) {
    if (id < 0 || id >= kDenseLimit) {
      if (sparse_.insert(id).second) ++size_;
      return;
    }
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
    auto sparse = sparse_.begin();
    for (; sparse != sparse_.end() && *sparse < 0; ++sparse) f(*sparse);
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (auto bits = bits_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<std::int64_t>(w * 64 + std::countr_zero(bits)));
      }
    }
    for (; sparse != sparse_.end(); ++sparse) f(*sparse);
  }

 private:
  std::vector<std::uint64_t> bits_;
  std::set<std::int64_t> sparse_;  // ids outside [0, kDenseLimit)
  std::int64_t size_ = 0;
};

}  // namespace capdev::storage
