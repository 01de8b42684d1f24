#pragma once
// Whether this build runs under ASan or TSan: they slow every step several
// times over, so tests of time bounds scale them, and tests of memory skip.

namespace capdev::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace capdev::testing
