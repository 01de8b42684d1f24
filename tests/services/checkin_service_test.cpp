// Self check-in with the clock in the test's hands: personal links, the
// window's defaults (worked out by hand in Asia/Shanghai), step codes that
// expire, the scan's proof, who a phone names, the coordinator's marks, the
// flags and the limit on guesses.
#include <gtest/gtest.h>

#include <cctype>
#include <map>

#include "app/services/attendance.hpp"
#include "app/services/checkin.hpp"
#include "app/services/credentials.hpp"
#include "app/services/registrations.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/erasure.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

// 2017-09-08 00:00:00 UTC; Shanghai is 8 hours ahead (no daylight saving).
constexpr std::int64_t kDay = 1504828800;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kMinute = 60;

class CheckinServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    workshop_ = Workshop(Project(), "held", "2017-09-08", "2017-09-09");
    session_ = Sessions(workshop_).front();
    Ok(
        db_.Execute("UPDATE sessions SET start_time = '09:00', end_time = "
                    "'12:30' WHERE id = " +
                    std::to_string(session_)));
    for (const char* name : {"王芳", "李伟", "张敏"}) {
      people_.push_back(Person({{"full_name", "X"}, {"native_name", name}}));
      Register(workshop_, people_.back());
    }
    Ok(
        db_.Execute("UPDATE people SET phone = '+86 138-0013-8000', email = "
                    "'Wang.Fang@example.cn' WHERE id = " +
                    std::to_string(people_[0])));
    Ok(Write([&](storage::WriteTx& tx) {
      return services::IssueMissingLinks(tx, coordinator_, workshop_, kDay);
    }));
    for (const auto& l : Ok(storage::Links(db_, workshop_)))
      links_[l.person_id] = l;
    window_ = Ok(Write([&](storage::WriteTx& tx) {
      return services::OpenCheckin(tx, coordinator_, workshop_, session_, {},
                                   "Asia/Shanghai", kDay);
    }));
  }

  // A phone checking in at `now` with the code the screen showed at `shown`.
  services::SelfCheckin At(std::int64_t now, std::int64_t shown,
                           const std::string& device = "phone-1") {
    return {.session_key = window_.session_key,
            .step_code = services::StepCode(window_.secret,
                                            shown / services::kStepSeconds),
            .device = device,
            .address = "10.0.0.8",
            .now = now};
  }
  domain::StatusOr<services::CheckinAnswer> CheckIn(
      const services::SelfCheckin& request) {
    return Write(
        [&](storage::WriteTx& tx) { return services::CheckIn(tx, request); });
  }
  services::CheckinAnswer ByCode(std::int64_t person, std::int64_t now,
                                 const std::string& device = "phone-1") {
    auto r = At(now, now, device);
    r.code = links_[person].code;
    return Ok(CheckIn(r));
  }

  std::int64_t workshop_ = 0, session_ = 0;
  std::vector<std::int64_t> people_;
  std::map<std::int64_t, storage::ParticipantLink> links_;
  storage::CheckinWindow window_;
};

TEST_F(CheckinServiceTest, TheWindowDefaultsToAnHourBeforeTheStartUntilTheEnd) {
  // 09:00–12:30 in Shanghai is 01:00–04:30 UTC: open from 00:00 UTC, late
  // from 01:15 UTC.
  EXPECT_EQ(window_.opens_at, kDay);
  EXPECT_EQ(window_.late_after, kDay + kHour + 15 * kMinute);
  EXPECT_EQ(window_.closes_at, kDay + 4 * kHour + 30 * kMinute);
  // Without times: the whole local day (16:00 UTC the day before to 16:00).
  const auto other = Sessions(workshop_).back();
  const auto all_day = Ok(Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(tx, coordinator_, workshop_, other, {},
                                 "Asia/Shanghai", kDay);
  }));
  EXPECT_EQ(all_day.opens_at, kDay + 24 * kHour - 8 * kHour);
  EXPECT_EQ(all_day.closes_at, kDay + 48 * kHour - 8 * kHour);
  // Opened again with new times it keeps its key (the screen's code).
  const auto moved = Ok(Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(tx, coordinator_, workshop_, session_,
                                 {.late_after = kDay + 2 * kHour},
                                 "Asia/Shanghai", kDay);
  }));
  EXPECT_EQ(moved.session_key, window_.session_key);
  EXPECT_EQ(moved.late_after, kDay + 2 * kHour);
  const auto refused = Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(tx, coordinator_, workshop_, session_,
                                 {.opens_at = kDay, .closes_at = kDay},
                                 "Asia/Shanghai", kDay);
  });
  EXPECT_EQ(refused.status().code(), domain::Code::kInvalidArgument);
}

