// A workshop's partner institutions by role (organizer, host, trainer...),
// saved as a whole set with PUT on every change; `onChange` then redraws what
// follows from them (a trainer institution's double booking).
import { organizations } from '../client/organizations.js';
import { getWorkshopPartners, setWorkshopPartners } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { field, fields, form } from '../form.js';
import { LABELS, label } from '../format.js';
import { organizationPicker, orgLink } from '../orgs.js';
import { canWrite } from '../session.js';
import { busy, button, empty, notify, notifyProblem } from '../ui.js';

export async function partnersSection(workshopId, onChange = async () => {}) {
  const box = h('div', {});
  let parties = await getWorkshopPartners(workshopId);

  const save = async (next) => {
    const saved = await setWorkshopPartners(workshopId, next.map(({ organization_id, role }) => ({ organization_id, role })));
    parties = Array.isArray(saved) ? saved : next;
    await Promise.all([draw(), onChange()]);
  };

  const draw = async () => {
    const orgs = await organizations();
    const byRole = Object.keys(LABELS.workshop_role)
      .map((role) => [role, parties.filter((p) => p.role === role)])
      .filter(([, list]) => list.length);
    const listing = byRole.length
      ? h('dl', { class: 'roles' }, byRole.map(([role, list]) => [
        h('dt', {}, label('workshop_role', role)),
        h('dd', {}, h('ul', { class: 'plain' }, list.map((p) => {
          const org = orgs.get(p.organization_id);
          const name = org ? org.name : `organization ${p.organization_id}`;
          return h('li', {}, orgLink(org) || name, canWrite()
            ? button('Remove', async (event) => busy(event.currentTarget, async () => {
              try {
                await save(parties.filter((x) => x !== p));
                notify(`${name} removed as ${label('workshop_role', role).toLowerCase()}.`);
              } catch (problem) {
                notifyProblem(problem, 'Not removed');
              }
            }), { kind: 'link', 'aria-label': `Remove ${name} as ${label('workshop_role', role)}` })
            : null);
        }))),
      ]))
      : empty('No partner institution recorded yet.');

    const picker = organizationPicker({ label: 'Organization' });
    const addForm = canWrite() ? form({
      submitLabel: 'Add partner',
      class: 'inline-form',
      onSubmit: async (values) => {
        const org = picker.selected();
        await save([...parties, { organization_id: values.organization_id, role: values.role }]);
        box.querySelector('form input')?.focus(); // ready for the next one
        notify(`${org ? org.name : 'Organization'} added as ${label('workshop_role', values.role).toLowerCase()}.`);
      },
    }, fields(picker, field({ name: 'role', label: 'Role', type: 'select', options: 'workshop_role', value: 'trainer' }))) : null;
    mount(box, listing, addForm);
  };

  await draw();
  return box;
}
