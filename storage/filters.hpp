#pragma once
// The list filters of each resource. Every field maps to a fixed SQL
// fragment in records.cpp: user input is only ever bound.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/evaluation.hpp"
#include "domain/message.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/results.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"

namespace capdev::storage {

// Lists of names can be read in the order their reader reads names
// (`sort=name`): in Chinese by the Chinese name in pinyin order, in English
// by the Latin name; by id otherwise.
struct NameOrder {
  bool by_name = false;
  domain::Language language = domain::Language::kEn;  // the reader's
};

struct OrganizationFilter {
  using Entity = domain::Organization;
  std::optional<domain::OrganizationKind> kind;
  std::optional<std::string> q;  // substring of any name
  NameOrder order;
};

struct ProjectFilter {
  using Entity = domain::Project;
  std::optional<std::string> q;  // substring of code or titles
};

// The order of a list of workshops: by id (what code reading them all
// needs), newest start date first (the list a person reads), or oldest first
// (`sort=start_date`). Workshops without dates come last either way.
enum class WorkshopOrder { kId, kNewestFirst, kOldestFirst };

struct WorkshopFilter {
  using Entity = domain::Workshop;
  std::optional<std::int64_t> project_id;
  std::optional<domain::WorkshopStatus> status;
  std::optional<domain::WorkshopKind> kind;
  std::optional<std::string> city;
  std::optional<std::string> q;  // substring of the title, city or venue
  std::optional<std::int64_t> organization_id;  // in any role
  std::optional<domain::Date> from;  // workshops whose dates overlap [from, to]
  std::optional<domain::Date> to;
  WorkshopOrder order = WorkshopOrder::kId;
};

struct SessionFilter {
  using Entity = domain::Session;
  std::int64_t workshop_id = 0;
};

struct PersonFilter {
  using Entity = domain::Person;
  std::optional<std::int64_t> organization_id;
  std::optional<std::string> q;
  NameOrder order;
};

struct RegistrationFilter {
  using Entity = domain::Registration;
  std::int64_t workshop_id = 0;
  std::optional<domain::RegistrationRole> role;
  std::optional<domain::RegistrationStatus> status;
  std::optional<std::int64_t> person_id;
};

struct ResultFilter {
  using Entity = domain::Result;
  std::int64_t project_id = 0;
};

struct IndicatorFilter {
  using Entity = domain::Indicator;
  std::optional<std::int64_t> result_id;
  std::optional<std::int64_t> project_id;  // of its result
};

struct QuestionnaireFilter {
  using Entity = domain::Questionnaire;
  std::int64_t project_id = 0;
};

}  // namespace capdev::storage
