// Certificates of attendance and of completion: issued for a workshop's
// participants, its register (revoked ones too), one revoked with its reason,
// a person's own list, and the PDFs (one certificate, or every valid one of a
// workshop). Anyone checks a code at the certificate's verify_url.
import { api, apiPath, url } from '../api.js';

// body: {kind: 'attendance'|'completion', person_ids?} (none: everyone registered)
// -> {issued: [Certificate], created, not_eligible: [{person_id, full_name, native_name, reason}]}
export const issueCertificates = (workshopId, body) => api.post(apiPath`workshops/${workshopId}/certificates`, body);

// The register, newest first -> [Certificate]
export const listCertificates = async (workshopId) => (await api.get(apiPath`workshops/${workshopId}/certificates`)).items;

// -> the certificate, now revoked (422 at `reason` without one; 409 if it already is)
export const revokeCertificate = (id, reason) => api.post(apiPath`certificates/${id}/revoke`, { reason });

// -> [Certificate + {workshop_title, workshop_native_title, start_date, end_date}]
export const listPersonCertificates = async (personId) => (await api.get(apiPath`people/${personId}/certificates`)).items;

// One certificate's PDF (valid or revoked).
export const certificatePdfUrl = (id) => apiPath`certificates/${id}.pdf`;

// Every valid certificate of a workshop, a page each, in one PDF.
export const workshopCertificatesPdfUrl = (workshopId) => url(apiPath`workshops/${workshopId}/certificates`, { format: 'pdf' });
