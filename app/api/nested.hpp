#pragma once
// Resources that live under a workshop (/api/v1/workshops/{id}/...).

#include "app/http/router.hpp"
#include "app/status_error.hpp"
#include "domain/workshop.hpp"
#include "storage/repository.hpp"

namespace capdev::app {

// The workshop named by the path's {id}, or a 404.
inline domain::Workshop RequireWorkshop(Context& ctx) {
  storage::Workshops workshops(ctx.db);
  const auto id = ctx.Id("id");
  auto w = workshops.Get(id);
  if (!w) throw StatusError(workshops.NotFound(id));
  return *w;
}

}  // namespace capdev::app
