#pragma once
// The five routes every resource shares (list, get, create, PATCH, delete),
// written once. A resource file supplies its hooks: how to read its filter,
// its defaults and scope, its rules that need the database, and any work to
// do in the same transaction as the write.

#include <functional>
#include <string>

#include "app/services/audit.hpp"
#include "app/services/conflict_guard.hpp"
#include "app/http/json_codec.hpp"
#include "app/http/problem.hpp"
#include "app/http/query.hpp"
#include "app/http/router.hpp"
#include "app/status_error.hpp"
#include "storage/repository.hpp"
#include "storage/transaction.hpp"

namespace capdev::app {

template <class E>
struct CrudHooks {
  using Filter = typename storage::FilterOf<E>::type;

  std::string entity;             // the audit trail's name for it: "session"
  std::string collection;         // "/api/v1/workshops/{id}/sessions"
  std::string item_param = "id";  // the item's own path parameter
  std::function<Filter(Context&)> filter = [](Context&) { return Filter{}; };
  // A new entity with its defaults and the scope from the path.
  std::function<E(Context&)> make = [](Context&) { return E{}; };
  // Whether a stored entity belongs under this path (nested resources).
  std::function<bool(Context&, const E&)> in_scope = [](Context&, const E&) {
    return true;
  };
  std::function<domain::Status(Context&, const E&)> validate = [](Context&,
                                                                  const E& e) {
    if constexpr (requires { domain::Validate(e); }) {
      return domain::Validate(e);
    } else {
      return domain::Status::Ok();
    }
  };
  // Rules that need the database: referenced ids exist, ... (adds to errors).
  std::function<void(Context&, const E&, domain::Errors&)> check_references =
      [](Context&, const E&, domain::Errors&) {};
  // The workshop whose double bookings a write may change (none: no check).
  std::function<std::optional<std::int64_t>(const E&)> conflict_workshop =
      [](const E&) { return std::optional<std::int64_t>(); };
  // Runs inside the write transaction; `before` is null on create.
  std::function<domain::Status(Context&, const E* before, const E& after)>
      after_write =
          [](Context&, const E*, const E&) { return domain::Status::Ok(); };
};

// Adds `status`'s field errors for the fields that decoding did not already
// reject, then throws the lot as one 422 if anything is wrong.
void ThrowIfInvalid(domain::Errors& errors, const domain::Status& status);

// The request path without its query string.
std::string RequestPath(const Context& ctx);

template <class E>
E LoadInScope(Context& ctx, const CrudHooks<E>& hooks) {
  storage::Repository<E> repo(ctx.db);
  const auto id = ctx.Id(hooks.item_param);
  auto entity = repo.Get(id);
  if (!entity || !hooks.in_scope(ctx, *entity))
    throw StatusError(repo.NotFound(id));
  return *entity;
}

template <class E>
json::object ListPage(const storage::Page<E>& page) {
  return {{"items", EncodeAll(page.items)},
          {"next_cursor", page.next_after_id
                              ? json::value(EncodeCursor(*page.next_after_id))
                              : json::value(nullptr)}};
}

// A write's result: the stored entity and the conflicts the write created.
template <class E>
json::object Written(
    const E& entity,
    const std::optional<std::vector<domain::Conflict>>& conflicts) {
  json::object o = Encode(entity);
  if (conflicts) o["conflicts"] = ConflictsJson(*conflicts);
  return o;
}

template <class E>
json::object ValidatedWrite(Context& ctx, const CrudHooks<E>& hooks,
                            bool patch) {
  const json::value body = ParseBody(ctx.request);
  storage::Repository<E> repo(ctx.db);
  ConflictGuard guard(ctx);
  std::optional<E> before, stored;
  bool checks_conflicts = false;
  // Everything from reading the record to writing it runs in one
  // BEGIN IMMEDIATE transaction: a PATCH never overwrites a change committed
  // after it read the record. Throwing (a 422) rolls back.
  const auto status =
      storage::WriteTransaction(ctx.db, [&]() -> domain::Status {
        if (patch) before = LoadInScope(ctx, hooks);
        E entity = before ? *before : hooks.make(ctx);
        domain::Errors errors;
        Decode(RequireObject(body), entity, errors);
        hooks.check_references(ctx, entity, errors);
        ThrowIfInvalid(errors, hooks.validate(ctx, entity));

        checks_conflicts = hooks.conflict_workshop(entity).has_value();
        if (checks_conflicts) guard.Before(*hooks.conflict_workshop(entity));
        if (before) {
          if (auto s = repo.Update(entity); !s.ok()) return s;
        } else {
          auto id = repo.Create(entity);
          if (!id.ok()) return id.status();
          entity.id = id.value();
        }
        const E* previous = before ? &*before : nullptr;
        if (auto s = hooks.after_write(ctx, previous, entity); !s.ok())
          return s;
        if (checks_conflicts) {
          if (auto s = guard.After(*hooks.conflict_workshop(entity)); !s.ok())
            return s;
        }
        stored = repo.Get(entity.id);
        Audit(ctx, before ? "update" : "create", hooks.entity, entity.id,
              before ? json::value(Encode(*before)) : json::value(nullptr),
              Encode(*stored));
        return domain::Status::Ok();
      });
  guard.ThrowIfRefused();
  ThrowIfError(status);
  std::optional<std::vector<domain::Conflict>> conflicts;
  if (checks_conflicts) conflicts = guard.created();
  return Written(*stored, conflicts);
}

template <class E>
void AddCrudRoutes(Router& router, CrudHooks<E> hooks) {
  const std::string item = hooks.collection + "/{" + hooks.item_param + "}";

  router.Add("GET", hooks.collection, [hooks](Context& ctx) {
    storage::Repository<E> repo(ctx.db);
    auto filter = hooks.filter(ctx);
    return JsonResponse(200, ListPage(repo.List(filter, ctx.query.Page())));
  });

  router.Add("POST", hooks.collection, [hooks](Context& ctx) {
    hooks.filter(ctx);  // a nested collection's parent must exist
    auto created = ValidatedWrite<E>(ctx, hooks, false);
    const auto id = created.at("id").as_int64();
    Response r = JsonResponse(201, created);
    r.headers.emplace_back("Location",
                           RequestPath(ctx) + "/" + std::to_string(id));
    return r;
  });

  router.Add("GET", item, [hooks](Context& ctx) {
    return JsonResponse(200, Encode(LoadInScope(ctx, hooks)));
  });

  router.Add("PATCH", item, [hooks](Context& ctx) {
    return JsonResponse(200, ValidatedWrite<E>(ctx, hooks, true));
  });

  router.Add("DELETE", item, [hooks](Context& ctx) {
    storage::Repository<E> repo(ctx.db);
    ThrowIfError(storage::WriteTransaction(ctx.db, [&] {
      const E entity = LoadInScope(ctx, hooks);
      auto s = repo.Delete(entity.id);
      if (s.ok())
        Audit(ctx, "delete", hooks.entity, entity.id, Encode(entity), nullptr);
      return s;
    }));
    return Response{204, "application/json", "", {}};
  });
}

// 422 entry when a referenced record does not exist.
template <class E>
void CheckExists(Context& ctx, std::string_view field,
                 const std::optional<std::int64_t>& id,
                 domain::Errors& errors) {
  if (id && *id > 0 && !storage::Repository<E>(ctx.db).Exists(*id)) {
    errors.Add(std::string(field), "no record with id " + std::to_string(*id));
  }
}

}  // namespace capdev::app