TEST_F(CheckinServiceTest, PresentUntilLateAfterThenLate) {
  auto a = ByCode(people_[0], kDay + kHour);  // 09:00 in Shanghai
  ASSERT_TRUE(a.matched);
  EXPECT_EQ(a.mark.status, domain::Mark::kPresent);
  EXPECT_EQ(a.mark.source, domain::MarkSource::kSelfCheckin);
  auto b = ByCode(people_[1], kDay + kHour + 16 * kMinute, "phone-2");  // 09:16
  EXPECT_EQ(b.mark.status, domain::Mark::kLate);
  // Checking in again changes nothing: the first mark stands.
  EXPECT_EQ(ByCode(people_[0], kDay + 2 * kHour).mark.status,
            domain::Mark::kPresent);
  const auto count = Ok(storage::CountCheckins(db_, workshop_, session_));
  EXPECT_EQ(count.checked_in, 2);
  EXPECT_EQ(count.registered, 3);
  EXPECT_EQ(AuditEntries("checkin", "checkin", session_), 3);
  EXPECT_EQ(Count("audit_log",
                  "action = 'checkin' AND after LIKE "
                  "'%\"device\":\"phone-2\"%' AND after LIKE "
                  "'%\"address\":\"10.0.0.8\"%'"),
            1);
}

TEST_F(CheckinServiceTest, ACodeLivesForItsStepAndTheNextOnly) {
  const std::int64_t shown = kDay + kHour;  // a step's first second
  auto r = At(shown + 29, shown);
  r.code = links_[people_[0]].code;
  EXPECT_TRUE(Ok(CheckIn(r)).matched);  // the previous step's code
  auto late = At(shown + 30, shown);
  late.code = links_[people_[1]].code;
  EXPECT_EQ(CheckIn(late).status().code(), domain::Code::kExpired);
  auto forged = At(shown, shown);
  forged.step_code = "AAAAAAAA";
  forged.code = links_[people_[1]].code;
  EXPECT_EQ(CheckIn(forged).status().code(), domain::Code::kExpired);
}

TEST_F(CheckinServiceTest, OnlyWhileTheWindowIsOpenAndForAKnownSession) {
  auto early = At(kDay - 1, kDay - 1);
  early.code = links_[people_[0]].code;
  EXPECT_EQ(CheckIn(early).status().code(), domain::Code::kFailedPrecondition);
  auto after = At(window_.closes_at, window_.closes_at);
  after.code = links_[people_[0]].code;
  EXPECT_EQ(CheckIn(after).status().code(), domain::Code::kFailedPrecondition);
  auto unknown = At(kDay + kHour, kDay + kHour);
  unknown.session_key = "no-such-key";
  EXPECT_EQ(CheckIn(unknown).status().code(), domain::Code::kNotFound);
  Ok(Write([&](storage::WriteTx& tx) {
    return services::CloseCheckin(tx, coordinator_, workshop_, session_,
                                  kDay + kHour);
  }));
  auto closed = At(kDay + kHour, kDay + kHour);
  closed.code = links_[people_[0]].code;
  EXPECT_EQ(CheckIn(closed).status().code(), domain::Code::kFailedPrecondition);
  // A workshop cancelled while check-in was open takes no more.
  const auto reopened = Ok(Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(tx, coordinator_, workshop_, session_, {},
                                 "Asia/Shanghai", kDay + kHour);
  }));
  EXPECT_EQ(reopened.session_key, window_.session_key);
  EXPECT_TRUE(Ok(CheckIn(closed)).matched);
  // Reopened after the session ended: an hour from then.
  const auto late = Ok(Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(tx, coordinator_, workshop_, session_, {},
                                 "Asia/Shanghai", kDay + 10 * kHour);
  }));
  EXPECT_EQ(late.closes_at, kDay + 11 * kHour);
  Ok(db_.Execute("UPDATE workshops SET status = 'cancelled' WHERE id = " +
                 std::to_string(workshop_)));
  closed.code = links_[people_[1]].code;
  EXPECT_EQ(CheckIn(closed).status().code(), domain::Code::kFailedPrecondition);
}

