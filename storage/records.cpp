#include "storage/records.hpp"

#include "storage/engine_errors.hpp"
#include "storage/organization_namespace.hpp"
#include "storage/romanize.hpp"
#include "storage/table.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

namespace {

std::string Text(domain::Enumeration auto value) {
  return std::string(domain::ToText(value));
}

Where ToWhere(const OrganizationFilter& f) {
  Where w;
  if (f.kind) w.Add("kind = ?", {Text(*f.kind)});
  if (f.q) w.Add("search_key LIKE ? ESCAPE '\\'", {LikePattern(FoldKey(*f.q))});
  return w;
}

Where ToWhere(const ProjectFilter& f) {
  Where w;
  if (f.q) w.Add("search_key LIKE ? ESCAPE '\\'", {LikePattern(FoldKey(*f.q))});
  return w;
}

Where ToWhere(const WorkshopFilter& f) {
  Where w;
  if (f.project_id) w.Add("project_id = ?", {*f.project_id});
  if (f.status) w.Add("status = ?", {Text(*f.status)});
  if (f.kind) w.Add("kind = ?", {Text(*f.kind)});
  if (f.city) w.Add("city = ? COLLATE NOCASE", {*f.city});
  if (f.q) w.Add("search_key LIKE ? ESCAPE '\\'", {LikePattern(FoldKey(*f.q))});
  if (f.organization_id) {
    w.Add(
        "id IN (SELECT workshop_id FROM workshop_organizations WHERE "
        "organization_id = ?)",
        {*f.organization_id});
  }
  // Overlap with [from, to]: undated workshops never match a date range.
  if (f.from) w.Add("end_date >= ?", {f.from->ToString()});
  if (f.to) w.Add("start_date <= ?", {f.to->ToString()});
  return w;
}

Where ToWhere(const SessionFilter& f) {
  Where w;
  w.Add("workshop_id = ?", {f.workshop_id});
  return w;
}

Where ToWhere(const ResultFilter& f) {
  Where w;
  w.Add("project_id = ?", {f.project_id});
  return w;
}

Where ToWhere(const QuestionnaireFilter& f) {
  Where w;
  w.Add("project_id = ?", {f.project_id});
  return w;
}

Where ToWhere(const IndicatorFilter& f) {
  Where w;
  if (f.result_id) w.Add("result_id = ?", {*f.result_id});
  if (f.project_id) {
    w.Add("result_id IN (SELECT id FROM results WHERE project_id = ?)",
          {*f.project_id});
  }
  return w;
}

Where ToWhere(const PersonFilter& f) {
  Where w;
  if (f.organization_id) w.Add("organization_id = ?", {*f.organization_id});
  if (f.q) {
    w.Add("search_key LIKE ? ESCAPE '\\'", {LikePattern(CompactKey(*f.q))});
  }
  return w;
}

Where ToWhere(const RegistrationFilter& f) {
  Where w;
  w.Add("workshop_id = ?", {f.workshop_id});
  if (f.role) w.Add("role = ?", {Text(*f.role)});
  if (f.status) w.Add("status = ?", {Text(*f.status)});
  if (f.person_id) w.Add("person_id = ?", {*f.person_id});
  return w;
}

}  // namespace

template <class E>
domain::StatusOr<std::optional<E>> Get(Database& db, std::int64_t id) {
  return Guarded([&] { return Table<E>(db).Get(id); });
}

template <class E>
domain::StatusOr<bool> Exists(Database& db, std::int64_t id) {
  return Guarded([&] { return Table<E>(db).Exists(id); });
}

