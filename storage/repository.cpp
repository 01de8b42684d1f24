#include "storage/repository.hpp"

#include "storage/table.hpp"

namespace capdev::storage {

namespace {

struct TableName {
  const char* table;
  const char* noun;
};
TableName NameOf(const domain::Organization*) {
  return {"organizations", "organization"};
}
TableName NameOf(const domain::Project*) { return {"projects", "project"}; }
TableName NameOf(const domain::Workshop*) { return {"workshops", "workshop"}; }
TableName NameOf(const domain::Session*) { return {"sessions", "session"}; }
TableName NameOf(const domain::Person*) { return {"people", "person"}; }
TableName NameOf(const domain::Registration*) {
  return {"registrations", "registration"};
}

Where ToWhere(const OrganizationFilter& f) {
  Where w;
  if (f.kind) w.Add("kind = ?", {*f.kind});
  if (f.q) {
    const std::string p = LikePattern(*f.q);
    w.Add(
        "(name LIKE ? ESCAPE '\\' OR short_name LIKE ? ESCAPE '\\'"
        " OR native_name LIKE ? ESCAPE '\\')",
        {p, p, p});
  }
  return w;
}

Where ToWhere(const ProjectFilter& f) {
  Where w;
  if (f.q) {
    const std::string p = LikePattern(*f.q);
    w.Add(
        "(code LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'"
        " OR native_title LIKE ? ESCAPE '\\')",
        {p, p, p});
  }
  return w;
}

Where ToWhere(const WorkshopFilter& f) {
  Where w;
  if (f.project_id) w.Add("project_id = ?", {*f.project_id});
  if (f.status) w.Add("status = ?", {*f.status});
  if (f.kind) w.Add("kind = ?", {*f.kind});
  if (f.city) w.Add("city = ? COLLATE NOCASE", {*f.city});
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

Where ToWhere(const PersonFilter& f) {
  Where w;
  if (f.organization_id) w.Add("organization_id = ?", {*f.organization_id});
  if (f.q) {
    const std::string p = LikePattern(*f.q);
    w.Add("(full_name LIKE ? ESCAPE '\\' OR native_name LIKE ? ESCAPE '\\')",
          {p, p});
  }
  return w;
}

Where ToWhere(const RegistrationFilter& f) {
  Where w;
  w.Add("workshop_id = ?", {f.workshop_id});
  if (f.role) w.Add("role = ?", {*f.role});
  if (f.status) w.Add("status = ?", {*f.status});
  if (f.person_id) w.Add("person_id = ?", {*f.person_id});
  return w;
}

}  // namespace

template <class E>
Repository<E>::Repository(Database& db) {
  const TableName n = NameOf(static_cast<const E*>(nullptr));
  table_ = std::make_unique<Table<E>>(db, n.table, n.noun);
}

template <class E>
Repository<E>::~Repository() = default;

template <class E>
Page<E> Repository<E>::List(const Filter& filter, const PageRequest& page) {
  return table_->List(ToWhere(filter), page);
}

template <class E>
std::optional<E> Repository<E>::Get(std::int64_t id) {
  return table_->Get(id);
}

template <class E>
bool Repository<E>::Exists(std::int64_t id) {
  return table_->Exists(id);
}

template <class E>
domain::StatusOr<std::int64_t> Repository<E>::Create(const E& entity) {
  return table_->Insert(entity);
}

template <class E>
domain::Status Repository<E>::Update(const E& entity) {
  return table_->Update(entity);
}

template <class E>
domain::Status Repository<E>::Delete(std::int64_t id) {
  return table_->Delete(id);
}

template <class E>
domain::Status Repository<E>::NotFound(std::int64_t id) const {
  return table_->NotFound(id);
}

template class Repository<domain::Organization>;
template class Repository<domain::Project>;
template class Repository<domain::Workshop>;
template class Repository<domain::Session>;
template class Repository<domain::Person>;
template class Repository<domain::Registration>;

}  // namespace capdev::storage