TEST_F(CheckinServiceTest, APhoneWithoutALinkIsAskedAndItsScanHoldsTenMinutes) {
  // The code shown at the end of a step is read in the next one: the proof
  // is of the code's step, not of the moment it arrived.
  const std::int64_t shown = kDay + kHour;
  const std::int64_t arrived = shown + services::kStepSeconds + 3;
  const auto asked = Ok(CheckIn(At(arrived, shown)));
  EXPECT_FALSE(asked.matched);
  EXPECT_TRUE(asked.asked);
  ASSERT_EQ(asked.scanned_step, shown / services::kStepSeconds);
  const auto proof = services::ScanProof(window_, *asked.scanned_step);
  // Typing the code took 4 minutes: the scan's proof lets it through.
  auto typed = At(arrived + 4 * kMinute, shown);
  typed.code = links_[people_[0]].code;
  typed.scan_proof = proof;
  const auto done = Ok(CheckIn(typed));
  EXPECT_TRUE(done.matched);
  EXPECT_FALSE(done.scanned_step.has_value());  // no new proof to keep
  // ... but not after 10 minutes, nor with a proof of another step or
  // another session's, nor a forged or malformed one.
  auto stale = At(shown + 11 * kMinute, shown);
  stale.code = links_[people_[1]].code;
  stale.scan_proof = proof;
  EXPECT_EQ(CheckIn(stale).status().code(), domain::Code::kExpired);
  auto other = At(arrived + kMinute, shown);
  other.code = links_[people_[1]].code;
  for (const std::string& bad :
       {services::ScanProof(window_, *asked.scanned_step + 1),
        std::to_string(*asked.scanned_step) + ".AAAAAAAA",
        std::string("-9223372036854775808.x"), std::string("x.y"),
        std::string("")}) {
    other.scan_proof = bad;
    EXPECT_EQ(CheckIn(other).status().code(), domain::Code::kExpired) << bad;
  }
  const auto second = Sessions(workshop_).back();
  const auto elsewhere = Ok(Write([&](storage::WriteTx& tx) {
    return services::OpenCheckin(
        tx, coordinator_, workshop_, second,
        {.opens_at = kDay, .closes_at = kDay + kHour * 24}, "Asia/Shanghai",
        kDay);
  }));
  other.scan_proof = services::ScanProof(elsewhere, *asked.scanned_step);
  EXPECT_EQ(CheckIn(other).status().code(), domain::Code::kExpired);
}

TEST_F(CheckinServiceTest, APhoneNamesItsPersonByLinkPhoneOrEmail) {
  const std::int64_t now = kDay + kHour;
  auto by_link = At(now, now, "a");
  by_link.link_tokens = {"unknown", links_[people_[1]].token};
  EXPECT_EQ(Ok(CheckIn(by_link)).person.id, people_[1]);
  auto by_phone = At(now, now, "b");
  by_phone.phone = "13800138000";  // stored as +86 138-0013-8000
  EXPECT_EQ(Ok(CheckIn(by_phone)).person.id, people_[0]);
  auto by_email = At(now, now, "c");
  by_email.email = " wang.fang@EXAMPLE.cn ";
  EXPECT_EQ(Ok(CheckIn(by_email)).person.id, people_[0]);
  // A code is read as typed on a phone: lower case, spaces inside, or in
  // the full-width letters of a Chinese input method.
  const auto& code = links_[people_[2]].code;
  std::string typed = " " + code.substr(0, 4) + " " + code.substr(4) + " ";
  for (auto& c : typed) c = static_cast<char>(std::tolower(c));
  std::string wide;
  for (const char c : code) {  // U+FF10.. for digits, U+FF21.. for letters
    const int cp = 0xFEE0 + c;
    wide += static_cast<char>(0xE0 | (cp >> 12));
    wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    wide += static_cast<char>(0x80 | (cp & 0x3F));
  }
  for (const auto& as_typed : {typed, wide}) {
    auto by_code = At(now, now, "d");
    by_code.code = as_typed;
    EXPECT_EQ(Ok(CheckIn(by_code)).person.id, people_[2]) << as_typed;
  }
  // Two people of one phone number: neither can be told apart.
  Ok(db_.Execute("UPDATE people SET phone = '13800138000' WHERE id = " +
                 std::to_string(people_[1])));
  auto shared = At(now, now, "f");
  shared.phone = "13800138000";
  const auto ambiguous = Ok(CheckIn(shared));
  EXPECT_FALSE(ambiguous.matched);
  EXPECT_FALSE(ambiguous.asked);
  // A link of another workshop names nobody here.
  auto elsewhere = Workshop(Project("EU"), "held", "2017-09-08", "2017-09-08");
  Register(elsewhere, people_[0]);
  const auto theirs = Ok(Write([&](storage::WriteTx& tx) {
    const auto r = Ok(storage::Links(db_, elsewhere));
    EXPECT_TRUE(r.empty());
    return services::IssueMissingLinks(tx, coordinator_, elsewhere, now);
  }));
  EXPECT_EQ(theirs, 1);
  auto foreign = At(now, now, "e");
  foreign.link_tokens = {Ok(storage::Links(db_, elsewhere)).front().token};
  EXPECT_TRUE(Ok(CheckIn(foreign)).asked);
}

