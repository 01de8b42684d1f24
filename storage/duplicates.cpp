#include "storage/duplicates.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "storage/engine_errors.hpp"
#include "storage/romanize.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

std::string PhoneKey(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.starts_with("0086")) digits.erase(0, 4);
  if (digits.size() > 11 && digits.starts_with("86")) digits.erase(0, 2);
  return digits.size() >= 6 ? digits : "";
}

domain::StatusOr<std::vector<DuplicatePair>> PossibleDuplicates(
    Database& db, std::optional<std::int64_t> person_id) {
  return Guarded([&] {
    using R = domain::DuplicateReason;
    // Each reason's groups: the key, with the organization where it counts.
    std::map<R, std::unordered_map<std::string, std::vector<std::int64_t>>>
        groups;
    std::unordered_map<std::int64_t, std::string> native_of;
    ScopedStatement q(db,
                      "SELECT id, full_name, native_name, organization_id,"
                      " email, phone FROM people");
    while (q->Step()) {
      const auto id = q->Int64(0);
      const std::string org = q->IsNull(3) ? "-" : q->Text(3);
      const auto add = [&](R reason, const std::string& key) {
        if (!key.empty()) groups[reason][key].push_back(id);
      };
      add(R::kSameNameAndOrganization, CompactKey(q->Text(1)) + '\x1f' + org);
      if (!q->IsNull(2)) {
        const auto native = CompactKey(q->Text(2));
        if (!native.empty()) {
          std::string key = native;
          key += '\x1f';
          key += org;
          add(R::kSameNativeNameAndOrganization, key);
        }
        native_of[id] = native;
      }
      if (!q->IsNull(4)) add(R::kSameEmail, FoldKey(q->Text(4)));
      if (!q->IsNull(5)) add(R::kSamePhone, PhoneKey(q->Text(5)));
    }

    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<R>> pairs;
    for (const auto& [reason, by_key] : groups) {
      for (const auto& [key, ids] : by_key) {
        if (ids.size() < 2 || ids.size() > kMaxGroup) continue;
        for (std::size_t i = 0; i < ids.size(); ++i) {
          for (std::size_t j = i + 1; j < ids.size(); ++j) {
            const auto a = std::min(ids[i], ids[j]),
                       b = std::max(ids[i], ids[j]);
            if (person_id && a != *person_id && b != *person_id) continue;
            // 王芳 and 汪芳 share WANG Fang, and are told apart by it.
            const auto& na = native_of[a];
            const auto& nb = native_of[b];
            if (reason == R::kSameNameAndOrganization && !na.empty() &&
                !nb.empty() && na != nb)
              continue;
            pairs[{a, b}].push_back(reason);
          }
        }
      }
    }
    ScopedStatement distinct(
        db,
        "SELECT 1 FROM people_distinct WHERE person_id = ? AND other_id = ?");
    std::vector<DuplicatePair> out;
    for (auto& [ids, reasons] : pairs) {
      distinct->Reset();
      BindAll(*distinct, ids.first, ids.second);
      if (distinct->Step()) continue;
      std::sort(reasons.begin(), reasons.end());
      out.push_back({ids.first, ids.second, std::move(reasons)});
    }
    return out;
  });
}

domain::Status MarkDistinct(WriteTx& tx, std::int64_t a, std::int64_t b) {
  return Guarded([&] {
    ScopedStatement q(tx.db(),
                      "INSERT INTO people_distinct(person_id, other_id)"
                      " VALUES (?, ?) ON CONFLICT DO NOTHING");
    BindAll(*q, std::min(a, b), std::max(a, b));
    q->Exec();
  });
}

domain::StatusOr<std::optional<PersonSummary>> SummaryOf(Database& db,
                                                         std::int64_t id) {
  return Guarded([&]() -> std::optional<PersonSummary> {
    ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Person>("p") +
                              ", o.name, (SELECT COUNT(*) FROM registrations r"
                              " WHERE r.person_id = p.id)"
                              " FROM people p LEFT JOIN organizations o"
                              " ON o.id = p.organization_id WHERE p.id = ?");
    q->Bind(1, id);
    if (!q->Step()) return std::nullopt;
    PersonSummary s;
    s.person = ReadEntity<domain::Person>(*q);
    constexpr int kAfter =
        std::tuple_size_v<decltype(domain::Fields<domain::Person>::kAll)> + 1;
    Read(*q, kAfter, s.organization_name);
    Read(*q, kAfter + 1, s.workshops);
    return s;
  });
}

}  // namespace capdev::storage
