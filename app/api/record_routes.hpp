#pragma once
// The routes most records share, from one description per resource: a page
// of the list, a new record, one record, a change and a delete; and the sets
// a record owns (GET and PUT). What a resource does beyond them stays in its
// own file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include "app/api/common.hpp"
#include "storage/records.hpp"

namespace capdev::api {

// A list's filter and page, read in the order a resource reads them (the
// order of the errors in its 400).
template <class Filter>
struct Listing {
  Filter filter;
  storage::PageRequest page;
};

// The list query of a list with no filter of its own: a page.
template <class Filter>
Listing<Filter> PageOnly(Query& q) {
  return {{}, q.Page()};
}

// A record listed under its parent's `{id}` (`/workshops/{id}/sessions`):
// the parent must exist (404 otherwise), and its id goes into the list's
// filter as `field`.
template <class Parent, class Filter, class Field>
struct Under {
  Field Filter::*field;
};
template <class Parent, class Filter, class Field>
Under<Parent, Filter, Field> ListedUnder(Field Filter::*field) {
  return {field};
}
struct TopLevel {};

// A record's answer: its JSON, with the conflicts the write made where it
// could double-book.
struct RecordJson {
  template <class E>
  json::object operator()(const E& record) const {
    return Answer(record);
  }
  template <class E>
  json::object operator()(const services::Written<E>& written) const {
    return WrittenJson(written);
  }
};

// A resource's five routes. `list` is the collection (GET pages it, POST adds
// to it); `item` one record (GET, PATCH, DELETE), by default `list`/{id}.
// The services are called as they are declared: one that takes a `strict`
// flag makes its route take `?strict=` (a write that could double-book); a
// record whose item path holds its parent's `{id}` and its own
// (`.../sessions/{session_id}`) is loaded, changed and deleted by both ids;
// one created under a parent gets the parent's `{id}`. The Location of a new
// record is under `item`'s collection.
template <class ListQuery, class Create, class Update, class Remove,
          class Parent = TopLevel, class Load = std::nullptr_t,
          class CreatedJson = RecordJson>
struct RecordRoutes {
  std::string list;
  std::string item;
  // `Query&` -> Listing<Filter> (or a StatusOr of one).
  ListQuery list_query;
  Parent parent = {};
  // (db, ids...) -> StatusOr<E>; services::Load<E> by default.
  Load load = nullptr;
  Create create;
  CreatedJson created_json = {};
  Update update;
  Remove remove;
};

namespace record_routes {

// `?strict=true` for a service that takes the flag (last), else nothing.
template <class F, class... Args>
inline constexpr bool kTakesStrict =
    std::is_invocable_v<const F&, Args..., bool>;

template <class F, class... Args>
auto Call(const F& service, bool strict, Args&&... args) {
  if constexpr (kTakesStrict<F, Args...>) {
    return service(std::forward<Args>(args)..., strict);
  } else {
    return service(std::forward<Args>(args)...);
  }
}

template <bool kTakes>
domain::StatusOr<bool> StrictIf(Query& q) {
  if constexpr (kTakes) {
    return ReadStrict(q);
  } else {
    return false;
  }
}

// Reads a record's ids from its path (`{id}`, or its parent's `{id}` and
// its own `{own}`) and answers `then(ids...)`.
template <bool kInParent, class Then>
domain::StatusOr<Response> WithIds(Context& ctx, const std::string& own,
                                   const Then& then) {
  ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
  if constexpr (kInParent) {
    ASSIGN_OR_RETURN(const auto own_id, ctx.Id(own));
    return then(id, own_id);
  } else {
    return then(id);
  }
}

template <class P>
struct ParentOf;
template <class P, class Filter, class Field>
struct ParentOf<Under<P, Filter, Field>> {
  using type = P;
};

}  // namespace record_routes

template <class ListQuery, class Create, class Update, class Remove,
          class Parent, class Load, class CreatedJson>
void AddRecordRoutes(
    Router& router,
    RecordRoutes<ListQuery, Create, Update, Remove, Parent, Load, CreatedJson>
        r) {
  namespace rr = record_routes;
  using domain::StatusOr;
  using L = typename ReadValue<std::invoke_result_t<ListQuery&, Query&>>::type;
  using Filter = decltype(L::filter);
  using E = typename Filter::Entity;
  using Draft = domain::Draft<E>;
  using Tx = storage::WriteTx;
  using By = const domain::Principal&;
  using Id = std::int64_t;
  using P = domain::Permission;
  constexpr bool kUnder = !std::is_same_v<Parent, TopLevel>;
  constexpr bool kInParent =
      std::is_invocable_v<const Remove&, Tx&, By, Id, Id>;
  constexpr bool kCreateStrict =
      kUnder ? rr::kTakesStrict<Create, Tx&, By, Id, const Draft&>
             : rr::kTakesStrict<Create, Tx&, By, const Draft&>;
  constexpr bool kUpdateStrict =
      kInParent ? rr::kTakesStrict<Update, Tx&, By, Id, Id, const Draft&>
                : rr::kTakesStrict<Update, Tx&, By, Id, const Draft&>;

  if (r.item.empty()) r.item = r.list + "/{id}";
  // The record's own path parameter, and where a new one's Location is.
  const auto open = r.item.rfind('{');
  const std::string own = r.item.substr(open + 1, r.item.rfind('}') - open - 1);
  const std::string location = r.item.starts_with(r.list + "/")
                                   ? ""
                                   : r.item.substr(0, r.item.rfind('/'));
  const auto load = [load = r.load](storage::Database& db, auto... ids) {
    if constexpr (std::is_null_pointer_v<Load>) {
      return services::Load<E>(db, ids...);
    } else {
      return load(db, ids...);
    }
  };

  router.Add(
      kGet, r.list, P::kReadRecords, r.list_query,
      [parent = r.parent](Context& ctx,
                          const L& listing) -> StatusOr<Response> {
        if constexpr (kUnder) {
          ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
          using Owner = typename rr::ParentOf<Parent>::type;
          RETURN_IF_ERROR(services::Load<Owner>(ctx.db, id));
          Filter filter = listing.filter;
          filter.*parent.field = id;
          return PageResponse(storage::List(ctx.db, filter, listing.page));
        } else {
          Filter filter = listing.filter;
          // Names in the order the reader reads them.
          if constexpr (requires { filter.order.language; })
            filter.order.language = ctx.language;
          return PageResponse(storage::List(ctx.db, filter, listing.page));
        }
      });

  router.Add(kPost, r.list, P::kWriteRecords, rr::StrictIf<kCreateStrict>,
             [create = r.create, created_json = r.created_json, location](
                 Context& ctx, bool strict) -> StatusOr<Response> {
               const auto made = [&](auto... parent) -> StatusOr<Response> {
                 ASSIGN_OR_RETURN(const auto draft, ReadDraft<E>(ctx));
                 ASSIGN_OR_RETURN(const auto created, Write(ctx, [&](auto& tx) {
                                    return rr::Call(create, strict, tx,
                                                    *ctx.user, parent...,
                                                    draft);
                                  }));
                 return Created(ctx, created_json(created), location);
               };
               if constexpr (kUnder) {
                 ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
                 return made(id);
               } else {
                 return made();
               }
             });

  router.Add(kGet, r.item, P::kReadRecords,
             [load, own](Context& ctx) -> StatusOr<Response> {
               return rr::WithIds<kInParent>(
                   ctx, own, [&](auto... ids) -> StatusOr<Response> {
                     ASSIGN_OR_RETURN(const auto record, load(ctx.db, ids...));
                     return JsonResponse(200, Answer(record));
                   });
             });

  router.Add(kPatch, r.item, P::kWriteRecords, rr::StrictIf<kUpdateStrict>,
             [update = r.update, own](Context& ctx,
                                      bool strict) -> StatusOr<Response> {
               return rr::WithIds<kInParent>(
                   ctx, own, [&](auto... ids) -> StatusOr<Response> {
                     ASSIGN_OR_RETURN(const auto draft, ReadDraft<E>(ctx));
                     ASSIGN_OR_RETURN(
                         const auto updated, Write(ctx, [&](auto& tx) {
                           return rr::Call(update, strict, tx, *ctx.user,
                                           ids..., draft);
                         }));
                     return JsonResponse(200, RecordJson{}(updated));
                   });
             });

  router.Add(kDelete, r.item, P::kWriteRecords,
             [remove = r.remove, own](Context& ctx) -> StatusOr<Response> {
               return rr::WithIds<kInParent>(
                   ctx, own, [&](auto... ids) -> StatusOr<Response> {
                     RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                       return remove(tx, *ctx.user, ids...);
                     }));
                     return NoContent();
                   });
             });
}

// A set a record owns, read and replaced whole (a project's or workshop's
// parties, an indicator's values): GET `path` answers `read(db, id)` once
// the owner exists, PUT replaces it with the body's array through
// `replace(tx, user, id, entries, decoding_errors)`.
template <class Owner, class Entry, class Read, class Replace>
void AddSetRoutes(Router& router, const std::string& path, Read read,
                  Replace replace) {
  using domain::StatusOr;
  router.Add(kGet, path, domain::Permission::kReadRecords,
             [read](Context& ctx) -> StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<Owner>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto entries, read(ctx.db, id));
               return JsonResponse(200, EncodeAll(entries));
             });
  router.Add(kPut, path, domain::Permission::kWriteRecords,
             [replace](Context& ctx) -> StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto body, ReadList<Entry>(ctx));
               ASSIGN_OR_RETURN(const auto stored, Write(ctx, [&](auto& tx) {
                                  return replace(tx, *ctx.user, id, body.first,
                                                 body.second);
                                }));
               return JsonResponse(200, EncodeAll(stored));
             });
}

}  // namespace capdev::api
