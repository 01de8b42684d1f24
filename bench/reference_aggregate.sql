-- The funder report's reference (bench/run.sh): the plain aggregate over the
-- raw attendance marks, in the sqlite3 CLI, that the funder report over all
-- years answers with much more around it. Organization 1 (lead funder of 10
-- projects), 2015-01-01 to 2025-12-31, the workshop selection of
-- storage/figures.cpp (SelectHeldWorkshops): held, dated within the period or
-- undated, of a project the organization funds (lead or co-funder).
-- Who attended: participants (the role that counts as trained) with a live
-- registration, marked present or late. Read from `attendance`, not from the
-- `participation` table the server keeps. Like the report, two sections:
-- 0 for workshops with known dates, 1 for estimated or unknown dates; the
-- totals of section 0 are the report's `totals` (participant_days,
-- people_trained).
--
--   sqlite3 -readonly bench/results/bench.db < bench/reference_aggregate.sql

CREATE TEMP TABLE marks AS
SELECT w.section, a.workshop_id, a.person_id, pe.gender
FROM attendance a
JOIN (SELECT id, CASE WHEN start_date IS NOT NULL AND dates_estimated = 0
                      THEN 0 ELSE 1 END AS section
      FROM workshops) w ON w.id = a.workshop_id
JOIN registrations r ON r.workshop_id = a.workshop_id AND r.person_id = a.person_id
JOIN people pe ON pe.id = a.person_id
WHERE a.status IN ('present', 'late')
  AND r.role = 'participant' AND r.status <> 'cancelled'
  AND a.workshop_id IN (
    SELECT w.id FROM workshops w
    WHERE w.status = 'held'
      AND (w.start_date IS NULL
           OR (w.end_date >= '2015-01-01' AND w.start_date <= '2025-12-31'))
      AND w.project_id IN (
        SELECT po.project_id FROM project_organizations po
        WHERE po.organization_id = 1 AND po.role IN ('lead_funder', 'co_funder')));

-- Which held workshop: participant-days and people trained.
SELECT section, workshop_id, COUNT(*) AS participant_days,
  COUNT(DISTINCT person_id) AS people_trained
FROM marks GROUP BY section, workshop_id ORDER BY section, workshop_id;

-- By gender: participant-days, participations (person x workshop), people.
SELECT section, gender, COUNT(*) AS participant_days,
  COUNT(DISTINCT workshop_id || '/' || person_id) AS participations,
  COUNT(DISTINCT person_id) AS people
FROM marks GROUP BY section, gender ORDER BY section, gender;

-- Totals: held workshops with someone trained, participant-days, distinct people.
SELECT section, COUNT(DISTINCT workshop_id) AS workshops,
  COUNT(*) AS participant_days, COUNT(DISTINCT person_id) AS people
FROM marks GROUP BY section ORDER BY section;
