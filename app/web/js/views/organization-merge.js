// Merging an organization recorded twice into the one kept: a dialog that
// says what moves before it is done, and the kept one's names afterwards.
import { mergeOrganization } from '../client/organizations.js';
import { h, mount } from '../dom.js';
import { count, listText } from '../format.js';
import { form, fields } from '../form.js';
import { orgName, organizationPicker } from '../orgs.js';
import { button, openDialog } from '../ui.js';

// what: {people, workshops, children} as counted on the organization's page
// ('100+' when there are more). Resolves with the kept organization, or null.
export function mergeOrganizationDialog(org, what) {
  return openDialog(`Merge ${org.name} into another organization`, (close) => {
    const moves = h('div', { class: 'merge-moves', 'aria-live': 'polite' });
    const names = [org.name, org.short_name, org.native_name, ...(org.aliases || [])].filter(Boolean);
    const describe = (kept) => mount(moves,
      h('p', {}, kept ? `Into ${orgName(kept)}:` : 'Into the organization you pick:'),
      h('ul', {},
        what.people ? h('li', {}, `${count(what.people, 'person', 'people')} recorded at ${org.name}`) : null,
        what.workshops ? h('li', {}, `its roles in ${count(what.workshops, 'workshop')}`) : null,
        h('li', {}, 'its roles as a party to projects, if any'),
        what.children ? h('li', {}, `its ${count(what.children, 'sub-organization')}`) : null,
        h('li', {}, `its names, which become other names of the one kept: ${listText(names.map((n) => `“${n}”`))}`)),
      h('p', {}, `${org.name} is then deleted. A role the kept organization already holds in the same workshop or project is kept once.`));
    const into = organizationPicker({
      name: 'into_id', label: 'Keep this organization', exclude: org.id, create: false, class: 'wide',
      hint: 'Type any of its names or other names.', onChange: describe,
    });
    describe(null);
    return form({
      submitLabel: 'Merge',
      failLabel: 'Not merged.',
      cancel: button('Cancel', () => close(null)),
      onSubmit: async (values) => {
        const kept = await mergeOrganization(org.id, values.into_id);
        close(kept);
      },
    }, fields(into), moves);
  });
}

// Shown once on the kept organization's page.
export function mergedNote(mergedName, kept) {
  const aliases = kept.aliases || [];
  return h('div', { class: 'notice-inline', role: 'note' },
    h('strong', {}, `${mergedName} merged into ${kept.name}. `),
    aliases.length ? `Its other names are now: ${aliases.join(', ')}.` : null);
}
