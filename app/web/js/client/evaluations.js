// A workshop's evaluations: the project's questionnaires (client/
// questionnaires.js) attached by stage (pre, post, reaction, follow-up),
// their answers typed in from paper forms or imported, and the printable
// paper form (the figures are the evaluation report: client/reports.js).
import { api, apiPath, url } from '../api.js';
import { XLSX } from './imports.js';

// -> [{id, questionnaire_id, stage, opens_at, closes_at, responses}]
export const listEvaluations = (workshopId) => api.get(apiPath`workshops/${workshopId}/evaluations`);

// stages: [{questionnaire_id, stage, opens_at, closes_at}], the whole set.
export const setEvaluations = (workshopId, stages) => api.put(apiPath`workshops/${workshopId}/evaluations`, stages);

// -> {evaluation, questionnaire, respondents, responses}
export const getResponses = (workshopId, evaluationId) => api.get(apiPath`workshops/${workshopId}/evaluations/${evaluationId}/responses`);

// body: {registration_id, answers, sex?}; a new one (201) or the person's replaced (200).
export const saveResponse = (workshopId, evaluationId, body) => api.post(apiPath`workshops/${workshopId}/evaluations/${evaluationId}/responses`, body);

// A CSV or XLSX file of answers, a row per person (the file is the body, as
// in the other imports); a dry run writes nothing; skipInvalid: a real run
// saves the valid rows and leaves the others out.
export function importResponses(workshopId, evaluationId, file, { dryRun, skipInvalid = false }) {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return api.upload(apiPath`workshops/${workshopId}/evaluations/${evaluationId}/responses/import`, file, type, {
    dry_run: String(dryRun), skip_invalid: skipInvalid ? 'true' : null,
  });
}

// The printable, bilingual paper form (blank).
export const paperFormUrl = (workshopId, evaluationId) => url(apiPath`workshops/${workshopId}/evaluations/${evaluationId}/form`, { format: 'html' });
