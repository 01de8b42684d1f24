#include "app/reports/certificates.hpp"

#include <algorithm>
#include <vector>

#include "app/i18n/catalog.hpp"
#include "app/i18n/locale_format.hpp"
#include "app/reports/certificate_pdf.hpp"
#include "domain/organization.hpp"
#include "domain/project.hpp"
#include "domain/workshop.hpp"
#include "storage/filters.hpp"
#include "storage/parties.hpp"
#include "storage/records.hpp"

namespace capdev::reports {

namespace {

using domain::Language;

// What every page of one workshop shares.
struct Common {
  domain::CertificateTemplate t;
  std::string line;
  std::string native_line;
  std::string when_where;
  std::string native_when_where;
  std::vector<std::string> institutions;
  domain::Workshop workshop;
};

std::string KindKey(domain::CertificateKind kind, std::string_view what) {
  return "certificate." + std::string(what) + "." +
         std::string(domain::ToText(kind));
}

// "10–12 Mar 2025 · Xiamen" in the reader's language.
std::string WhenWhere(const domain::Workshop& w, Language language) {
  std::string out;
  if (w.start_date && w.end_date) {
    out = i18n::LocaleFormat(language).DateRange(*w.start_date, *w.end_date);
  } else if (w.stated_dates) {
    out = *w.stated_dates;
  }
  if (w.city && !w.city->empty()) {
    out += (out.empty() ? "" : " · ") + *w.city;
  }
  return out;
}

// "Organized by · 主办: IOM 国际移民组织; ..." for the roles given.
domain::StatusOr<std::string> Institutions(
    storage::Database& db, const std::vector<domain::WorkshopParty>& parties,
    const std::vector<domain::WorkshopRole>& roles, std::string_view key) {
  std::string names;
  for (const auto& party : parties) {
    if (!party.role ||
        std::find(roles.begin(), roles.end(), *party.role) == roles.end()) {
      continue;
    }
    ASSIGN_OR_RETURN(const auto org, storage::Get<domain::Organization>(
                                         db, party.organization_id));
    if (!org) continue;
    if (!names.empty()) names += "; ";
    names += org->name;
    if (org->native_name && *org->native_name != org->name) {
      names += " " + *org->native_name;
    }
  }
  if (names.empty()) return names;
  return i18n::Text(Language::kEn, key) + " · " +
         i18n::Text(Language::kZh, key) + ": " + names;
}

domain::StatusOr<Common> CommonOf(
    storage::Database& db, const domain::Workshop& w,
    std::optional<domain::CertificateTemplate> t) {
  Common c;
  c.workshop = w;
  ASSIGN_OR_RETURN(const auto project,
                   storage::Get<domain::Project>(db, w.project_id));
  if (!t) {
    ASSIGN_OR_RETURN(auto saved, storage::TemplateOf(db, w.project_id));
    t = saved.value_or(domain::CertificateTemplate{});
  }
  c.t = std::move(*t);
  c.line = c.t.title.value_or(project ? project->title : "");
  c.native_line = c.t.native_title.value_or(
      project ? project->native_title.value_or("") : "");
  c.when_where = WhenWhere(w, Language::kEn);
  c.native_when_where = WhenWhere(w, Language::kZh);
  ASSIGN_OR_RETURN(const auto parties, storage::WorkshopParties(db, w.id));
  using R = domain::WorkshopRole;
  const std::vector<std::pair<std::vector<R>, std::string_view>> lines = {
      {{R::kOrganizer, R::kCoOrganizer, R::kHost}, "certificate.organized_by"},
      {{R::kTrainer}, "certificate.trainers"}};
  for (const auto& [roles, key] : lines) {
    ASSIGN_OR_RETURN(auto text, Institutions(db, parties, roles, key));
    if (!text.empty()) c.institutions.push_back(std::move(text));
  }
  return c;
}

CertificatePage PageOf(const Common& c, const storage::CertificateLine& line,
                       const std::string& base_url) {
  const auto& cert = line.certificate;
  CertificatePage p;
  p.line = c.line;
  p.native_line = c.native_line;
  p.heading = i18n::Text(Language::kEn, KindKey(cert.kind, "heading"));
  p.native_heading = i18n::Text(Language::kZh, KindKey(cert.kind, "heading"));
  p.holder = line.full_name;
  if (line.native_name && !line.native_name->empty() &&
      *line.native_name != line.full_name) {
    p.native_holder = line.native_name;
  }
  p.wording = c.t.wording.value_or(
      i18n::Text(Language::kEn, KindKey(cert.kind, "wording")));
  p.native_wording = c.t.native_wording.value_or(
      i18n::Text(Language::kZh, KindKey(cert.kind, "wording")));
  p.workshop = c.workshop.title;
  p.native_workshop = c.workshop.native_title;
  p.when_where = c.when_where;
  p.native_when_where = c.native_when_where;
  p.institutions = c.institutions;
  p.code = domain::GroupedCode(cert.code);
  p.verify_url = VerifyUrl(base_url, cert.code);
  p.verify_label = i18n::Text(Language::kEn, "certificate.verify_at") + " · " +
                   i18n::Text(Language::kZh, "certificate.verify_at");
  p.revoked = cert.revoked_at.has_value();
  p.revoked_label = i18n::Text(Language::kEn, "certificate.revoked") + " · " +
                    i18n::Text(Language::kZh, "certificate.revoked");
  return p;
}

CertificateArt ArtOf(const domain::CertificateTemplate& t) {
  return {t.signatories, t.logo_image};
}

}  // namespace

std::string VerifyUrl(const std::string& base_url, const std::string& code) {
  return base_url + "/verify/" + code;
}

domain::StatusOr<std::string> WorkshopCertificatesPdf(
    storage::Database& db, std::int64_t workshop_id,
    std::span<const storage::CertificateLine> lines,
    const std::string& base_url) {
  ASSIGN_OR_RETURN(const auto workshop,
                   storage::Get<domain::Workshop>(db, workshop_id));
  if (!workshop) return storage::NotFound<domain::Workshop>(workshop_id);
  ASSIGN_OR_RETURN(const auto common, CommonOf(db, *workshop, std::nullopt));
  std::vector<CertificatePage> pages;
  pages.reserve(lines.size());
  for (const auto& line : lines)
    pages.push_back(PageOf(common, line, base_url));
  return CertificatesPdf(ArtOf(common.t), pages);
}

domain::StatusOr<std::string> TemplatePreviewPng(
    storage::Database& db, const domain::CertificateTemplate& t,
    const std::string& base_url) {
  storage::WorkshopFilter filter{.project_id = t.project_id,
                                 .order = storage::WorkshopOrder::kNewestFirst};
  ASSIGN_OR_RETURN(const auto latest,
                   storage::List(db, filter, storage::PageRequest{.limit = 1}));
  domain::Workshop sample{
      .id = 0,
      .project_id = t.project_id,
      .title = i18n::Text(Language::kEn, "certificate.sample_workshop"),
      .native_title = i18n::Text(Language::kZh, "certificate.sample_workshop")};
  const auto& workshop = latest.items.empty() ? sample : latest.items.front();
  ASSIGN_OR_RETURN(const auto common, CommonOf(db, workshop, t));
  storage::CertificateLine line{
      .certificate = {.code = "K7MXRW4CQAH9",
                      .kind = domain::CertificateKind::kAttendance},
      .full_name = "WANG Fang",
      .native_name = "王芳"};
  return CertificatePng(ArtOf(common.t), PageOf(common, line, base_url), 100);
}

}  // namespace capdev::reports
