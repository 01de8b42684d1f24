#pragma once
// GET and PUT of an organization set (a project's or a workshop's parties).

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "app/services/audit.hpp"
#include "app/api/crud.hpp"

namespace capdev::app {

template <class Owner, class Party>
void AddPartyRoutes(
    Router& router, const std::string& path, const std::string& entity,
    std::function<std::vector<Party>(storage::Database&, std::int64_t)> load,
    std::function<domain::Status(storage::Database&, std::int64_t,
                                 std::span<const Party>)>
        replace) {
  auto require_owner = [](Context& ctx) {
    const auto id = ctx.Id("id");
    storage::Repository<Owner> owners(ctx.db);
    if (!owners.Exists(id)) throw StatusError(owners.NotFound(id));
    return id;
  };
  router.Add("GET", path, [=](Context& ctx) {
    return JsonResponse(200, EncodeAll(load(ctx.db, require_owner(ctx))));
  });
  router.Add("PUT", path, [=](Context& ctx) {
    const auto id = require_owner(ctx);
    domain::Errors errors;
    auto parties =
        DecodeList<Party>(RequireArray(ParseBody(ctx.request)), errors);
    ThrowIfInvalid(errors, domain::ValidateParties(parties));
    ThrowIfError(storage::WriteTransaction(ctx.db, [&] {
      const json::value before = EncodeAll(load(ctx.db, id));
      auto s = replace(ctx.db, id, parties);
      if (s.ok())
        Audit(ctx, "replace", entity, id, before, EncodeAll(load(ctx.db, id)));
      return s;
    }));
    return JsonResponse(200, EncodeAll(load(ctx.db, id)));
  });
}

}  // namespace capdev::app
