// Spreadsheets imported into a workshop: a participant list, or the sign-in
// grid. A dry run says what would be done; a real run writes all rows, or
// only the valid ones when told to skip the others.
import { api, apiPath } from '../api.js';
import { organizations } from './organizations.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// options: {dryRun, skipInvalid, createOrganizations}; the last two are sent only when set.
function importSheet(path, file, { dryRun, skipInvalid = false, createOrganizations = false }) {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return api.upload(path, file, type, {
    dry_run: String(dryRun),
    skip_invalid: skipInvalid ? 'true' : null,
    create_organizations: createOrganizations ? 'true' : null,
  });
}

// A real run may create the agencies the list names: the cached list then forgets them.
export function importParticipants(workshopId, file, options) {
  const run = importSheet(apiPath`workshops/${workshopId}/registrations/import`, file, options);
  return options.createOrganizations ? organizations.changedBy(run) : run;
}

export const importAttendance = (workshopId, file, options) => importSheet(apiPath`workshops/${workshopId}/attendance/import`, file, options);
