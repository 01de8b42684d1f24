#pragma once
// What the resource files share: reading a body into a draft, running a
// service in a write transaction, and the shapes of answers (a page, a
// created record, a write with its conflicts).

#include <string>
#include <utility>
#include <vector>

#include "app/codec/json_codec.hpp"
#include "app/http/json_body.hpp"
#include "app/http/router.hpp"
#include "app/services/records.hpp"
#include "domain/workshop.hpp"
#include "storage/filters.hpp"
#include "storage/page.hpp"
#include "storage/transaction.hpp"

namespace capdev::api {

// Route files speak HTTP and JSON: those two layers' names unqualified;
// services and reports are named (services::CreateWorkshop).
using namespace capdev::http;   // NOLINT(google-build-using-namespace)
using namespace capdev::codec;  // NOLINT(google-build-using-namespace)

// The body's fields for a record, decoded (400/422 when not a JSON object).
template <class E>
domain::StatusOr<domain::Draft<E>> ReadDraft(Context& ctx) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  return DecodeDraft<E>(body);
}

// The entries of a JSON array body (a set or a sheet), decoded; errors name
// them "[i].field".
template <class E>
domain::StatusOr<std::pair<std::vector<E>, domain::Errors>> ReadList(
    Context& ctx) {
  ASSIGN_OR_RETURN(const auto body, ParseArray(ctx.request));
  domain::Errors errors;
  auto list = DecodeList<E>(body, errors);
  return std::pair{std::move(list), std::move(errors)};
}

// A body that is `{"<field>": ID}` and nothing else (400/422 otherwise):
// merges and the like.
inline domain::StatusOr<std::int64_t> ReadIdBody(Context& ctx,
                                                 const char* field) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  domain::Errors errors;
  std::int64_t id = 0;
  for (const auto& [key, value] : body) {
    if (key == field) {
      FromJson(value, id, field, errors);
    } else {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
    }
  }
  errors.Required(field, id);
  RETURN_IF_ERROR(errors.ToStatus());
  return id;
}

// Runs `work(tx)` in a write transaction (committed when it succeeds).
template <class F>
auto Write(Context& ctx, F&& work) {
  return storage::InWriteTx(ctx.db, std::forward<F>(work));
}

// Readers of query parameters that several routes take (Router::Add).
// `?strict=true`: a write that would double-book is refused.
inline domain::StatusOr<bool> ReadStrict(Query& q) {
  const bool strict = q.Bool("strict").value_or(false);
  RETURN_IF_ERROR(q.Check());
  return strict;
}
// `limit` and `cursor`: a page of a list.
inline domain::StatusOr<storage::PageRequest> ReadPage(Query& q) {
  const auto page = q.Page();
  RETURN_IF_ERROR(q.Check());
  return page;
}

// A record as the API answers it: its fields and, for a workshop, what it
// may do now (`allowed_transitions`, computed, so not a stored field nor in
// the audit trail).
template <class E>
json::object Answer(const E& record) {
  return Encode(record);
}
json::object Answer(const domain::Workshop& workshop);

template <class E>
json::object ListPage(const storage::Page<E>& page) {
  json::array items;
  for (const auto& e : page.items) items.push_back(Answer(e));
  return {{"items", std::move(items)},
          {"next_cursor", page.next_after_id
                              ? json::value(EncodeCursor(*page.next_after_id))
                              : json::value(nullptr)}};
}

// 200 with one page of records, or the Status that kept it from being read.
template <class E>
domain::StatusOr<Response> PageResponse(
    const domain::StatusOr<storage::Page<E>>& page) {
  if (!page.ok()) return page.status();
  return JsonResponse(200, ListPage(*page));
}

// The record and, when the write could double-book, the conflicts it made.
template <class E>
json::object WrittenJson(const services::Written<E>& written) {
  json::object o = Answer(written.record);
  if (written.conflicts) o["conflicts"] = ToJson(*written.conflicts);
  return o;
}

// 201 with the new record's Location under the request's path.
// 201 with the record; Location is `collection`/id (the request's path by
// default, for records that live under the collection they are posted to).
inline Response Created(const Context& ctx, const json::object& body,
                        const std::string& collection = "") {
  Response r = JsonResponse(201, body);
  r.headers.emplace_back("Location",
                         (collection.empty() ? ctx.Path() : collection) + "/" +
                             std::to_string(body.at("id").as_int64()));
  return r;
}

inline Response NoContent() {
  return Response{204, "application/json", "", {}};
}

// `sort=name`: a list of names in the reader's order (storage::NameOrder; the
// handler sets the language).
inline storage::NameOrder SortByName(Query& q) {
  static constexpr std::string_view kSorts[] = {"name"};
  return {q.OneOf("sort", kSorts).has_value()};
}

}  // namespace capdev::api
