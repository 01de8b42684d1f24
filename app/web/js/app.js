// Entry point: restores the session, draws the navigation and hands each
// hash route to its screen.
import { onUnauthorized } from './api.js';
import { h, mount } from './dom.js';
import { location, match, navigate, route, startRouter } from './router.js';
import { currentUser, forget, isAdmin, isFunder, restoreSession, signOut } from './session.js';
import { button, confirmAction, dropOldErrors, errorBox, loading, notify, notifyProblem, pageHeader } from './ui.js';
import { discardUnsavedMarks, unsavedMarkCount } from './views/attendance-grid.js';
import { signInView } from './views/signin.js';
import { homeView } from './views/home.js';
import { workshopsView } from './views/workshops.js';
import { workshopFormView } from './views/workshop-form.js';
import { workshopView } from './views/workshop.js';
import { peopleView } from './views/people.js';
import { duplicatesView } from './views/duplicates.js';
import { personView, personFormView } from './views/person.js';
import { organizationsView, organizationView, organizationFormView } from './views/organizations.js';
import { projectsView, projectView, projectFormView } from './views/projects.js';
import { projectResultsView } from './views/results.js';
import { calendarView } from './views/calendar.js';
import { reportsView } from './views/reports.js';
import { attendanceReportView } from './views/report-attendance.js';
import { funderReportView } from './views/report-funder.js';
import { summaryReportView } from './views/report-summary.js';
import { submissionsView } from './views/report-submissions.js';
import { usersView } from './views/users.js';
import { auditView } from './views/audit.js';

const NAV = [
  ['Workshops', '/workshops'], ['People', '/people'], ['Organizations', '/organizations'],
  ['Projects', '/projects'], ['Calendar', '/calendar'], ['Reports', '/reports'],
];
const ADMIN_NAV = [['Users', '/users'], ['Audit', '/audit']];
const PUBLIC = new Set(['/signin']);

route('/', homeView);
route('/signin', signInView);
route('/workshops', workshopsView);
route('/workshops/new', workshopFormView);
route('/workshops/:id', workshopView);
route('/workshops/:id/edit', workshopFormView);
route('/people', peopleView);
route('/people/new', personFormView);
route('/people/duplicates', duplicatesView);
route('/people/:id', personView);
route('/people/:id/edit', personFormView);
route('/organizations', organizationsView);
route('/organizations/new', organizationFormView);
route('/organizations/:id', organizationView);
route('/organizations/:id/edit', organizationFormView);
route('/projects', projectsView);
route('/projects/new', projectFormView);
route('/projects/:id', projectView);
route('/projects/:id/edit', projectFormView);
route('/projects/:id/results', projectResultsView);
route('/calendar', calendarView);
route('/reports', reportsView);
route('/reports/attendance', attendanceReportView);
route('/reports/funder', funderReportView);
route('/reports/summary', summaryReportView);
route('/reports/submissions', submissionsView);
route('/users', usersView);
route('/audit', auditView);

function drawChrome(path) {
  const user = currentUser();
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  if (!user) {
    nav.hidden = true;
    mount(account);
    return;
  }
  const links = isFunder() ? [['Reports', '/reports']] : [...NAV, ...(isAdmin() ? ADMIN_NAV : [])];
  nav.hidden = false;
  mount(nav, h('ul', {}, links.map(([text, target]) => {
    const current = path === target || path.startsWith(`${target}/`);
    return h('li', {}, h('a', { href: `#${target}`, 'aria-current': current ? 'page' : null }, text));
  })));
  const out = button('Sign out', async () => {
    const n = unsavedMarkCount();
    const marks = n === 1 ? '1 attendance mark is' : `${n} attendance marks are`;
    if (n && !(await confirmAction(`${marks} not saved. Sign out and discard ${n === 1 ? 'it' : 'them'}?`, 'Sign out and discard'))) return;
    discardUnsavedMarks();
    try {
      await signOut();
      notify('Signed out.');
    } catch (problem) {
      notifyProblem(problem, 'Sign out failed');
    }
    navigate('/signin');
  }, { kind: 'link' });
  mount(account, h('span', { class: 'who' }, user.username), out);
}

let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  const { path, query } = location();
  const user = currentUser();
  if (!user && !PUBLIC.has(path)) {
    const next = window.location.hash && path !== '/' ? window.location.hash.slice(1) : null;
    navigate('/signin', { next });
    return;
  }
  if (user && PUBLIC.has(path)) {
    navigate('/');
    return;
  }
  if (user && isFunder() && !path.startsWith('/reports')) {
    navigate('/reports/funder');
    return;
  }
  drawChrome(path);
  dropOldErrors();
  const main = document.getElementById('main');
  const root = h('div', { class: 'view' }, loading());
  mount(main, root);
  const found = match(path);
  try {
    if (!found) {
      mount(root, pageHeader('Page not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Go to the home page.')));
    } else {
      await found.view({ params: found.params, query, root });
    }
  } catch (problem) {
    if (seq === renderSeq) mount(root, pageHeader('Something went wrong'), errorBox(problem));
  }
  if (seq === renderSeq) root.querySelector('h1')?.focus();
}

async function boot() {
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault(); // the hash belongs to the router
    document.getElementById('main').focus();
  });
  // Reloading or closing the tab would lose marks not yet saved: the browser
  // asks first.
  window.addEventListener('beforeunload', (event) => {
    if (!unsavedMarkCount()) return;
    event.preventDefault();
    event.returnValue = ''; // browsers before the standard (Chrome < 119)
  });
  onUnauthorized(() => {
    if (!currentUser()) return;
    forget();
    notify('Your session has ended. Please sign in again.', 'error');
    navigate('/signin', { next: window.location.hash.slice(1) });
  });
  try {
    await restoreSession();
  } catch (problem) {
    mount(document.getElementById('main'), errorBox(problem));
    return;
  }
  startRouter(render);
}

boot();