namespace {

// In Chinese the Chinese name where there is one, in pinyin order; in
// English the Latin name.
std::optional<SortKey> NameSort(const NameOrder& order, const char* latin) {
  if (!order.by_name) return std::nullopt;
  if (order.language == domain::Language::kZh) {
    return SortKey{"coalesce(native_name, " + std::string(latin) + ")",
                   "capdev_name_zh"};
  }
  return SortKey{latin, "capdev_name"};
}

std::optional<SortKey> SortOf(const PersonFilter& f) {
  return NameSort(f.order, "full_name");
}
std::optional<SortKey> SortOf(const OrganizationFilter& f) {
  return NameSort(f.order, "name");
}
// ISO dates sort as text; the stand-ins put undated workshops last.
std::optional<SortKey> SortOf(const WorkshopFilter& f) {
  switch (f.order) {
    case WorkshopOrder::kNewestFirst:
      return SortKey{"coalesce(start_date, '')", "", true};
    case WorkshopOrder::kOldestFirst:
      return SortKey{"coalesce(start_date, '9999-12-31')", ""};
    case WorkshopOrder::kId:
      break;
  }
  return std::nullopt;
}
std::optional<SortKey> SortOf(const auto&) { return std::nullopt; }

}  // namespace

template <class Filter>
domain::StatusOr<Page<typename Filter::Entity>> List(Database& db,
                                                     const Filter& filter,
                                                     const PageRequest& page) {
  return Guarded([&] {
    return Table<typename Filter::Entity>(db).List(ToWhere(filter), page,
                                                   SortOf(filter));
  });
}

// An organization's names are checked against every other organization's
// before it is written, and claimed with it.
template <class E>
domain::StatusOr<std::int64_t> Insert(WriteTx& tx, const E& entity) {
  if constexpr (std::is_same_v<E, domain::Organization>)
    RETURN_IF_ERROR(CheckOrganizationNames(tx.db(), entity));
  ASSIGN_OR_RETURN(const auto id, Table<E>(tx.db()).Insert(entity));
  if constexpr (std::is_same_v<E, domain::Organization>) {
    auto stored = entity;
    stored.id = id;
    RETURN_IF_ERROR(ClaimOrganizationNames(tx, stored));
  }
  return id;
}

template <class E>
domain::Status Update(WriteTx& tx, const E& entity) {
  if constexpr (std::is_same_v<E, domain::Organization>)
    RETURN_IF_ERROR(CheckOrganizationNames(tx.db(), entity));
  RETURN_IF_ERROR(Table<E>(tx.db()).Update(entity));
  if constexpr (std::is_same_v<E, domain::Organization>)
    RETURN_IF_ERROR(ClaimOrganizationNames(tx, entity));
  return domain::Status::Ok();
}

template <class E>
domain::Status Delete(WriteTx& tx, std::int64_t id) {
  return Table<E>(tx.db()).Delete(id);
}

// `E` is a type in a template argument list: it cannot be put in parentheses
// (and clang-tidy reads the `>>` closing two lists as a shift).
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CAPDEV_RECORDS(E, Filter)                                              \
  template domain::StatusOr<std::optional<E>> Get<E>(Database&, std::int64_t); \
  template domain::StatusOr<bool> Exists<E>(Database&, std::int64_t);          \
  template domain::StatusOr<Page<E>> List<Filter>(Database&, const Filter&,    \
                                                  const PageRequest&);         \
  template domain::StatusOr<std::int64_t> Insert<E>(WriteTx&, const E&);       \
  template domain::Status Update<E>(WriteTx&, const E&);                       \
  template domain::Status Delete<E>(WriteTx&, std::int64_t);
// NOLINTEND(bugprone-macro-parentheses)

CAPDEV_RECORDS(domain::Organization, OrganizationFilter)
CAPDEV_RECORDS(domain::Project, ProjectFilter)
CAPDEV_RECORDS(domain::Workshop, WorkshopFilter)
CAPDEV_RECORDS(domain::Session, SessionFilter)
CAPDEV_RECORDS(domain::Person, PersonFilter)
CAPDEV_RECORDS(domain::Registration, RegistrationFilter)
CAPDEV_RECORDS(domain::Result, ResultFilter)
CAPDEV_RECORDS(domain::Indicator, IndicatorFilter)
CAPDEV_RECORDS(domain::Questionnaire, QuestionnaireFilter)

}  // namespace capdev::storage
