// A person's page (details, training record, certificates, possible
// duplicates, merge) and their form.
import { certificatePdfUrl, listPersonCertificates } from '../client/certificates.js';
import { mergePeople } from '../client/duplicates.js';
import { createPerson, deletePerson, erasePerson, getPerson, listPersonWorkshops, updatePerson } from '../client/people.js';
import { confirmThenRun, deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { formatDateRange, label } from '../format.js';
import { t } from '../i18n.js';
import { orgById } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite, isAdmin } from '../session.js';
import { button, confirmAction, details, errorBox, linkButton, loading, notify, pageHeader, section, table } from '../ui.js';
import { codeNode, kindName, pdfLink, standingNodes, workshopTitleNodes } from './certificate-terms.js';
import { duplicatesOf } from './duplicates.js';
import { statusBadge } from './home.js';
import { inLang, orgLinkShown, orgShown, personName, personOther } from './names.js';
import { bothNames, duplicatesNote, generatedNote, personFields, personPicker } from './person-fields.js';
import { mergeOutcome, rememberOutcome, takeOutcome } from './person-merge.js';

// The create answer's possible duplicates, shown once on the new person's page.
let justCreated = null;

export async function personView({ params, root }) {
  const id = Number(params.id);
  const person = await getPerson(id);
  const org = await orgById(person.organization_id);
  const record = h('div', {}, loading(t('common.loading')));
  const certificates = h('div', {}, loading(t('common.loading')));
  const created = justCreated?.id === id ? justCreated : null;
  justCreated = null;
  const merged = takeOutcome(id);

  mount(root,
    pageHeader(personName(person), {
      subtitle: [personOther(person), orgShown(org)].filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton(t('common.edit'), `#/people/${id}/edit`)] : [],
    }),
    created ? duplicatesNote(created) : null,
    merged,
    section(t('web.person.details'), details([
      [t('web.person.field.full_name'), person.full_name_generated ? [person.full_name, ' ', generatedNote()] : person.full_name],
      [t('web.person.field.native_name'), person.native_name ? h('span', { lang: 'zh' }, person.native_name) : null],
      [t('web.person.field.gender'), label('gender', person.gender)],
      [t('web.person.field.organization'), orgLinkShown(org)],
      [t('web.person.field.position'), inLang(person.position)], [t('web.person.field.province'), inLang(person.province)],
      [t('web.person.field.email'), person.email ? h('a', { href: `mailto:${person.email}` }, person.email) : null],
      [t('web.person.field.phone'), person.phone],
    ])),
    section(t('web.person.training_record'), record),
    section(t('web.person.certificates'), certificates),
    section(t('web.person.possible_duplicates'), await duplicatesOf(id, { onMerged: showMerged })),
    canWrite() ? section(t('web.person.merge_title'), await mergeForm(person)) : null,
    canWrite() ? h('div', { class: 'danger-zone' },
      button(t('web.person.delete'), (e) => remove(person, e.currentTarget), { kind: 'danger' }),
      isAdmin() ? button(t('web.person.erase'), (e) => erase(person, e.currentTarget), { kind: 'danger' }) : null) : null);

  const [recordPart, certificatesPart] = await Promise.all([trainingRecord(id), certificateList(id)]);
  mount(record, recordPart);
  mount(certificates, certificatesPart);
}

// After a merge: the kept person's page, with what the merge did in words.
function showMerged({ answer, note }) {
  rememberOutcome(answer.id, note);
  navigate(`/people/${answer.id}`);
}

// The workshops a person was registered for, with their role and days attended.
async function trainingRecord(id) {
  let page;
  try {
    page = await listPersonWorkshops(id);
  } catch (problem) {
    return errorBox(problem);
  }
  return table([
    { label: t('web.person.workshop'), cell: (r) => h('a', { href: `#/workshops/${r.workshop_id}` }, inLang(r.title)), class: 'cell-wide' },
    { label: t('common.dates'), cell: (r) => formatDateRange(r.start_date, r.end_date, r.dates_estimated), class: 'nowrap' },
    { label: t('common.city'), cell: (r) => inLang(r.city), class: 'nowrap' },
    { label: t('common.status'), cell: (r) => statusBadge(r.status) },
    { label: t('common.role'), cell: (r) => label('registration_role', r.role), class: 'nowrap' },
    { label: t('web.person.registration'), cell: (r) => label('registration_status', r.registration_status), class: 'nowrap' },
    { label: t('web.person.days_attended'), cell: (r) => t('web.person.days_of_sessions', { days: r.days_attended, sessions: r.sessions }), numeric: true },
  ], page.items, { emptyText: t('web.person.no_workshops') });
}

