#include "storage/organization_namespace.hpp"

#include <algorithm>
#include <set>

#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

namespace {

// The organization's names with the field each comes from, duplicates
// within the record (a short name equal to the name) once.
std::vector<std::pair<std::string, std::string>> KeyedNames(
    const domain::Organization& org) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& field, const std::string& name) {
    if (name.empty()) return;
    auto key = FoldKey(name);
    if (seen.insert(key).second) out.emplace_back(std::move(key), field);
  };
  add("name", org.name);
  if (org.native_name) add("native_name", *org.native_name);
  if (org.short_name) add("short_name", *org.short_name);
  for (std::size_t i = 0; i < org.aliases.size(); ++i)
    add("aliases[" + std::to_string(i) + "]", org.aliases[i]);
  return out;
}

}  // namespace

domain::Status CheckOrganizationNames(Database& db,
                                      const domain::Organization& org) {
  return Guarded([&]() -> domain::Status {
    std::vector<domain::FieldError> errors;
    std::optional<domain::Message> detail;  // of the first name taken
    ScopedStatement q(db,
                      "SELECT o.id, o.name FROM organization_names n"
                      " JOIN organizations o ON o.id = n.organization_id"
                      " WHERE n.key = ? AND n.organization_id <> ?");
    for (const auto& [key, field] : KeyedNames(org)) {
      q->Reset();
      BindAll(*q, key, org.id);
      if (!q->Step()) continue;
      const std::vector<std::pair<std::string, domain::Arg>> holder = {
          {"id", std::to_string(q->Int64(0))}, {"name", q->Text(1)}};
      errors.emplace_back(
          field, domain::kTaken,
          domain::Message("error.name_of_organization", holder));
      if (!detail)
        detail = domain::Message("error.organization_name_taken", holder);
    }
    if (errors.empty()) return domain::Status::Ok();
    return domain::Status::AlreadyExists(*std::move(detail), std::move(errors));
  });
}

domain::Status ClaimOrganizationNames(WriteTx& tx,
                                      const domain::Organization& org) {
  return Guarded([&] {
    Database& db = tx.db();
    ScopedStatement drop(
        db, "DELETE FROM organization_names WHERE organization_id = ?");
    drop->Bind(1, org.id);
    drop->Exec();
    ScopedStatement add(db,
                        "INSERT INTO organization_names(key, organization_id)"
                        " VALUES (?, ?)");
    for (const auto& [key, field] : KeyedNames(org)) {
      add->Reset();
      BindAll(*add, key, org.id);
      add->Exec();
    }
  });
}

domain::StatusOr<std::optional<std::int64_t>> OrganizationHolding(
    Database& db, std::string_view name) {
  return Guarded([&]() -> std::optional<std::int64_t> {
    ScopedStatement q(
        db, "SELECT organization_id FROM organization_names WHERE key = ?");
    BindAll(*q, FoldKey(name));
    if (!q->Step()) return std::nullopt;
    return q->Int64(0);
  });
}

domain::StatusOr<std::unordered_map<std::string, std::int64_t>>
OrganizationNameKeys(Database& db) {
  return Guarded([&] {
    std::unordered_map<std::string, std::int64_t> out;
    ScopedStatement q(db,
                      "SELECT key, organization_id FROM organization_names");
    while (q->Step()) out.emplace(q->Text(0), q->Int64(1));
    return out;
  });
}

domain::StatusOr<std::vector<domain::Organization>> AllOrganizations(
    Database& db) {
  return Guarded([&] {
    std::vector<domain::Organization> out;
    ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Organization>("o") +
                              " FROM organizations o ORDER BY o.id");
    while (q->Step()) out.push_back(ReadEntity<domain::Organization>(*q));
    return out;
  });
}

namespace {

// The pairs of neighbouring characters (code points) of the folded text,
// spaces left out: "公安部" -> {公安, 安部}.
std::set<std::string> Bigrams(std::string_view text) {
  std::vector<std::string> chars;
  const std::string folded = FoldKey(text);
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(folded[i]);
    if (lead >= 0xF0)
      len = 4;
    else if (lead >= 0xE0)
      len = 3;
    else if (lead >= 0xC0)
      len = 2;
    if (folded[i] != ' ') chars.push_back(folded.substr(i, len));
    i += len;
  }
  std::set<std::string> out;
  for (std::size_t i = 0; i + 1 < chars.size(); ++i)
    out.insert(chars[i] + chars[i + 1]);
  return out;
}

// Dice's coefficient of two bigram sets (0 to 1).
double Likeness(const std::set<std::string>& a,
                const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return 2.0 * static_cast<double>(shared) /
         static_cast<double>(a.size() + b.size());
}

}  // namespace

std::vector<std::vector<domain::Organization>> ClosestOrganizations(
    const std::vector<domain::Organization>& all,
    const std::vector<std::string>& names, std::size_t n) {
  constexpr double kEnough = 0.3;
  // Each organization's names read once, whatever the number of names.
  std::vector<std::vector<std::set<std::string>>> known;
  known.reserve(all.size());
  for (const auto& org : all) {
    auto& grams = known.emplace_back();
    for (const auto& each : domain::AllNames(org))
      grams.push_back(Bigrams(each));
  }
  std::vector<std::vector<domain::Organization>> out;
  for (const auto& name : names) {
    const auto wanted = Bigrams(name);
    std::vector<std::pair<double, std::size_t>> scored;
    for (std::size_t k = 0; k < all.size(); ++k) {
      double best = 0;
      for (const auto& grams : known[k])
        best = std::max(best, Likeness(wanted, grams));
      if (best >= kEnough) scored.emplace_back(best, k);
    }
    std::stable_sort(
        scored.begin(), scored.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    auto& closest = out.emplace_back();
    for (std::size_t i = 0; i < scored.size() && i < n; ++i)
      closest.push_back(all[scored[i].second]);
  }
  return out;
}

}  // namespace capdev::storage
