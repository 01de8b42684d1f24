#include "app/services/checkin.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "app/i18n/local_time.hpp"
#include "app/services/audit.hpp"
#include "app/services/credentials.hpp"
#include "app/services/records.hpp"
#include "app/services/registrations.hpp"
#include "app/services/sessions.hpp"
#include "domain/registration.hpp"
#include "storage/duplicates.hpp"

namespace capdev::services {

namespace {

// The registration, if it is the workshop's and not cancelled (404).
domain::StatusOr<domain::Registration> LiveRegistration(
    storage::Database& db, std::int64_t workshop_id,
    std::int64_t registration_id) {
  ASSIGN_OR_RETURN(const auto r,
                   LoadRegistration(db, workshop_id, registration_id));
  if (r.status == domain::RegistrationStatus::kCancelled) {
    return domain::Status::NotFound("error.no_such_registration");
  }
  return r;
}

json::value LinkAudit(const storage::ParticipantLink& link) {
  // Never the token or code: the trail is read by more people than badges.
  return json::object{{"registration_id", link.registration_id},
                      {"issued_at", link.issued_at}};
}

domain::StatusOr<storage::ParticipantLink> Issue(storage::WriteTx& tx,
                                                 const domain::Principal& by,
                                                 const domain::Registration& r,
                                                 std::int64_t now) {
  storage::ParticipantLink link{.registration_id = r.id,
                                .workshop_id = r.workshop_id,
                                .person_id = r.person_id,
                                .token = NewToken(),
                                .code = PersonalCode(),
                                .issued_at = now};
  // 32^8 codes: a draw already taken in the workshop is all but impossible,
  // but it would be refused by the schema, so draw again.
  for (int tries = 0;; ++tries) {
    ASSIGN_OR_RETURN(const auto taken,
                     storage::LinkByCode(tx.db(), r.workshop_id, link.code));
    if (!taken || tries == 8) break;
    link.code = PersonalCode();
  }
  RETURN_IF_ERROR(storage::SaveLink(tx, link));
  RETURN_IF_ERROR(Audit(tx, &by, "issue", "participant_link", r.id, nullptr,
                        LinkAudit(link)));
  return link;
}

// A phone as typed, compared as the duplicates finder compares phones (its
// digits without +86 / 0086); fewer than 7 digits is no phone number.
std::optional<std::string> PhoneOf(const std::string& phone) {
  auto key = storage::PhoneKey(phone);
  if (key.size() < 7) return std::nullopt;
  return key;
}

// A personal code as a phone may type it: in lower case, with spaces, or
// in the full-width letters and digits of a Chinese input method.
std::string CodeAsTyped(std::string_view typed) {
  std::string code;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    auto c = static_cast<unsigned char>(typed[i]);
    // U+FF01..U+FF5E (EF BC 81..EF BD 9E) are ASCII 0x21..0x7E, full width;
    // U+3000 (E3 80 80) is the ideographic space.
    if (c == 0xEF && i + 2 < typed.size()) {
      const auto b1 = static_cast<unsigned char>(typed[i + 1]);
      const auto b2 = static_cast<unsigned char>(typed[i + 2]);
      const int cp = ((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        c = static_cast<unsigned char>(cp - 0xFEE0);
        i += 2;
      }
    } else if (typed.substr(i, 3) == "\xE3\x80\x80") {
      i += 2;
      continue;
    }
    if (std::isspace(c) != 0 || c == '-') continue;
    code += static_cast<char>(std::toupper(c));
  }
  return code;
}

std::string Folded(std::string text) {
  const auto first = text.find_first_not_of(' ');
  const auto last = text.find_last_not_of(' ');
  text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return text;
}

// Who a check-in names, within the session's workshop: nullopt for nobody.
domain::StatusOr<std::optional<storage::ParticipantLink>> Identify(
    storage::Database& db, std::int64_t workshop_id, const SelfCheckin& r) {
  if (r.code) {
    const std::string code = CodeAsTyped(*r.code);
    return storage::LinkByCode(db, workshop_id, code);
  }
  if (r.phone || r.email) {
    const auto wanted =
        r.phone ? PhoneOf(*r.phone) : std::optional(Folded(*r.email));
    if (!wanted || wanted->empty())
      return std::optional<storage::ParticipantLink>();
    ASSIGN_OR_RETURN(const auto people,
                     storage::CheckinPeople(db, workshop_id));
    std::optional<storage::ParticipantLink> found;
    for (const auto& p : people) {
      const auto& held = r.phone ? p.phone : p.email;
      if (!held) continue;
      const auto key = r.phone ? PhoneOf(*held) : std::optional(Folded(*held));
      if (key != wanted) continue;
      // Two people of one number or address: neither can be told apart.
      if (found) return std::optional<storage::ParticipantLink>();
      found = storage::ParticipantLink{.registration_id = p.registration_id,
                                       .workshop_id = workshop_id,
                                       .person_id = p.person_id};
    }
    return found;
  }
  for (const auto& token : r.link_tokens) {
    ASSIGN_OR_RETURN(auto link, storage::LinkByToken(db, token));
    if (link && link->workshop_id == workshop_id) return link;
  }
  return std::optional<storage::ParticipantLink>();
}

// The step whose code was sent, if it is the current or the previous one.
std::optional<std::int64_t> CurrentStep(const storage::CheckinWindow& w,
                                        const SelfCheckin& r) {
  const std::int64_t step = r.now / kStepSeconds;
  for (const std::int64_t s : {step, step - 1}) {
    if (SameSecret(StepCode(w.secret, s), r.step_code)) return s;
  }
  return std::nullopt;
}

// A scan proven by its cookie ("STEP.MAC", the step of the code scanned) no
// longer than kScanGoodFor ago, of the code sent.
bool ScannedCode(const storage::CheckinWindow& w, const SelfCheckin& r) {
  if (!r.scan_proof) return false;
  const std::string& proof = *r.scan_proof;
  const auto dot = proof.find('.');
  if (dot == std::string::npos) return false;
  std::int64_t scanned = 0;
  const auto [end, ec] =
      std::from_chars(proof.data(), proof.data() + dot, scanned);
  const std::int64_t step = r.now / kStepSeconds;
  // Compared without subtracting: a forged step must not overflow.
  if (ec != std::errc() || end != proof.data() + dot || scanned > step ||
      scanned < step - kScanGoodFor / kStepSeconds) {
    return false;
  }
  return SameSecret(ScanProof(w, scanned), *r.scan_proof) &&
         SameSecret(StepCode(w.secret, scanned), r.step_code);
}

}  // namespace

domain::StatusOr<storage::ParticipantLink> IssueLink(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t registration_id, std::int64_t now) {
  ASSIGN_OR_RETURN(const auto r,
                   LiveRegistration(tx.db(), workshop_id, registration_id));
  return Issue(tx, by, r, now);
}

domain::StatusOr<std::int64_t> IssueMissingLinks(storage::WriteTx& tx,
                                                 const domain::Principal& by,
                                                 std::int64_t workshop_id,
                                                 std::int64_t now) {
  RETURN_IF_ERROR(Load<domain::Workshop>(tx.db(), workshop_id));
  ASSIGN_OR_RETURN(const auto links, storage::Links(tx.db(), workshop_id));
  ASSIGN_OR_RETURN(const auto people,
                   storage::CheckinPeople(tx.db(), workshop_id));
  std::int64_t issued = 0;
  for (const auto& p : people) {
    const bool has = std::any_of(
        links.begin(), links.end(),
        [&](const auto& l) { return l.registration_id == p.registration_id; });
    if (has) continue;
    const domain::Registration r{.id = p.registration_id,
                                 .workshop_id = workshop_id,
                                 .person_id = p.person_id};
    RETURN_IF_ERROR(Issue(tx, by, r, now));
    ++issued;
  }
  return issued;
}

domain::StatusOr<storage::CheckinWindow> OpenCheckin(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, const WindowRequest& request,
    const std::string& time_zone, std::int64_t now) {
  auto& db = tx.db();
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, workshop_id));
  ASSIGN_OR_RETURN(const auto session,
                   LoadSession(db, workshop_id, session_id));
  if (!workshop.status || !domain::TakesAttendance(*workshop.status)) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.attendance_not_taken",
        {{"status", workshop.status ? domain::ToText(*workshop.status)
                                    : std::string_view("")}}));
  }
  const domain::Date date = session.date.value_or(domain::Date::Today());
  const auto start = session.start_time
                         ? i18n::MinutesOfDay(*session.start_time)
                         : std::nullopt;
  const auto end =
      session.end_time ? i18n::MinutesOfDay(*session.end_time) : std::nullopt;
  const std::int64_t day_start = i18n::LocalToUnix(date, 0, time_zone);
  const std::int64_t day_end = i18n::LocalToUnix(date.AddDays(1), 0, time_zone);
  storage::CheckinWindow w{.session_id = session.id,
                           .workshop_id = workshop_id};
  if (start) {
    const std::int64_t starts = i18n::LocalToUnix(date, *start, time_zone);
    w.opens_at = starts - 3600;
    w.closes_at = end ? i18n::LocalToUnix(date, *end, time_zone) : day_end;
    w.late_after = starts + std::int64_t{15} * 60;
  } else {
    w.opens_at = day_start;
    w.closes_at = day_end;
    w.late_after = day_end;
  }
  if (!request.closes_at && w.closes_at <= now) w.closes_at = now + 3600;
  w.opens_at = request.opens_at.value_or(w.opens_at);
  w.closes_at = request.closes_at.value_or(w.closes_at);
  w.late_after = request.late_after.value_or(w.late_after);
  if (w.closes_at <= w.opens_at) {
    return domain::Status::Invalid(
        {{"closes_at", domain::kNotBefore,
          domain::Message("error.not_before", {{"other", "opens_at"}})}});
  }
  ASSIGN_OR_RETURN(const auto open, storage::WindowOf(db, session.id));
  w.session_key = open ? open->session_key : ShortToken();
  w.secret = open ? open->secret : NewToken();
  RETURN_IF_ERROR(storage::SaveWindow(tx, w));
  RETURN_IF_ERROR(Audit(tx, &by, open ? "update" : "open", "checkin",
                        session.id, nullptr,
                        json::object{{"opens_at", w.opens_at},
                                     {"closes_at", w.closes_at},
                                     {"late_after", w.late_after}}));
  return w;
}

