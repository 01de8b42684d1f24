#include "app/cli/heap.hpp"

#include <malloc.h>

namespace capdev::cli {

void KeepFreedMemoryForReuse() {
  // glibc's largest threshold: blocks up to 32 MiB come from the heap, which
  // is only trimmed once 1 GiB at its top is free. Without these settings the
  // thresholds adapt upwards only after a freed block, and only part way.
  constexpr int kLargestMmapThreshold = 32 << 20;
  constexpr int kTrimThreshold = 1 << 30;
  mallopt(M_MMAP_THRESHOLD, kLargestMmapThreshold);
  mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
}

}  // namespace capdev::cli
