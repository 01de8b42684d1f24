#pragma once
// Generic CRUD over one table whose columns are `id` plus the entity's
// domain::Fields, in order. Internal to storage/: records.cpp builds on it.
// Get, Exists and List throw the engine's exceptions (their callers guard
// them); Insert, Update and Delete answer a Status.

#include <optional>
#include <string>
#include <vector>

#include "domain/field.hpp"
#include "domain/person.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/engine_errors.hpp"
#include "storage/page.hpp"
#include "storage/records.hpp"
#include "storage/references.hpp"
#include "storage/row_mapping.hpp"
#include "storage/text_key.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// A WHERE clause assembled from fixed SQL fragments and bound values only.
struct Where {
  std::string sql;
  std::vector<SqlValue> binds;
  void Add(const std::string& clause, std::vector<SqlValue> values = {}) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += clause;
    for (auto& v : values) binds.push_back(std::move(v));
  }
};

// An order by something other than id (CollatedNames below).
struct SortKey {
  std::string expression;  // of the table's columns
  std::string collation;   // registered by RegisterFold; empty: the column's
  bool descending = false;
};

// `%text%` for LIKE ... ESCAPE '\', with the user's own wildcards escaped.
inline std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// "t.id, t.name, t.kind, ..." for selecting whole entities in a join.
template <class E>
std::string ColumnsOf(const std::string& alias) {
  std::string out = alias + ".id";
  domain::ForEachField<E>(
      [&](const auto& f) { out += ", " + alias + "." + std::string(f.name); });
  return out;
}

// Reads an entity selected by ColumnsOf<E>, starting at column `first`.
template <class E>
E ReadEntity(Statement& q, int first = 0) {
  E e;
  e.id = q.Int64(first);
  int i = first;
  domain::ForEachField<E>([&](const auto& f) { Read(q, ++i, e.*(f.member)); });
  return e;
}

// One keyset page from `sql` (which ends "ORDER BY id LIMIT ?"): binds
// `where`'s values and limit + 1, reads rows with `read` until the page is
// full, and notes where the next page starts.
template <class T, class ReadRow>
Page<T> SelectPage(Database& db, const std::string& sql, const Where& where,
                   const PageRequest& page, ReadRow read) {
  ScopedStatement q(db, sql);
  int i = 1;
  for (const auto& v : where.binds) Bind(*q, i++, v);
  q->Bind(i, static_cast<std::int64_t>(page.limit) + 1);
  Page<T> out;
  while (q->Step()) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next_after_id = out.items.back().id;
      break;
    }
    out.items.push_back(read(*q));
  }
  return out;
}

// The text of a string field, for the folded key columns.
inline std::optional<std::string> TextOf(const std::string& v) { return v; }
inline std::optional<std::string> TextOf(const std::optional<std::string>& v) {
  return v;
}
// A list's items, each folded on its own, for the search key.
inline std::optional<std::string> TextOf(const std::vector<std::string>& v) {
  std::string joined;
  for (const auto& item : v) joined += item + kListSeparator;
  return joined;
}
template <class T>
std::optional<std::string> TextOf(const T&) {
  return std::nullopt;
}

// The folded text of the named string field of `e`, if set.
template <class E>
std::optional<std::string> FoldedField(const E& e, std::string_view name) {
  std::optional<std::string> out;
  domain::ForEachField<E>([&](const auto& f) {
    if (f.name != name) return;
    if (auto text = TextOf(e.*(f.member))) out = FoldKey(*text);
  });
  return out;
}

// What `q` compares for an entity: its kSearch fields folded, one after the
// other; people's names also as pinyin and compact (PersonSearchKey).
template <class E>
std::string SearchKeyOf(const E& e) {
  std::string search;
  for (auto name : domain::Fields<E>::kSearch) {
    if (auto key = FoldedField(e, name)) search += *key + kListSeparator;
  }
  return search;
}
inline std::string SearchKeyOf(const domain::Person& p) {
  return PersonSearchKey(p.full_name, p.native_name, p.email);
}

// Entities with a unique text (compared folded) or text that `q` searches
// keep folded copies in unique_key and search_key.
template <class E>
concept HasUniqueKey = requires {
  domain::Fields<E>::kUnique;
};
template <class E>
concept HasSearchKey = requires {
  domain::Fields<E>::kSearch;
};
// Entities with places compared as places keep each one's PlaceKey in
// NAME_key.
template <class E>
concept HasPlaceKeys = requires {
  domain::Fields<E>::kPlaces;
};

// The PlaceKey of the named string field of `e`, if set.
template <class E>
std::optional<std::string> PlaceKeyOf(const E& e, std::string_view name) {
  std::optional<std::string> out;
  domain::ForEachField<E>([&](const auto& f) {
    if (f.name != name) return;
    if (auto text = TextOf(e.*(f.member))) out = PlaceKey(*text);
  });
  return out;
}

template <class E>
class Table {
 public:
  explicit Table(Database& db)
      : db_(db),
        name_(domain::Fields<E>::kTable),
        noun_(domain::Fields<E>::kNoun) {
    domain::ForEachField<E>([&](const auto& f) { AddColumn(f.name, true); });
    if constexpr (HasUniqueKey<E>) AddColumn("unique_key", false);
    if constexpr (HasSearchKey<E>) AddColumn("search_key", false);
    if constexpr (HasPlaceKeys<E>) {
      for (auto place : domain::Fields<E>::kPlaces)
        AddColumn(std::string(place) + "_key", false);
    }
  }