TEST_F(CheckinServiceTest, AReissuedLinkAndCodeStopWorking) {
  const auto old = links_[people_[0]];
  ASSERT_TRUE(Ok(services::ParticipantPage(db_, old.token)).has_value());
  const auto registration = old.registration_id;
  const auto fresh = Ok(Write([&](storage::WriteTx& tx) {
    return services::IssueLink(tx, coordinator_, workshop_, registration,
                               kDay + 1);
  }));
  EXPECT_NE(fresh.token, old.token);
  EXPECT_FALSE(Ok(services::ParticipantPage(db_, old.token)).has_value());
  const std::optional<services::ParticipantView> page =
      Ok(services::ParticipantPage(db_, fresh.token));
  if (!page) {
    ADD_FAILURE() << "the new link opens no page";
    return;
  }
  EXPECT_EQ(page->person.native_name, "王芳");
  EXPECT_EQ(page->sessions.size(), 2u);
  EXPECT_FALSE(Ok(storage::LinkByCode(db_, workshop_, old.code)).has_value());
  // The trail records the issue, never the token or code.
  EXPECT_EQ(AuditEntries("participant_link", "issue", registration), 2);
  EXPECT_EQ(Count("audit_log", "after LIKE '%" + fresh.token +
                                   "%' OR after "
                                   "LIKE '%" +
                                   fresh.code + "%'"),
            0);
}

TEST_F(CheckinServiceTest, ALinkStopsWhenItsRegistrationChangesPerson) {
  const auto old = links_[people_[0]];
  const auto someone = Person({{"full_name", "ZHAO Lei"}});
  Ok(Write([&](storage::WriteTx& tx) {
    return services::UpdateRegistration(
        tx, coordinator_, workshop_, old.registration_id,
        DraftOf<domain::Registration>({{"person_id", someone}}), false);
  }));
  EXPECT_FALSE(Ok(services::ParticipantPage(db_, old.token)).has_value());
  // Another change (the role) leaves a link alone.
  const auto kept = links_[people_[1]];
  Ok(Write([&](storage::WriteTx& tx) {
    return services::UpdateRegistration(
        tx, coordinator_, workshop_, kept.registration_id,
        DraftOf<domain::Registration>({{"role", "observer"}}), false);
  }));
  EXPECT_TRUE(Ok(services::ParticipantPage(db_, kept.token)).has_value());
}

TEST_F(CheckinServiceTest, ACoordinatorsMarkIsNeverOverwritten) {
  const std::vector<domain::AttendanceMark> sheet = {
      {people_[0], domain::Mark::kExcused}};
  Ok(Write([&](storage::WriteTx& tx) {
    return services::ReplaceSheet(tx, coordinator_, workshop_, session_, sheet,
                                  {});
  }));
  const auto a = ByCode(people_[0], kDay + kHour);
  EXPECT_EQ(a.mark.status, domain::Mark::kExcused);
  EXPECT_EQ(a.mark.source, domain::MarkSource::kCoordinator);
}

