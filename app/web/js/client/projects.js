// Projects, their parties (funders with amounts, implementers,
// counterparts), the IATI export, and the list of all projects that pickers
// and labels use (a project's own writes forget it).
import { api, apiPath, getAll } from '../api.js';
import { cached } from '../cache.js';
import { recordCalls } from './records.js';

export const listAllProjects = () => getAll(apiPath`projects`);

// Few, so loaded once per page load.
export const projects = cached(listAllProjects);

export const {
  list: listProjects, get: getProject, create: createProject, update: updateProject, remove: deleteProject,
} = recordCalls('projects', { changed: projects.changedBy });

// The parties are one set, replaced as a whole.
export const getProjectParties = (id) => api.get(apiPath`projects/${id}/organizations`);

export const setProjectParties = (id, parties) => api.put(apiPath`projects/${id}/organizations`, parties);

export const iatiUrl = (id) => apiPath`projects/${id}/iati.xml`;
