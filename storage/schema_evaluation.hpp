#pragma once
// Migration 17: evaluation (domain/evaluation.hpp). Questionnaires per
// project (their items kept as text, storage/row_mapping.hpp), attached to
// workshops by stage; named answers; and anonymous ones.
//
// An anonymous questionnaire's answers must not be joinable to a person,
// even by someone reading the database: `anonymous_responses` holds no
// person, no time and a random key, and `anonymous_respondents` (who has
// answered, so that nobody answers twice) holds no time either. Both are
// keyed tables (no rowid, whose order would be the order of writing), and
// storage/evaluations.cpp rewrites an evaluation's rows of both in key order
// on every anonymous answer, so that neither the order of rows nor their
// place in the file follows the order of answering. The two engines differ
// only in their keys' syntax.

namespace capdev::storage {

#define CAPDEV_EVALUATION_SCHEMA(ID, KEYED)                                    \
  "CREATE TABLE questionnaires (\n"                                            \
  "  id " ID                                                                   \
  ",\n"                                                                        \
  "  project_id BIGINT NOT NULL REFERENCES projects(id),\n"                    \
  "  kind TEXT NOT NULL CHECK (kind IN ('reaction', 'knowledge_test', "        \
  "'follow_up')),\n"                                                           \
  "  title TEXT NOT NULL,\n"                                                   \
  "  native_title TEXT,\n"                                                     \
  "  anonymous BIGINT NOT NULL DEFAULT 0,\n"                                   \
  "  items TEXT NOT NULL DEFAULT ''\n"                                         \
  ");\n"                                                                       \
  "CREATE INDEX questionnaires_project ON questionnaires(project_id);\n"       \
  "CREATE TABLE evaluations (\n"                                               \
  "  id " ID                                                                   \
  ",\n"                                                                        \
  "  workshop_id BIGINT NOT NULL REFERENCES workshops(id) ON DELETE "          \
  "CASCADE,\n"                                                                 \
  "  questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id),\n"        \
  "  stage TEXT NOT NULL CHECK (stage IN ('pre', 'post', 'reaction', "         \
  "'follow_up')),\n"                                                           \
  "  opens_at BIGINT,\n"                                                       \
  "  closes_at BIGINT,\n"                                                      \
  "  UNIQUE (workshop_id, stage)\n"                                            \
  ");\n"                                                                       \
  "CREATE INDEX evaluations_questionnaire ON evaluations(questionnaire_id);\n" \
  "CREATE TABLE responses (\n"                                                 \
  "  evaluation_id BIGINT NOT NULL REFERENCES evaluations(id) ON DELETE "      \
  "CASCADE,\n"                                                                 \
  "  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE "  \
  "CASCADE,\n"                                                                 \
  "  answers TEXT NOT NULL,\n"                                                 \
  "  source TEXT NOT NULL CHECK (source IN ('coordinator', 'import', "         \
  "'participant')),\n"                                                         \
  "  submitted_at BIGINT NOT NULL,\n"                                          \
  "  PRIMARY KEY (evaluation_id, registration_id)\n"                           \
  ");\n"                                                                       \
  "CREATE INDEX responses_registration ON responses(registration_id);\n"       \
  "CREATE TABLE anonymous_responses (\n"                                       \
  "  evaluation_id BIGINT NOT NULL REFERENCES evaluations(id) ON DELETE "      \
  "CASCADE,\n"                                                                 \
  "  id BIGINT NOT NULL,\n"                                                    \
  "  sex TEXT CHECK (sex IN ('female', 'male', 'other', 'undisclosed')),\n"    \
  "  answers TEXT NOT NULL,\n"                                                 \
  "  PRIMARY KEY (evaluation_id, id)\n"                                        \
  ")" KEYED                                                                    \
  ";\n"                                                                        \
  "CREATE TABLE anonymous_respondents (\n"                                     \
  "  evaluation_id BIGINT NOT NULL REFERENCES evaluations(id) ON DELETE "      \
  "CASCADE,\n"                                                                 \
  "  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE "  \
  "CASCADE,\n"                                                                 \
  "  PRIMARY KEY (evaluation_id, registration_id)\n"                           \
  ")" KEYED                                                                    \
  ";\n"                                                                        \
  "CREATE INDEX anonymous_respondents_registration ON "                        \
  "anonymous_respondents(registration_id);\n"

inline constexpr const char* kSchemaEvaluation =
    CAPDEV_EVALUATION_SCHEMA("INTEGER PRIMARY KEY", " WITHOUT ROWID");
inline constexpr const char* kSchemaEvaluationPg = CAPDEV_EVALUATION_SCHEMA(
    "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "");

#undef CAPDEV_EVALUATION_SCHEMA

// Migration 18: indicators counted from evaluations. SQLite cannot change a
// CHECK constraint in place, so its indicators (and their values, which
// refer to them) are copied into tables with the new constraints; the
// values are moved first, so that dropping the old indicators cascades to
// nothing.
#define CAPDEV_INDICATOR_CHECKS                                            \
  "source TEXT NOT NULL CHECK (source IN ('attendance', 'manual', "        \
  "'evaluation')),\n"                                                      \
  "  measure TEXT CHECK (measure IN ('people_trained', 'participations', " \
  "'participant_days', 'people_completed', 'workshops_held', "             \
  "'female_share', 'agencies_reached', 'satisfaction_mean', "              \
  "'satisfied_share', 'improved_share', 'normalized_gain', "               \
  "'mastery_share', 'response_rate'))"

inline constexpr const char* kSchemaEvaluationIndicators =
    "CREATE TABLE indicators_new (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  result_id INTEGER NOT NULL REFERENCES results(id),\n"
    "  code TEXT,\n"
    "  title TEXT NOT NULL,\n"
    "  " CAPDEV_INDICATOR_CHECKS
    ",\n"
    "  filter TEXT NOT NULL DEFAULT '',\n"
    "  completion_threshold INTEGER,\n"
    "  baseline_value REAL,\n"
    "  baseline_year INTEGER,\n"
    "  targets TEXT NOT NULL DEFAULT '',\n"
    "  disaggregations TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    "INSERT INTO indicators_new SELECT * FROM indicators;\n"
    "CREATE TABLE indicator_values_new (\n"
    "  indicator_id INTEGER NOT NULL REFERENCES indicators_new(id) ON DELETE "
    "CASCADE,\n"
    "  period_start TEXT NOT NULL,\n"
    "  period_end TEXT NOT NULL,\n"
    "  value REAL NOT NULL,\n"
    "  comment TEXT,\n"
    "  PRIMARY KEY (indicator_id, period_start, period_end)\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO indicator_values_new SELECT * FROM indicator_values;\n"
    "DROP TABLE indicator_values;\n"
    "DROP TABLE indicators;\n"
    "ALTER TABLE indicators_new RENAME TO indicators;\n"
    "ALTER TABLE indicator_values_new RENAME TO indicator_values;\n"
    "CREATE INDEX indicators_result ON indicators(result_id);\n";

inline constexpr const char* kSchemaEvaluationIndicatorsPg =
    "ALTER TABLE indicators DROP CONSTRAINT indicators_source_check;\n"
    "ALTER TABLE indicators DROP CONSTRAINT indicators_measure_check;\n"
    "ALTER TABLE indicators ADD CONSTRAINT indicators_source_check CHECK "
    "(source IN ('attendance', 'manual', 'evaluation'));\n"
    "ALTER TABLE indicators ADD CONSTRAINT indicators_measure_check CHECK "
    "(measure IN ('people_trained', 'participations', 'participant_days', "
    "'people_completed', 'workshops_held', 'female_share', "
    "'agencies_reached', 'satisfaction_mean', 'satisfied_share', "
    "'improved_share', 'normalized_gain', 'mastery_share', "
    "'response_rate'));\n";

#undef CAPDEV_INDICATOR_CHECKS

}  // namespace capdev::storage
