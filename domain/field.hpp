#pragma once
// Describes an entity's fields once, so that the JSON mapping (app/) and the
// row mapping (storage/) are written once for every entity instead of per
// entity. Each entity specialises Fields<E> with a tuple of Field.

#include <string_view>
#include <tuple>

namespace capdev::domain {

// Who sets a field.
enum class Access {
  kClient,  // sent by the client
  kServer,  // set by the server (e.g. workshop_id from the path): sending
            // it is an error
  kEcho,    // shown for reading (e.g. an organization's name next to its
            // id); ignored when a client sends it back
};

template <class E, class M>
struct Field {
  std::string_view name;  // the JSON field name and the SQL column name
  M E::*member;
  Access access = Access::kClient;
};

// Specialised per entity: its table (kTable), its name in messages and the
// audit trail (kNoun), and its fields (kAll = std::tuple{Field{...}, ...}).
// Optionally kUnique, the text field no two records share (compared under
// Unicode case folding), and kSearch, the text fields `q` searches.
template <class E>
struct Fields;

template <class E, class F>
void ForEachField(F&& f) {
  std::apply([&](const auto&... field) { (f(field), ...); }, Fields<E>::kAll);
}

}  // namespace capdev::domain

namespace capdev::domain {

// True when every stored field is equal (ids and echoed fields are not
// compared).
template <class E>
bool SameFields(const E& a, const E& b) {
  bool same = true;
  ForEachField<E>([&](const auto& f) {
    same =
        same && (f.access == Access::kEcho || a.*(f.member) == b.*(f.member));
  });
  return same;
}

}  // namespace capdev::domain
