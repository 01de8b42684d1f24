// /api/v1/people, and erasing a person's personal data.

#include "app/services/people.hpp"

#include <spdlog/spdlog.h>

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"
#include "storage/duplicates.hpp"
#include "storage/erasure.hpp"
#include "storage/people.hpp"
#include "storage/sqlite/wal_checkpointer.hpp"

namespace capdev::api {

void AddPersonRoutes(
    Router& router,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer) {
  using P = domain::Permission;
  const std::string list = "/api/v1/people";
  const std::string item = list + "/{id}";

  AddRecordRoutes(router,
                  RecordRoutes{.list = list,
                               .list_query =
                                   [](Query& q) {
                                     return Listing<storage::PersonFilter>{
                                         {q.Id("organization_id"), q.Text("q"),
                                          SortByName(q)},
                                         q.Page()};
                                   },
                               .create = services::CreatePerson,
                               .created_json =
                                   [](const services::PersonCreated& created) {
                                     json::object body = Encode(created.person);
                                     body["possible_duplicates"] =
                                         EncodeAll(created.possible_duplicates);
                                     return body;
                                   },
                               .update = services::UpdatePerson,
                               .remove = services::DeletePerson});

  router.Add(kGet, item + "/workshops", P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Person>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto record,
                                storage::TrainingRecord(ctx.db, id));
               json::array items;
               for (const auto& e : record) {
                 const auto& w = e.workshop;
                 items.push_back({{"workshop_id", w.id},
                                  {"title", w.title},
                                  {"kind", ToJson(w.kind)},
                                  {"status", ToJson(w.status)},
                                  {"start_date", ToJson(w.start_date)},
                                  {"end_date", ToJson(w.end_date)},
                                  {"dates_estimated", w.dates_estimated},
                                  {"city", ToJson(w.city)},
                                  {"registration_id", e.registration_id},
                                  {"role", ToJson(e.role)},
                                  {"registration_status", ToJson(e.status)},
                                  {"sessions", e.sessions},
                                  {"days_attended", e.days_attended}});
               }
               return JsonResponse(200,
                                   json::object{{"items", std::move(items)},
                                                {"next_cursor", nullptr}});
             });

  router.Add(
      kPost, item + "/merge", P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto into_id, ReadIdBody(ctx, "into_id"));
        ASSIGN_OR_RETURN(const auto merged, Write(ctx, [&](auto& tx) {
                           return services::MergePerson(tx, *ctx.user, id,
                                                        into_id);
                         }));
        json::object body = Encode(merged.kept);
        json::array filled, conflicting;
        for (const auto& f : merged.filled_fields)
          filled.push_back(json::string(f));
        for (const auto& c : merged.conflicting_fields)
          conflicting.push_back(
              {{"field", c.field}, {"kept", c.kept}, {"merged", c.merged}});
        body["filled_fields"] = std::move(filled);
        body["conflicting_fields"] = std::move(conflicting);
        return JsonResponse(200, body);
      });

  router.Add(kPost, item + "/distinct", P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto other, ReadIdBody(ctx, "other_id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::MarkDistinct(tx, *ctx.user, id, other);
               }));
               return NoContent();
             });

  // The possible duplicates: every pair, or the pairs of one person, a page
  // at a time (the cursor: where the next page starts in their order). A
  // long read: it compares every person.
  const auto duplicates =
      [](Context& ctx, const storage::PageRequest& page,
         std::optional<std::int64_t> person) -> domain::StatusOr<Response> {
    ASSIGN_OR_RETURN(const auto snapshot,
                     storage::ReadTransaction::Begin(ctx.db));
    if (person)
      RETURN_IF_ERROR(services::Load<domain::Person>(ctx.db, *person));
    ASSIGN_OR_RETURN(const auto pairs,
                     storage::PossibleDuplicates(ctx.db, person));
    const auto start = std::min<std::size_t>(
        static_cast<std::size_t>(page.after_id), pairs.size());
    const auto end =
        std::min(pairs.size(), start + static_cast<std::size_t>(page.limit));
    json::array items;
    for (std::size_t k = start; k < end; ++k) {
      const auto& pair = pairs[k];
      json::array reasons, details;
      for (auto r : pair.reasons)
        reasons.push_back(json::string(domain::ToText(r)));
      for (auto id : {pair.first, pair.second}) {
        ASSIGN_OR_RETURN(const auto s, storage::SummaryOf(ctx.db, id));
        if (!s) continue;
        json::object d = Encode(s->person);
        d["organization_name"] = s->organization_name
                                     ? json::value(*s->organization_name)
                                     : json::value(nullptr);
        d["workshops"] = s->workshops;
        details.push_back(std::move(d));
      }
      items.push_back({{"people", {pair.first, pair.second}},
                       {"reasons", std::move(reasons)},
                       {"details", std::move(details)}});
    }
    return JsonResponse(
        200,
        json::object{{"items", std::move(items)},
                     {"next_cursor", end < pairs.size()
                                         ? json::value(EncodeCursor(
                                               static_cast<std::int64_t>(end)))
                                         : json::value(nullptr)}});
  };
  router
      .Add(kGet, list + "/duplicates", P::kReadRecords, ReadPage,
           [duplicates](Context& ctx, const storage::PageRequest& page) {
             return duplicates(ctx, page, std::nullopt);
           })
      .LongRunning();
  router
      .Add(kGet, item + "/duplicates", P::kReadRecords, ReadPage,
           [duplicates](Context& ctx, const storage::PageRequest& page)
               -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             return duplicates(ctx, page, id);
           })
      .LongRunning();

  // The erasure commits at once; the old values leave the files when the WAL
  // is truncated, which a reader still holding an older snapshot delays. The
  // request never waits for that reader: the checkpointer retries on its own.
  router.Add(
      kPost, item + "/erase", P::kAdmin,
      [checkpointer](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto person, Write(ctx, [&](auto& tx) {
                           return services::ErasePerson(tx, *ctx.user, id);
                         }));
        // Once the erasure is durable: truncating the WAL before
        // would leave the values in it.
        auto response = JsonResponse(200, Encode(person));
        response.after_commit = [checkpointer,
                                 body = Encode(person)](Response& r) mutable {
          const bool purged =
              checkpointer && checkpointer->TruncateNowOrLater();
          if (!purged) {
            spdlog::info(
                "erasure: a reader still needs the old pages; the WAL "
                "is truncated once it ends");
          }
          body["purged"] = purged;
          body["purge_status"] =
              purged ? "The old values are gone from the database files."
                     : "The old values leave the database files as soon "
                       "as a read still open elsewhere ends; the server "
                       "does this on its own.";
          r.body = json::serialize(body);
        };
        return response;
      });
}

}  // namespace capdev::api
