#include "app/api/crud.hpp"
#include "app/api/parties.hpp"
#include "app/api/routes.hpp"
#include "domain/project.hpp"
#include "domain/workshop.hpp"
#include "storage/parties.hpp"
#include "storage/session_schedule.hpp"

namespace capdev::app {

namespace {

// Keeps the sessions with their workshop: a new dated workshop gets one per
// day; a workshop that moves takes its sessions along (by the start date's
// shift), and may not leave any outside its new dates.
domain::Status ScheduleSessions(Context& ctx, const domain::Workshop* before,
                                const domain::Workshop& after) {
  auto& db = ctx.db;
  const bool had_dates = before && before->start_date;
  if (after.start_date && after.end_date) {
    if (had_dates && *before->start_date != *after.start_date) {
      // Check before moving: a shifted date past 9999-12-31 has no
      // representation.
      const int shift = before->start_date->DaysUntil(*after.start_date);
      if (storage::CountSessionsOutside(db, after.id,
                                        after.start_date->AddDays(-shift),
                                        after.end_date->AddDays(-shift)) > 0) {
        return domain::Status::Invalid(
            {{"end_date",
              "some sessions would fall outside the new dates; move or remove "
              "them first"}});
      }
      storage::ShiftSessions(db, after.id, shift);
    }
    if (!had_dates && storage::CountSessions(db, after.id) == 0) {
      const auto days = domain::DaysOf(*after.start_date, *after.end_date);
      storage::AddSessions(db, after.id, days);
    }
    if (storage::CountSessionsOutside(db, after.id, *after.start_date,
                                      *after.end_date) > 0) {
      return domain::Status::Invalid(
          {{"end_date",
            "some sessions would fall outside the new dates; move or remove "
            "them first"}});
    }
  } else if (storage::CountSessions(db, after.id) > 0) {
    return domain::Status::Invalid(
        {{"start_date",
          "the workshop has sessions; remove them before clearing its dates"}});
  }
  return domain::Status::Ok();
}

}  // namespace

void AddWorkshopRoutes(Router& router) {
  CrudHooks<domain::Workshop> hooks;
  hooks.entity = "workshop";
  hooks.collection = "/api/v1/workshops";
  hooks.filter = [](Context& ctx) {
    const auto& q = ctx.query;
    storage::WorkshopFilter f{q.Id("project_id"),
                              q.OneOf("status", domain::kWorkshopStatuses),
                              q.OneOf("kind", domain::kWorkshopKinds),
                              q.Text("city"),
                              q.Id("organization_id"),
                              q.Date("from"),
                              q.Date("to")};
    if (f.from && f.to && *f.to < *f.from) {
      throw StatusError(
          domain::Status::Malformed("'to' must not be before 'from'",
                                    {{"to", "must not be before from"}}));
    }
    return f;
  };
  hooks.check_references = [](Context& ctx, const domain::Workshop& w,
                              domain::Errors& errors) {
    CheckExists<domain::Project>(ctx, "project_id", w.project_id, errors);
  };
  hooks.after_write = [](Context& ctx, const domain::Workshop* before,
                         const domain::Workshop& after) {
    if (before) {
      if (auto s = domain::CheckTransition(before->status, after.status);
          !s.ok())
        return s;
    }
    return ScheduleSessions(ctx, before, after);
  };
  hooks.conflict_workshop = [](const domain::Workshop& w) {
    return std::optional<std::int64_t>(w.id);
  };
  AddCrudRoutes(router, hooks);
  AddPartyRoutes<domain::Workshop, domain::WorkshopParty>(
      router, "/api/v1/workshops/{id}/organizations", "workshop_organizations",
      storage::WorkshopParties, storage::ReplaceWorkshopParties);
}

}  // namespace capdev::app
