// Entry point: restores the session, draws the navigation and hands each
// hash route to its screen.
import { onUnauthorized } from './api.js';
import { setMyLanguage } from './client/auth.js';
import { h, mount } from './dom.js';
import { language, loadLanguage, preferredLanguage, rememberLanguage, t, tParts } from './i18n.js';
import { location, match, navigate, route, startRouter } from './router.js';
import { currentUser, forget, isAdmin, isFunder, restoreSession, signOut } from './session.js';
import { button, confirmAction, dropOldNotices, errorBox, loading, notify, notifyProblem, pageHeader } from './ui.js';
import { discardUnsavedMarks, unsavedMarkCount } from './views/attendance-grid.js';
import { signInView } from './views/signin.js';
import { homeView } from './views/home.js';
import { workshopsView } from './views/workshops.js';
import { workshopFormView } from './views/workshop-form.js';
import { workshopView } from './views/workshop.js';
import { takeAttendanceView } from './views/attendance-take.js';
import { checkinScreenView } from './views/checkin-screen.js';
import { workshopEvaluationView } from './views/workshop-evaluation.js';
import { workshopCertificatesView } from './views/workshop-certificates.js';
import { peopleView } from './views/people.js';
import { duplicatesView } from './views/duplicates.js';
import { personView, personFormView } from './views/person.js';
import { organizationsView, organizationView, organizationFormView } from './views/organizations.js';
import { projectsView, projectView, projectFormView } from './views/projects.js';
import { projectResultsView } from './views/results.js';
import { newQuestionnaireView, questionnaireView } from './views/questionnaire-form.js';
import { certificateTemplateView } from './views/certificate-template.js';
import { calendarView } from './views/calendar.js';
import { reportsView } from './views/reports.js';
import { attendanceReportView } from './views/report-attendance.js';
import { funderReportView } from './views/report-funder.js';
import { summaryReportView } from './views/report-summary.js';
import { evaluationReportView } from './views/report-evaluation.js';
import { submissionsView } from './views/report-submissions.js';
import { usersView } from './views/users.js';
import { auditView } from './views/audit.js';

const NAV = [
  ['nav.workshops', '/workshops'], ['nav.people', '/people'], ['nav.organizations', '/organizations'],
  ['nav.projects', '/projects'], ['nav.calendar', '/calendar'], ['nav.reports', '/reports'],
];
const ADMIN_NAV = [['nav.users', '/users'], ['nav.audit', '/audit']];
const PUBLIC = new Set(['/signin']);

route('/', homeView);
route('/signin', signInView);
route('/workshops', workshopsView);
route('/workshops/new', workshopFormView);
route('/workshops/:id', workshopView);
route('/workshops/:id/edit', workshopFormView);
route('/workshops/:id/attendance', takeAttendanceView);
route('/workshops/:id/sessions/:sid/checkin', checkinScreenView);
route('/workshops/:id/evaluation', workshopEvaluationView);
route('/workshops/:id/certificates', workshopCertificatesView);
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
route('/projects/:id/questionnaires/new', newQuestionnaireView);
route('/questionnaires/:id', questionnaireView);
route('/projects/:id/certificate-template', certificateTemplateView);
route('/calendar', calendarView);
route('/reports', reportsView);
route('/reports/attendance', attendanceReportView);
route('/reports/funder', funderReportView);
route('/reports/summary', summaryReportView);
route('/reports/evaluation', evaluationReportView);
route('/reports/submissions', submissionsView);
route('/users', usersView);
route('/audit', auditView);

// 中文 / English: the other language, named in itself. Signed in, the choice
// is the user's setting; on the sign-in page, this browser's.
export function languageSwitch() {
  const other = language() === 'zh' ? 'en' : 'zh';
  return button(t(`lang.${other}`), async () => {
    if (currentUser()) {
      try {
        await setMyLanguage(other);
      } catch (problem) {
        notifyProblem(problem);
        return;
      }
      currentUser().language = other;
    }
    rememberLanguage(other);
    await loadLanguage(other);
    drawStatic();
    render();
  }, { kind: 'link', lang: other === 'zh' ? 'zh-CN' : 'en', dataset: { langSwitch: other }, 'aria-label': `${t('nav.switch_language')}: ${t(`lang.${other}`)}` });
}

// The page's own texts outside the views.
function drawStatic() {
  document.querySelector('.skip-link').textContent = t('common.skip_to_content');
  document.getElementById('nav').setAttribute('aria-label', t('nav.main'));
}

function drawChrome(path) {
  const user = currentUser();
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  if (!user) {
    nav.hidden = true;
    mount(account, languageSwitch());
    return;
  }
  const links = isFunder() ? [['nav.reports', '/reports']] : [...NAV, ...(isAdmin() ? ADMIN_NAV : [])];
  nav.hidden = false;
  mount(nav, h('ul', {}, links.map(([key, target]) => {
    const current = path === target || path.startsWith(`${target}/`);
    return h('li', {}, h('a', { href: `#${target}`, 'aria-current': current ? 'page' : null }, t(key)));
  })));
  const out = button(t('nav.sign_out'), async () => {
    const n = unsavedMarkCount();
    if (n && !(await confirmAction(t('nav.unsaved_marks', { n }), t('nav.sign_out_discard')))) return;
    discardUnsavedMarks();
    try {
      await signOut();
      notify(t('nav.signed_out'));
    } catch (problem) {
      notifyProblem(problem, t('nav.sign_out_failed'));
    }
    navigate('/signin');
  }, { kind: 'link' });
  mount(account, languageSwitch(), h('span', { class: 'who' }, user.username), out);
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
  dropOldNotices();
  const main = document.getElementById('main');
  const root = h('div', { class: 'view' }, loading());
  mount(main, root);
  const found = match(path);
  try {
    if (!found) {
      mount(root, pageHeader(t('common.page_not_found')), h('p', {}, tParts('common.no_such_page', { home: h('a', { href: '#/' }, t('common.go_home')) })));
    } else {
      await found.view({ params: found.params, query, root });
    }
  } catch (problem) {
    if (seq === renderSeq) mount(root, pageHeader(t('common.something_wrong')), errorBox(problem));
  }
  // A view that scrolled to a part of itself (?section=) stays there.
  if (seq === renderSeq) root.querySelector('h1')?.focus({ preventScroll: 'scrolled' in root.dataset });
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
    notify(t('nav.session_ended'), 'error');
    navigate('/signin', { next: window.location.hash.slice(1) });
  });
  try {
    // The catalog first: even the error below is text for a person.
    await loadLanguage(preferredLanguage());
    const user = await restoreSession();
    if (user?.language) await loadLanguage(user.language);
  } catch (problem) {
    mount(document.getElementById('main'), errorBox(problem));
    return;
  }
  drawStatic();
  startRouter(render);
}

boot();
