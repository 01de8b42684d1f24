// A workshop's sign-in grid: the marks per person and session, saved a
// session at a time, and the grid as a file (printable sheets, Excel, CSV).
import { api, apiPath, url } from '../api.js';

export const getAttendance = (workshopId) => api.get(apiPath`workshops/${workshopId}/attendance`);

export const attendanceGridUrl = (workshopId, format) => url(apiPath`workshops/${workshopId}/attendance`, { format });

// sheet: [{person_id, status}], replacing the session's marks.
export const saveSessionAttendance = (workshopId, sessionId, sheet) => api.put(apiPath`workshops/${workshopId}/sessions/${sessionId}/attendance`, sheet);