// The certificates issued to them, revoked ones too, each with its PDF.
async function certificateList(id) {
  let items;
  try {
    items = await listPersonCertificates(id);
  } catch (problem) {
    return errorBox(problem);
  }
  return table([
    { label: t('web.person.workshop'), cell: (c) => h('a', { href: `#/workshops/${c.workshop_id}` }, workshopTitleNodes(c.workshop_title, c.workshop_native_title)), class: 'cell-wide' },
    { label: t('common.dates'), cell: (c) => formatDateRange(c.start_date, c.end_date), class: 'nowrap' },
    { label: t('common.kind'), cell: (c) => kindName(c.kind) },
    { label: t('web.certificates.code'), cell: (c) => codeNode(c.code), class: 'nowrap' },
    { label: t('common.status'), cell: standingNodes, class: 'cert-status' },
    { label: t('web.certificates.document'), cell: (c) => pdfLink(certificatePdfUrl(c.id), c.code) },
  ], items, { emptyText: t('web.person.no_certificates') });
}

// Any other record, also one the server did not list: the coordinator
// chooses which of the two is kept.
async function mergeForm(person) {
  const other = await personPicker({
    name: 'other_id', label: t('web.person.merge_other'), create: false, exclude: person.id, contacts: true,
    hint: t('web.person.merge_other_hint'),
  });
  const keep = field({
    name: 'keep', label: t('web.person.merge_keep'), type: 'select', value: 'other',
    options: [['other', t('web.person.merge_other')], ['this', t('web.person.merge_this')]],
    hint: t('web.person.merge_keep_hint'),
  });
  return form({
    submitLabel: t('web.person.merge_submit'),
    failLabel: t('web.merge.not_merged'),
    onSubmit: async (values) => {
      const target = other.selected();
      if (!target) throw { detail: t('web.person.merge_pick_first'), errors: [{ field: 'other_id', message: t('web.person.merge_pick_hint') }] };
      const [merged, kept] = values.keep === 'this' ? [target, person] : [person, target];
      const question = t('web.person.merge_confirm', { merged: bothNames(merged), merged_id: String(merged.id), kept: bothNames(kept), kept_id: String(kept.id) });
      if (!(await confirmAction(question, t('web.person.merge')))) return;
      const answer = await mergePeople(merged.id, kept.id);
      notify(t('web.merge.merged', { merged: bothNames(merged), kept: personName(answer) }));
      showMerged({ answer, note: await mergeOutcome(answer, bothNames(merged)) });
    },
  }, fields(other, keep));
}

function remove(person, btn) {
  const name = personName(person);
  return deleteFromPage(btn, {
    question: t('web.person.delete_confirm', { name }), confirmLabel: t('web.person.delete'),
    remove: () => deletePerson(person.id), deleted: t('web.person.deleted', { name }), back: '/people',
  });
}

// Keeps gender, organization, province and attendance (reports still add up);
// replaces names and contacts with a placeholder, for good.
function erase(person, btn) {
  return confirmThenRun(btn, {
    question: t('web.person.erase_confirm', { name: personName(person) }),
    confirmLabel: t('web.person.erase'), failLabel: t('web.person.not_erased'),
  }, async () => {
    const erased = await erasePerson(person.id);
    notify(t('web.person.erased', { name: erased.full_name }));
    navigate(`/people/${person.id}`);
  });
}

export async function personFormView({ params, root }) {
  const editing = Boolean(params.id);
  const person = editing ? await getPerson(params.id) : {};
  const org = await orgById(person.organization_id);
  mount(root,
    pageHeader(editing ? t('web.person.edit_title', { name: bothNames(person) }) : t('web.person.new')),
    form({
      submitLabel: editing ? t('common.save') : t('web.person.create'),
      cancel: h('a', { href: editing ? `#/people/${params.id}` : '#/people', class: 'btn btn-secondary' },
        editing ? t('web.person.back_to_person') : t('web.person.back_to_people')),
      onSubmit: async (values) => {
        const saved = editing
          ? await updatePerson(params.id, changes(values, person))
          : await createPerson(withoutEmpty(values));
        if (!editing) justCreated = saved;
        notify(t(editing ? 'web.person.saved' : 'web.person.created', { name: personName(saved) }));
        navigate(`/people/${saved.id}`);
      },
    }, personFields(person, org)));
}
