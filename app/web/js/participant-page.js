// The participant's pages, for a phone, with no account: /p/TOKEN (their own
// workshop, sessions and marks, the questionnaires to fill in, answered at
// /p/TOKEN#answer-ID, their certificates to download) and /c/KEY?t=CODE (what the QR code on the check-in
// screen opens). In the browser's language, Chinese or English, with a
// switch. They show nothing about anyone else.
import { h, mount } from './dom.js';
import { formatDate, formatDateRange, label } from './format.js';
import { language, loadLanguage, preferredLanguage, rememberLanguage, t } from './i18n.js';
import { answerForm, questionnairesCard } from './participant-forms.js';
import { codeNode, dayOf, kindName } from './views/certificate-terms.js';

const main = document.getElementById('main');
const switcher = document.getElementById('language');

// -> {status, data}; status 0 when the network failed.
async function call(method, path, body) {
  try {
    const response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': language(), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      credentials: 'same-origin',
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => ({}));
    return { status: response.status, data };
  } catch {
    return { status: 0, data: {} };
  }
}

function nameNodes(person) {
  const native = person.native_name && person.native_name !== person.full_name;
  return native
    ? [h('span', { lang: 'zh-CN' }, person.native_name), h('span', { class: 'latin', lang: 'en' }, person.full_name)]
    : [person.full_name];
}

function problemCard(title, text) {
  return h('section', { class: 'card checkin-result problem', role: 'alert' },
    h('p', { class: 'big', 'aria-hidden': 'true' }, '!'),
    h('h1', {}, title),
    text ? h('p', {}, text) : null);
}

// --- /p/TOKEN ---------------------------------------------------------------

// A form just sent: the page says thank you once.
let thanked = false;

async function ownPage(token) {
  const { status, data } = await call('GET', `/api/v1/participant/${encodeURIComponent(token)}`);
  if (status === 404) {
    document.title = t('participant.not_found');
    return problemCard(t('participant.not_found'), t('participant.not_found_detail'));
  }
  if (status !== 200) return problemCard(t('checkin.failed'), t('checkin.failed_detail'));
  const w = data.workshop;
  // The workshop in the page's language where it has a Chinese title.
  const title = language() === 'zh' && w.native_title ? w.native_title : w.title;
  document.title = title;
  // #answer-ID: that questionnaire's form, while it is open and unanswered.
  const asked = /^#answer-(\d+)$/.exec(window.location.hash);
  const q = asked && data.questionnaires.find((x) => String(x.evaluation_id) === asked[1] && x.open && !x.answered);
  if (q) {
    document.title = language() === 'zh' && q.native_title ? q.native_title : q.title;
    return answerForm(q, {
      send: (answers) => call('POST', `/api/v1/participant/${encodeURIComponent(token)}/evaluations/${q.evaluation_id}`, { answers }),
      done: () => {
        thanked = true;
        window.location.hash = ''; // back to the page, which says thank you
      },
    });
  }
  const thanks = thanked;
  thanked = false;
  const place = [w.venue, w.city].filter(Boolean).join(', ');
  const sessions = data.sessions.map((s) => h('li', {},
    h('span', {}, [formatDate(s.date), s.start_time ? ` ${s.start_time}${s.end_time ? `–${s.end_time}` : ''}` : '', s.title ? ` · ${s.title}` : ''].join('')),
    h('span', { class: ['own-mark', s.status ? `mark-${s.status}` : 'none'] },
      s.status ? label('attendance', s.status) : t('participant.no_mark'))));
  return h('div', {},
    h('section', { class: 'card' },
      h('p', { class: 'who' }, ...nameNodes(data.person)),
      h('h1', {}, title),
      h('div', { class: 'facts' },
        h('div', {}, formatDateRange(w.start_date, w.end_date)),
        place ? h('div', {}, place) : null),
      h('p', {}, t('participant.your_code'), ' ', h('code', { class: 'personal-code' }, data.code))),
    h('section', { class: 'card', 'aria-labelledby': 'own-sessions' },
      h('h2', { id: 'own-sessions' }, t('participant.sessions')),
      sessions.length ? h('ul', { class: 'own-sessions' }, sessions) : h('p', {}, t('participant.no_sessions')),
      h('p', { class: 'hint' }, t('participant.checkin_hint'))),
    questionnairesCard(data.questionnaires, { thanks }),
    certificatesCard(data.certificates || []));
}

// Each certificate: its kind, when it was issued, its code, the PDF to keep
// and the public page that checks it. A revoked one says so and offers no
// PDF; the valid ones come first.
function certificatesCard(certificates) {
  const shown = [...certificates].sort((a, b) => Boolean(a.revoked_at) - Boolean(b.revoked_at));
  return h('section', { class: 'card', 'aria-labelledby': 'own-certificates' },
    h('h2', { id: 'own-certificates' }, t('participant.certificates')),
    shown.length
      ? h('ul', { class: 'own-certificates' }, shown.map((c) => h('li', { class: ['own-certificate', c.revoked_at ? 'revoked' : null] },
        h('h3', {}, kindName(c.kind)),
        h('p', { class: 'cert-facts' }, t('participant.cert.issued_on', { date: dayOf(c.issued_at) }), h('br'),
          t('participant.cert.code'), ' ', codeNode(c.code)),
        c.revoked_at
          ? h('p', { class: 'cert-revoked' }, t('participant.cert.revoked', { date: dayOf(c.revoked_at) }))
          : h('a', { class: 'btn btn-primary', href: c.pdf_url, download: `certificate-${c.code}.pdf` }, t('participant.cert.download')),
        h('a', { class: 'cert-verify', href: c.verify_url }, t('participant.cert.verify')))))
      : h('p', {}, t('participant.no_certificates')));
}