  std::optional<E> Get(std::int64_t id) {
    auto page = List(WhereId(id), {0, 1});
    if (page.items.empty()) return std::nullopt;
    return std::move(page.items.front());
  }

  bool Exists(std::int64_t id) {
    ScopedStatement q(db_, "SELECT 1 FROM " + name_ + " WHERE id = ?");
    q->Bind(1, id);
    return q->Step();
  }

  // By id, or by `order` (an expression of the row, under a collation) and
  // then id, both descending or not: the page after a row starts after that
  // row's own key, so the cursor stays an id.
  Page<E> List(const Where& where, const PageRequest& page,
               const std::optional<SortKey>& order = std::nullopt) {
    Where w = where;
    std::string by = "id";
    if (order) {
      const std::string key =
          order->collation.empty()
              ? order->expression
              : order->expression + " COLLATE " + order->collation;
      const std::string after = order->descending ? " < " : " > ";
      if (page.after_id > 0) {
        w.Add("(" + key + ", id)" + after + "((SELECT " + order->expression +
                  " FROM " + name_ + " WHERE id = ?), ?)",
              {page.after_id, page.after_id});
      }
      const std::string direction = order->descending ? " DESC" : "";
      by = key + direction + ", id" + direction;
    } else if (page.after_id > 0) {
      w.Add("id > ?", {page.after_id});
    }
    return SelectPage<E>(db_,
                         "SELECT id" + columns_ + " FROM " + name_ + w.sql +
                             " ORDER BY " + by + " LIMIT ?",
                         w, page,
                         [](Statement& q) { return ReadEntity<E>(q); });
  }

  // The record's own constraint failures name it (409/422); anything else
  // the engine refuses is EngineStatus.
  domain::StatusOr<std::int64_t> Insert(const E& e) {
    return Guarded(
        [&] {
          ScopedStatement q(db_, "INSERT INTO " + name_ + " (" +
                                     inserted_.substr(2) + ") VALUES (" +
                                     placeholders_ + ")");
          BindFields(*q, e);
          q->Exec();
          return db_.connection().LastInsertId();
        },
        [&](const EngineError& ex) {
          return ConstraintStatus(ex, noun_, UniqueField());
        });
  }

  domain::Status Update(const E& e) {
    return Guarded(
        [&] {
          ScopedStatement q(db_, "UPDATE " + name_ + " SET " + assignments_ +
                                     " WHERE id = ?");
          const int n = BindFields(*q, e);
          q->Bind(n + 1, e.id);
          if (q->Exec() == 0) return storage::NotFound<E>(e.id);
          return domain::Status::Ok();
        },
        [&](const EngineError& ex) {
          return ConstraintStatus(ex, noun_, UniqueField());
        });
  }

  // A delete a foreign key refuses names what still references the record
  // (read after the refusal, hence the savepoint).
  domain::Status Delete(std::int64_t id) {
    return Guarded(
        [&] {
          StatementSavepoint savepoint(db_);
          ScopedStatement q(db_, "DELETE FROM " + name_ + " WHERE id = ?");
          q->Bind(1, id);
          const auto deleted = q->Exec();
          savepoint.Release();
          if (deleted == 0) return storage::NotFound<E>(id);
          return domain::Status::Ok();
        },
        [&](const EngineError& ex) {
          return DeleteRefused(db_, ex, name_, noun_, id);
        });
  }

 private:
  static Where WhereId(std::int64_t id) {
    Where w;
    w.Add("id = ?", {id});
    return w;
  }

  static std::string_view UniqueField() {
    if constexpr (HasUniqueKey<E>) return domain::Fields<E>::kUnique;
    return "";
  }

  void AddColumn(std::string_view name, bool selected) {
    if (selected) columns_ += ", " + std::string(name);
    inserted_ += ", " + std::string(name);
    placeholders_ += placeholders_.empty() ? "?" : ", ?";
    assignments_ +=
        (assignments_.empty() ? "" : ", ") + std::string(name) + " = ?";
  }

  int BindFields(Statement& q, const E& e) {
    int i = 0;
    domain::ForEachField<E>(
        [&](const auto& f) { Bind(q, ++i, e.*(f.member)); });
    if constexpr (HasUniqueKey<E>)
      Bind(q, ++i, FoldedField(e, domain::Fields<E>::kUnique));
    if constexpr (HasSearchKey<E>) Bind(q, ++i, SearchKeyOf(e));
    if constexpr (HasPlaceKeys<E>) {
      for (auto place : domain::Fields<E>::kPlaces)
        Bind(q, ++i, PlaceKeyOf(e, place));
    }
    return i;
  }

  Database& db_;
  std::string name_;
  std::string noun_;
  std::string columns_;   // ", name, kind, ...": what is read
  std::string inserted_;  // the same and the key columns: what is written
  std::string placeholders_;
  std::string assignments_;
};

}  // namespace capdev::storage
