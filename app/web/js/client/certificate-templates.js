// A project's certificate template: the line above the holder's name, the
// wording, up to four signatories with their signatures and a logo (images as
// base64 text); and a preview of a sample certificate drawn with it.
import { api, apiPath } from '../api.js';

// A project without a template answers every text null and no signatory.
export const getCertificateTemplate = (projectId) => api.get(apiPath`projects/${projectId}/certificate-template`);

export const setCertificateTemplate = (projectId, template) => api.put(apiPath`projects/${projectId}/certificate-template`, template);

// The template as it stands in the form (not saved): a PNG of one page, as a Blob.
export const previewCertificateTemplate = (projectId, template) => api.postFor('image/png', apiPath`projects/${projectId}/certificate-template/preview`, template);
