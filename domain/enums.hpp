#pragma once
// Every enumeration of capdev and its one text form. JSON, SQL and the
// OpenAPI document all use these texts (a test checks the document against
// them); code compares the enum values, never their texts.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace capdev::domain {

// Specialised per enumeration: kTexts[i] is the text of the value i.
template <class E>
struct EnumText;

template <class E>
concept Enumeration = requires {
  EnumText<E>::kTexts;
};

template <Enumeration E>
constexpr std::string_view ToText(E value) {
  return EnumText<E>::kTexts[static_cast<std::size_t>(value)];
}

template <Enumeration E>
constexpr std::optional<E> FromText(std::string_view text) {
  const auto& texts = EnumText<E>::kTexts;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Every text, in declaration order (for "must be one of: ...").
template <Enumeration E>
constexpr std::span<const std::string_view> Texts() {
  return EnumText<E>::kTexts;
}

// Every value, in declaration order.
template <Enumeration E>
constexpr auto Values() {
  std::array<E, EnumText<E>::kTexts.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

#define CAPDEV_ENUM_TEXT(E, ...)                        \
  template <>                                           \
  struct EnumText<E> {                                  \
    static constexpr std::array kTexts = {__VA_ARGS__}; \
  }

using namespace std::string_view_literals;

enum class OrganizationKind {
  kGovernment,
  kIntergovernmental,
  kAcademic,
  kNgo,
  kPrivate,
  kOther
};
CAPDEV_ENUM_TEXT(OrganizationKind, "government"sv, "intergovernmental"sv,
                 "academic"sv, "ngo"sv, "private"sv, "other"sv);

// A party's role in a project.
enum class ProjectRole { kLeadFunder, kCoFunder, kImplementer, kCounterpart };
CAPDEV_ENUM_TEXT(ProjectRole, "lead_funder"sv, "co_funder"sv, "implementer"sv,
                 "counterpart"sv);

enum class WorkshopKind {
  kTraining,
  kWorkshop,
  kSeminar,
  kStudyTour,
  kConference,
  kMeeting
};
CAPDEV_ENUM_TEXT(WorkshopKind, "training"sv, "workshop"sv, "seminar"sv,
                 "study_tour"sv, "conference"sv, "meeting"sv);

enum class WorkshopStatus { kPlanned, kConfirmed, kHeld, kCancelled };
CAPDEV_ENUM_TEXT(WorkshopStatus, "planned"sv, "confirmed"sv, "held"sv,
                 "cancelled"sv);

// An institution's part in a workshop (`participating`: it sent
// participants).
enum class WorkshopRole {
  kOrganizer,
  kCoOrganizer,
  kHost,
  kSupporter,
  kTrainer,
  kParticipating
};
CAPDEV_ENUM_TEXT(WorkshopRole, "organizer"sv, "co_organizer"sv, "host"sv,
                 "supporter"sv, "trainer"sv, "participating"sv);

enum class Gender { kFemale, kMale, kOther, kUndisclosed };
CAPDEV_ENUM_TEXT(Gender, "female"sv, "male"sv, "other"sv, "undisclosed"sv);

// A person's part in a workshop.
enum class RegistrationRole {
  kParticipant,
  kTrainer,
  kSpeaker,
  kOrganizer,
  kObserver
};
CAPDEV_ENUM_TEXT(RegistrationRole, "participant"sv, "trainer"sv, "speaker"sv,
                 "organizer"sv, "observer"sv);

enum class RegistrationStatus {
  kInvited,
  kRegistered,
  kAttended,
  kNoShow,
  kCancelled
};
CAPDEV_ENUM_TEXT(RegistrationStatus, "invited"sv, "registered"sv, "attended"sv,
                 "no_show"sv, "cancelled"sv);

// A mark on a session's attendance sheet.
enum class Mark { kPresent, kLate, kExcused, kAbsent };
CAPDEV_ENUM_TEXT(Mark, "present"sv, "late"sv, "excused"sv, "absent"sv);

// Who set a mark: a coordinator (the sheet, the grid), an imported grid, or
// the participant at self check-in (whose marks never overwrite the others).
enum class MarkSource { kCoordinator, kImport, kSelfCheckin };
CAPDEV_ENUM_TEXT(MarkSource, "coordinator"sv, "import"sv, "self_checkin"sv);

// A user's role (domain/access.hpp says what each may do).
enum class Role { kAdmin, kCoordinator, kViewer, kFunder };
CAPDEV_ENUM_TEXT(Role, "admin"sv, "coordinator"sv, "viewer"sv, "funder"sv);

// What an imported row did (or would do, in a dry run): a participant list's
// rows create, match or find a person registered; a sign-in grid's rows set
// marks or leave them as they are.
enum class ImportAction {
  kCreatePerson,
  kMatchPerson,
  kAlreadyRegistered,
  kSetMarks,
  kUnchanged,
  kError,
  kSkipped,    // above the header row: a title, a date
  kSetAnswers  // an evaluation's answers
};
CAPDEV_ENUM_TEXT(ImportAction, "create_person"sv, "match_person"sv,
                 "already_registered"sv, "set_marks"sv, "unchanged"sv,
                 "error"sv, "skipped"sv, "set_answers"sv);

// Why two records may be one person (GET /people/duplicates).
enum class DuplicateReason {
  kSameNativeNameAndOrganization,
  kSameNameAndOrganization,
  kSameEmail,
  kSamePhone
};
CAPDEV_ENUM_TEXT(DuplicateReason, "same_native_name_and_organization"sv,
                 "same_name_and_organization"sv, "same_email"sv,
                 "same_phone"sv);

enum class ConflictKind { kPerson, kVenue, kTrainerInstitution };
CAPDEV_ENUM_TEXT(ConflictKind, "person"sv, "venue"sv, "trainer_institution"sv);

enum class Severity { kConflict, kWarning };
CAPDEV_ENUM_TEXT(Severity, "conflict"sv, "warning"sv);

// A logframe's levels, from the top (domain/results.hpp).
enum class ResultLevel { kImpact, kOutcome, kOutput };
CAPDEV_ENUM_TEXT(ResultLevel, "impact"sv, "outcome"sv, "output"sv);

// Where an indicator's actual comes from.
enum class IndicatorSource { kAttendance, kManual, kEvaluation };
CAPDEV_ENUM_TEXT(IndicatorSource, "attendance"sv, "manual"sv, "evaluation"sv);

// What a counted indicator measures: from attendance (domain/reports.hpp),
// then from evaluations (domain/evaluation_figures.hpp; IsEvaluationMeasure).
enum class Measure {
  kPeopleTrained,
  kParticipations,
  kParticipantDays,
  kPeopleCompleted,
  kWorkshopsHeld,
  kFemaleShare,
  kAgenciesReached,
  kSatisfactionMean,
  kSatisfiedShare,
  kImprovedShare,
  kNormalizedGain,
  kMasteryShare,
  kResponseRate
};
CAPDEV_ENUM_TEXT(Measure, "people_trained"sv, "participations"sv,
                 "participant_days"sv, "people_completed"sv, "workshops_held"sv,
                 "female_share"sv, "agencies_reached"sv, "satisfaction_mean"sv,
                 "satisfied_share"sv, "improved_share"sv, "normalized_gain"sv,
                 "mastery_share"sv, "response_rate"sv);

constexpr bool IsEvaluationMeasure(Measure m) {
  return m >= Measure::kSatisfactionMean;
}

// Evaluation (domain/evaluation.hpp): what a questionnaire is for, its
// items' types, the stage a workshop uses it at, and who entered an answer.
enum class QuestionnaireKind { kReaction, kKnowledgeTest, kFollowUp };
CAPDEV_ENUM_TEXT(QuestionnaireKind, "reaction"sv, "knowledge_test"sv,
                 "follow_up"sv);

enum class ItemType { kLikert5, kSingleChoice, kScore, kText };
CAPDEV_ENUM_TEXT(ItemType, "likert5"sv, "single_choice"sv, "score"sv, "text"sv);

enum class EvaluationStage { kPre, kPost, kReaction, kFollowUp };
CAPDEV_ENUM_TEXT(EvaluationStage, "pre"sv, "post"sv, "reaction"sv,
                 "follow_up"sv);

enum class ResponseSource { kCoordinator, kImport, kParticipant };
CAPDEV_ENUM_TEXT(ResponseSource, "coordinator"sv, "import"sv, "participant"sv);

// Certificates (domain/certificate.hpp): what one attests, and why a
// participant gets none.
enum class CertificateKind { kAttendance, kCompletion };
CAPDEV_ENUM_TEXT(CertificateKind, "attendance"sv, "completion"sv);

enum class NotEligible {
  kNotAttended,
  kNotCompleted,
  kNotAParticipant,
  kCancelled,
  kNotRegistered
};
CAPDEV_ENUM_TEXT(NotEligible, "not_attended"sv, "not_completed"sv,
                 "not_a_participant"sv, "cancelled"sv, "not_registered"sv);

// How an indicator's actual is broken down.
enum class Disaggregation { kSex, kOrganization, kProvince };
CAPDEV_ENUM_TEXT(Disaggregation, "sex"sv, "organization"sv, "province"sv);

#undef CAPDEV_ENUM_TEXT

}  // namespace capdev::domain