domain::Status CloseCheckin(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t workshop_id, std::int64_t session_id,
                            std::int64_t now) {
  ASSIGN_OR_RETURN(const auto session,
                   LoadSession(tx.db(), workshop_id, session_id));
  ASSIGN_OR_RETURN(auto window, storage::WindowOf(tx.db(), session.id));
  if (!window || window->closes_at <= now) return domain::Status::Ok();
  window->opens_at = std::min(window->opens_at, now);
  window->closes_at = now;
  RETURN_IF_ERROR(storage::SaveWindow(tx, *window));
  return Audit(tx, &by, "close", "checkin", session.id, nullptr,
               json::object{{"closes_at", now}});
}

domain::StatusOr<CheckinState> StateOf(storage::Database& db,
                                       std::int64_t workshop_id,
                                       std::int64_t session_id,
                                       std::int64_t now) {
  ASSIGN_OR_RETURN(const auto session,
                   LoadSession(db, workshop_id, session_id));
  CheckinState state;
  ASSIGN_OR_RETURN(state.window, storage::WindowOf(db, session.id));
  state.open = state.window && state.window->opens_at <= now &&
               now < state.window->closes_at;
  ASSIGN_OR_RETURN(state.count,
                   storage::CountCheckins(db, workshop_id, session.id));
  ASSIGN_OR_RETURN(state.flags,
                   storage::CheckinFlags(db, workshop_id, session.id));
  for (const auto& flag : state.flags) {
    for (const auto id : flag.person_ids) {
      ASSIGN_OR_RETURN(const auto p, Load<domain::Person>(db, id));
      state.flagged.push_back({p.id, p.full_name, p.native_name});
    }
  }
  return state;
}

