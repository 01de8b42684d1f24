#pragma once
// The one place where the engine's exceptions become domain statuses. Every
// public function of storage runs its body in Guarded, so what leaves storage
// is a Status, never an EngineError: a constraint failure is the
// client's mistake (409/422, the schema being the last guard), a full disk, an
// I/O error, a lock not granted or a read stopped at its time budget is the
// machine's state (503), and anything else is a bug (Internal: 500, its detail
// logged). Internal to storage/.

#include <string_view>
#include <type_traits>
#include <utility>

#include "domain/status.hpp"
#include "storage/record_messages.hpp"
#include "storage/statement.hpp"

namespace capdev::storage {

// A constraint failure (UNIQUE, FOREIGN KEY, CHECK, NOT NULL) as the client's
// mistake about a `noun`; the unique_key column is reported as
// `unique_field`. Any other kind of constraint (a trigger's RAISE) is
// Internal.
domain::Status ConstraintStatus(const EngineError& e, std::string_view noun,
                                std::string_view unique_field = "");

// Any engine failure: constraints as ConstraintStatus of a "record",
// Unavailable for the machine's state, Internal for the rest.
domain::Status EngineStatus(const EngineError& e);

namespace internal {
template <class T>
struct Guarded {
  using type = domain::StatusOr<T>;
};
template <>
struct Guarded<void> {
  using type = domain::Status;
};
template <>
struct Guarded<domain::Status> {
  using type = domain::Status;
};
template <class T>
struct Guarded<domain::StatusOr<T>> {
  using type = domain::StatusOr<T>;
};
}  // namespace internal

// What Guarded(work) answers when `work` returns R: a Status for void or a
// Status, a StatusOr<T> for a T or a StatusOr<T>.
template <class R>
using GuardedResult = typename internal::Guarded<R>::type;

// Runs `work()` and answers its result as a Status or StatusOr; an engine
// exception becomes EngineStatus, except a constraint failure, which
// `on_constraint(e)` reads when given (to name the record, or what still
// references it).
template <class F>
GuardedResult<std::invoke_result_t<F&>> Guarded(F&& work) {
  return Guarded(std::forward<F>(work), [](const EngineError& e) {
    return ConstraintStatus(e, "record");
  });
}
template <class F, class OnConstraint>
GuardedResult<std::invoke_result_t<F&>> Guarded(F&& work,
                                                OnConstraint&& on_constraint) {
  using R = std::invoke_result_t<F&>;
  try {
    if constexpr (std::is_void_v<R>) {
      work();
      return domain::Status::Ok();
    } else {
      return work();
    }
  } catch (const EngineError& e) {
    if (!e.IsConstraint()) return EngineStatus(e);
    try {
      return on_constraint(e);  // may read the database (what references it)
    } catch (const EngineError& again) {
      return EngineStatus(again);
    }
  }
}

}  // namespace capdev::storage
