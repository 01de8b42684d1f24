#pragma once
// CRUD and filtered, paginated lists for each resource. Instantiated for the
// entities in repository.cpp, which keeps SQLiteCpp out of this header.

#include <cstdint>
#include <memory>
#include <optional>

#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/filters.hpp"
#include "storage/page.hpp"

namespace capdev::storage {

template <class E>
class Table;

template <class E>
class Repository {
 public:
  using Filter = typename FilterOf<E>::type;

  explicit Repository(Database& db);
  ~Repository();

  Page<E> List(const Filter& filter, const PageRequest& page);
  std::optional<E> Get(std::int64_t id);
  bool Exists(std::int64_t id);
  domain::StatusOr<std::int64_t> Create(const E& entity);
  domain::Status Update(const E& entity);
  // FailedPrecondition (409) while other records still reference it.
  domain::Status Delete(std::int64_t id);
  domain::Status NotFound(std::int64_t id) const;

 private:
  std::unique_ptr<Table<E>> table_;
};

using Organizations = Repository<domain::Organization>;
using Projects = Repository<domain::Project>;
using Workshops = Repository<domain::Workshop>;
using Sessions = Repository<domain::Session>;
using People = Repository<domain::Person>;
using Registrations = Repository<domain::Registration>;

}  // namespace capdev::storage