std::string CheckinPath(const storage::CheckinWindow& window,
                        std::int64_t now) {
  return "/c/" + window.session_key +
         "?t=" + StepCode(window.secret, now / kStepSeconds);
}

std::string ScanProof(const storage::CheckinWindow& window, std::int64_t step) {
  // The MAC of a negative step: a code no screen ever shows.
  return std::to_string(step) + "." + StepCode(window.secret, -step - 1);
}

domain::StatusOr<CheckinAnswer> CheckIn(storage::WriteTx& tx,
                                        const SelfCheckin& request) {
  auto& db = tx.db();
  ASSIGN_OR_RETURN(const auto window,
                   storage::WindowByKey(db, request.session_key));
  if (!window) return domain::Status::NotFound("error.no_such_checkin");
  if (request.now < window->opens_at || request.now >= window->closes_at) {
    return domain::Status::FailedPrecondition("error.checkin_closed");
  }
  const auto step = CurrentStep(*window, request);
  if (!step && !ScannedCode(*window, request)) {
    return domain::Status::Expired("error.checkin_code_expired");
  }
  CheckinAnswer answer{.scanned_step = step, .window = *window};
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, window->workshop_id));
  if (!workshop.status || !domain::TakesAttendance(*workshop.status)) {
    return domain::Status::FailedPrecondition("error.checkin_closed");
  }
  ASSIGN_OR_RETURN(answer.session,
                   LoadSession(db, window->workshop_id, window->session_id));
  // Only a phone that names someone is guessing (a link's cookie is not):
  // its misses are counted against its address.
  const bool names = request.code || request.phone || request.email;
  if (names) {
    ASSIGN_OR_RETURN(const auto misses,
                     storage::CountCheckinMisses(db, request.address,
                                                 request.now - kGuessWindow));
    if (misses >= kMaxCheckinGuesses) {
      return domain::Status::ResourceExhausted("error.checkin_too_many_tries");
    }
  }
  ASSIGN_OR_RETURN(const auto link, Identify(db, window->workshop_id, request));
  if (!link) {
    answer.asked = !names;
    if (names) {
      RETURN_IF_ERROR(storage::RecordCheckinMiss(
          tx, request.address, request.now, request.now - kGuessWindow));
    }
    return answer;
  }
  answer.matched = true;
  ASSIGN_OR_RETURN(answer.person, Load<domain::Person>(db, link->person_id));
  const auto mark = request.now > window->late_after ? domain::Mark::kLate
                                                     : domain::Mark::kPresent;
  ASSIGN_OR_RETURN(answer.mark, storage::RecordCheckin(
                                    tx,
                                    {.session_id = window->session_id,
                                     .workshop_id = window->workshop_id,
                                     .registration_id = link->registration_id,
                                     .person_id = link->person_id,
                                     .device = request.device,
                                     .address = request.address,
                                     .at = request.now},
                                    mark));
  // The trail names the browser and address; personal fields stay masked.
  RETURN_IF_ERROR(
      Audit(tx, nullptr, "checkin", "checkin", window->session_id, nullptr,
            json::object{{"person_id", link->person_id},
                         {"status", codec::ToJson(answer.mark.status)},
                         {"source", codec::ToJson(answer.mark.source)},
                         {"device", request.device},
                         {"browser", request.user_agent.substr(0, 200)},
                         {"address", request.address},
                         {"at", request.now}}));
  return answer;
}

domain::StatusOr<std::optional<ParticipantView>> ParticipantPage(
    storage::Database& db, const std::string& token) {
  ASSIGN_OR_RETURN(auto link, storage::LinkByToken(db, token));
  if (!link) return std::optional<ParticipantView>();
  ParticipantView view{.link = std::move(*link)};
  ASSIGN_OR_RETURN(view.workshop,
                   Load<domain::Workshop>(db, view.link.workshop_id));
  ASSIGN_OR_RETURN(view.person, Load<domain::Person>(db, view.link.person_id));
  ASSIGN_OR_RETURN(
      const auto own,
      storage::OwnSessions(db, view.link.workshop_id, view.link.person_id));
  for (const auto& o : own) {
    view.sessions.push_back(o.session);
    view.marks.push_back(o.mark);
  }
  return std::optional(std::move(view));
}

}  // namespace capdev::services
