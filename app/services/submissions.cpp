#include "app/services/submissions.hpp"

#include <sodium.h>

#include <set>

#include "app/services/audit.hpp"
#include "domain/date.hpp"

namespace capdev::services {

namespace {

void Diff(const json::value& a, const json::value& b, const std::string& path,
          json::array& out) {
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.as_object()) keys.emplace(k);
    for (const auto& [k, v] : b.as_object()) keys.emplace(k);
    for (const auto& k : keys) {
      if (k == "generated_at") continue;
      const auto* x = a.as_object().if_contains(k);
      const auto* y = b.as_object().if_contains(k);
      const json::value null;
      std::string at = path;
      if (!at.empty()) at += '.';
      at += k;
      Diff(x ? *x : null, y ? *y : null, at, out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    const json::value null;
    for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
      Diff(i < x.size() ? x[i] : null, i < y.size() ? y[i] : null,
           path + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  // 12 and 12.0 are the same figure.
  if (a.is_number() && b.is_number() &&
      a.to_number<double>() == b.to_number<double>())
    return;
  if (a == b) return;
  out.push_back({{"path", path}, {"submitted", a}, {"current", b}});
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest,
                     reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : digest) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return hex;
}

domain::StatusOr<storage::Submission> SubmitReport(storage::WriteTx& tx,
                                                   const domain::Principal& by,
                                                   storage::Submission s) {
  s.submitted_at = domain::NowUtc();
  s.submitted_by = by.username;
  s.sha256 = Sha256Hex(s.body);
  ASSIGN_OR_RETURN(s.id, storage::AddSubmission(tx, s));
  RETURN_IF_ERROR(Audit(tx, &by, "create", "report_submission", s.id, nullptr,
                        json::object{{"report", s.report},
                                     {"params", json::parse(s.params)},
                                     {"sha256", s.sha256}}));
  return s;
}

json::array JsonChanges(const json::value& submitted,
                        const json::value& current) {
  json::array out;
  Diff(submitted, current, "", out);
  return out;
}

}  // namespace capdev::services
