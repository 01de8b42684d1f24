// A workshop's partner institutions by role (organizer, host, trainer...),
// saved as a whole set with PUT on every change; `onChange` then redraws what
// follows from them (a trainer institution's double booking) and answers how
// many double bookings the change made.
import { organizations } from '../client/organizations.js';
import { getWorkshopPartners, setWorkshopPartners } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { field, fields, form } from '../form.js';
import { ENUMS, label } from '../format.js';
import { t } from '../i18n.js';
import { organizationPicker, orgLink, orgName } from '../orgs.js';
import { canWrite } from '../session.js';
import { busy, button, empty, notify, notifyProblem } from '../ui.js';
import { inLang } from './names.js';

export async function partnersSection(workshopId, onChange = async () => 0) {
  const box = h('div', {});
  let parties = await getWorkshopPartners(workshopId);

  const save = async (next) => {
    const saved = await setWorkshopPartners(workshopId, next.map(({ organization_id, role }) => ({ organization_id, role })));
    parties = Array.isArray(saved) ? saved : next;
    const [, made] = await Promise.all([draw(), onChange()]);
    return made || 0;
  };
  // The role as the sentences about it need it: the value (English picks its
  // word from it) and its label.
  const role = (value) => ({ role: value, role_label: label('workshop_role', value) });

  const draw = async () => {
    const orgs = await organizations();
    const byRole = ENUMS.workshop_role
      .map((value) => [value, parties.filter((p) => p.role === value)])
      .filter(([, list]) => list.length);
    const listing = byRole.length
      ? h('dl', { class: 'roles' }, byRole.map(([value, list]) => [
        h('dt', {}, label('workshop_role', value)),
        h('dd', {}, h('ul', { class: 'plain' }, list.map((p) => {
          const org = orgs.get(p.organization_id);
          const name = org ? orgName(org) : t('web.partners.organization_n', { id: p.organization_id });
          return h('li', {}, org ? orgLink(org) : inLang(name), canWrite()
            ? button(t('common.remove'), async (event) => busy(event.currentTarget, async () => {
              try {
                await save(parties.filter((x) => x !== p));
                notify(t('web.partners.removed', { name, ...role(value) }));
              } catch (problem) {
                notifyProblem(problem, t('web.workshop.not_removed'));
              }
            }), { kind: 'link', 'aria-label': t('web.partners.remove_label', { name, ...role(value) }) })
            : null);
        }))),
      ]))
      : empty(t('web.partners.none'));

    const picker = organizationPicker();
    const addForm = canWrite() ? form({
      submitLabel: t('web.partners.add'),
      class: 'inline-form',
      onSubmit: async (values) => {
        const org = picker.selected();
        const made = await save([...parties, { organization_id: values.organization_id, role: values.role }]);
        box.querySelector('form')?.querySelector('input')?.focus(); // ready for the next one
        notify(t('web.partners.added', { name: org ? orgName(org) : t('common.organization'), ...role(values.role), n: made }), made ? 'info' : 'success');
      },
    }, fields(picker, field({ name: 'role', label: t('web.workshop.role'), type: 'select', options: 'workshop_role', value: 'trainer' }))) : null;
    mount(box, listing, addForm);
  };

  await draw();
  return box;
}