TEST_F(CheckinServiceTest, ASheetKeepsCheckinsItDoesNotNameAndClearsNulls) {
  ByCode(people_[0], kDay + kHour);
  ByCode(people_[1], kDay + kHour, "phone-2");
  // The grid was loaded before they checked in: it names only ZHANG Min.
  const std::vector<domain::AttendanceMark> sheet = {
      {people_[2], domain::Mark::kAbsent}, {people_[1], std::nullopt}};
  const auto after = Ok(Write([&](storage::WriteTx& tx) {
    return services::ReplaceSheet(tx, coordinator_, workshop_, session_, sheet,
                                  {});
  }));
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].person_id, people_[0]);
  EXPECT_EQ(after[0].source, domain::MarkSource::kSelfCheckin);
  EXPECT_EQ(after[1].person_id, people_[2]);
  EXPECT_EQ(after[1].source, domain::MarkSource::kCoordinator);
  EXPECT_EQ(Ok(storage::Sheet(db_, session_)).size(), 2u);
  // A mark the coordinator changes is theirs from then on.
  const std::vector<domain::AttendanceMark> late = {
      {people_[0], domain::Mark::kLate}};
  const auto changed = Ok(Write([&](storage::WriteTx& tx) {
    return services::ReplaceSheet(tx, coordinator_, workshop_, session_, late,
                                  {});
  }));
  EXPECT_EQ(changed.front().source, domain::MarkSource::kCoordinator);
}

TEST_F(CheckinServiceTest, OnePhoneCheckingInTwoPeopleIsFlagged) {
  ByCode(people_[0], kDay + kHour, "shared");
  ByCode(people_[1], kDay + kHour + 5, "shared");
  ByCode(people_[2], kDay + kHour + 9, "own");
  ByCode(people_[0], kDay + kHour + 20, "shared");  // again: still two people
  const auto state =
      Ok(services::StateOf(db_, workshop_, session_, kDay + kHour + 30));
  EXPECT_TRUE(state.open);
  ASSERT_EQ(state.flags.size(), 1u);
  EXPECT_EQ(state.flags[0].session_id, session_);
  EXPECT_EQ(state.flags[0].person_ids,
            (std::vector<std::int64_t>{people_[0], people_[1]}));
  ASSERT_EQ(state.flagged.size(), 2u);
  EXPECT_EQ(state.flagged[0].native_name, "王芳");
  const auto matrix = Ok(storage::Matrix(db_, workshop_));
  EXPECT_EQ(matrix.flags.size(), 1u);
}

TEST_F(CheckinServiceTest, GuessesFromOneAddressAreLimitedAndSayNothing) {
  const std::int64_t now = kDay + kHour;
  for (std::int64_t i = 0; i < services::kMaxCheckinGuesses; ++i) {
    auto guess = At(now + i / 10, now);
    guess.phone = "1390000" + std::to_string(1000 + i);
    const auto answer = Ok(CheckIn(guess));
    EXPECT_FALSE(answer.matched);
    EXPECT_FALSE(answer.asked);
  }
  auto right = At(now + 25, now);
  right.code = links_[people_[0]].code;
  EXPECT_EQ(CheckIn(right).status().code(), domain::Code::kResourceExhausted);
  // A phone known by its link is not guessing: it is not held up.
  auto known = At(now + 26, now);
  known.link_tokens = {links_[people_[1]].token};
  EXPECT_TRUE(Ok(CheckIn(known)).matched);
  right.address = "10.0.0.9";  // nor is another address
  EXPECT_TRUE(Ok(CheckIn(right)).matched);
  // The misses are not failed logins (the venue's coordinator can sign in).
  EXPECT_EQ(Count("login_failures"), 0);
}

TEST_F(CheckinServiceTest, ErasingAPersonErasesTheirLinksAndCheckins) {
  ByCode(people_[0], kDay + kHour);
  const auto token = links_[people_[0]].token;
  Ok(Write([&](storage::WriteTx& tx) {
    return storage::ErasePerson(tx, people_[0]);
  }));
  EXPECT_FALSE(Ok(services::ParticipantPage(db_, token)).has_value());
  EXPECT_EQ(Count("checkins"), 0);
  EXPECT_EQ(Count("audit_log", "after LIKE '%10.0.0.8%'"), 0);
  EXPECT_EQ(Count("audit_log", "entity = 'checkin' AND action = 'checkin'"), 1);
}

}  // namespace
}  // namespace capdev::testing