// --- /c/KEY?t=CODE ------------------------------------------------------------

function recorded(data) {
  const kept = data.source !== 'self_checkin';
  return h('section', { class: 'card checkin-result ok', role: 'status' },
    h('p', { class: 'big', 'aria-hidden': 'true' }, '✓'),
    h('h1', {}, t(kept ? 'checkin.already_marked' : 'checkin.done')),
    h('p', { class: 'who' }, ...nameNodes(data.person)),
    h('p', {}, t('checkin.mark_is', { mark: label('attendance', data.status) })),
    h('p', { class: 'hint' }, [formatDate(data.session.date), data.session.start_time, data.session.title].filter(Boolean).join(' · ')));
}

// What a refusal means to the person holding the phone.
function refusal(status) {
  if (status === 410) return problemCard(t('checkin.expired'), t('checkin.expired_detail'));
  if (status === 409) return problemCard(t('checkin.not_open'), t('checkin.not_open_detail'));
  if (status === 429) return problemCard(t('checkin.too_many'), t('checkin.too_many_detail'));
  if (status === 404) return problemCard(t('checkin.unknown'), t('checkin.unknown_detail'));
  return problemCard(t('checkin.failed'), t('checkin.failed_detail'));
}

// Asks who the phone's holder is: the personal code on their badge, else the
// mobile number or e-mail the organizers hold.
function askWho(key, code) {
  const kinds = [['code', 'checkin.by_code', 'text'], ['phone', 'checkin.by_phone', 'tel'], ['email', 'checkin.by_email', 'email']];
  let kind = 'code';
  const input = h('input', { id: 'who', name: 'who', type: 'text', autocomplete: 'off', autocapitalize: 'characters', required: true });
  const inputLabel = h('label', { for: 'who' }, t('checkin.by_code'));
  const message = h('p', { class: 'form-message', 'aria-live': 'assertive' });
  const choices = h('fieldset', { class: 'choices' },
    h('legend', { class: 'visually-hidden' }, t('checkin.how_identify')),
    kinds.map(([value, text, type]) => {
      const radio = h('input', { type: 'radio', name: 'kind', value, checked: value === kind });
      radio.addEventListener('change', () => {
        kind = value;
        input.type = type;
        input.autocapitalize = value === 'code' ? 'characters' : 'off';
        message.textContent = '';
        inputLabel.textContent = t(text);
        input.value = '';
        input.focus();
      });
      return h('label', {}, radio, t(text));
    }));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('checkin.submit'));
  const form = h('form', { novalidate: true }, choices, h('div', { class: 'field' }, inputLabel, input), message, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      message.textContent = t('checkin.type_something');
      input.focus();
      return;
    }
    submit.disabled = true;
    const { status, data } = await call('POST', `/c/${encodeURIComponent(key)}`, { t: code, [kind]: input.value.trim() });
    submit.disabled = false;
    if (status === 200) show(() => recorded(data));
    else if (status === 404) message.textContent = t('checkin.nobody');
    else if (status === 422) message.textContent = t('checkin.type_something');
    else if (status === 0) message.textContent = t('checkin.failed_detail');
    else show(() => refusal(status));
  });
  return h('section', { class: 'card' },
    h('h1', {}, t('checkin.who_title')),
    h('p', {}, t('checkin.who_explain')),
    form);
}

// What the check-in page shows, as a function of the language: switching it
// redraws the answer already given rather than checking in again.
let shown = null;
function show(build) {
  shown = build;
  document.title = t('checkin.title');
  mount(main, build());
  main.focus();
}

async function checkinPage(key, code) {
  if (!code) return () => refusal(410);
  const { status, data } = await call('POST', `/c/${encodeURIComponent(key)}`, { t: code });
  if (status === 200) return () => recorded(data);
  if (status === 422) return () => askWho(key, code);
  return () => refusal(status);
}

// --- the page -----------------------------------------------------------------

async function render() {
  const [, kind, token] = window.location.pathname.split('/');
  const code = new URLSearchParams(window.location.search).get('t');
  if (kind === 'c') show(shown || await checkinPage(token, code));
  else {
    mount(main, await ownPage(token));
    // A new view (a form opened, or the page back after it): read from its top.
    if (moved) {
      moved = false;
      (main.querySelector('.q-thanks') ? main.querySelector('#own-forms') : main.querySelector('h1'))?.scrollIntoView();
      main.querySelector('.q-form h1')?.focus();
    }
  }
  const other = language() === 'zh' ? 'en' : 'zh';
  switcher.textContent = t(`lang.${other}`); // named in itself
  switcher.lang = other === 'zh' ? 'zh-CN' : 'en';
  switcher.hidden = false;
}

// Opening a form and coming back from it are moves within the page.
let moved = false;
window.addEventListener('hashchange', () => {
  moved = true;
  render();
});

switcher.addEventListener('click', async () => {
  const other = language() === 'zh' ? 'en' : 'zh';
  rememberLanguage(other);
  await loadLanguage(other);
  await render();
});

await loadLanguage(preferredLanguage());
await render();
