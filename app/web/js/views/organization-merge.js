// Merging an organization recorded twice into the one kept: a dialog that
// says what moves before it is done, and the kept one's names afterwards.
import { mergeOrganization } from '../client/organizations.js';
import { h, mount } from '../dom.js';
import { listText } from '../format.js';
import { form, fields } from '../form.js';
import { t } from '../i18n.js';
import { organizationPicker, orgName } from '../orgs.js';
import { button, openDialog } from '../ui.js';
import { orgShown } from './names.js';

// what: {people, more_people, workshops, more_workshops, children} as counted on
// the organization's page (more_*: there are more than counted). Resolves with
// the kept organization, or null.
export function mergeOrganizationDialog(org, what) {
  const name = orgShown(org);
  return openDialog(t('web.organization.merge_title', { name }), (close) => {
    const moves = h('div', { class: 'merge-moves', 'aria-live': 'polite' });
    const names = [org.name, org.short_name, org.native_name, ...(org.aliases || [])].filter(Boolean);
    const yes = (flag) => (flag ? 'yes' : 'no');
    const describe = (kept) => mount(moves,
      h('p', {}, kept ? t('web.organization.merge_into_named', { name: orgName(kept) }) : t('web.organization.merge_into_picked')),
      h('ul', {},
        what.people ? h('li', {}, t('web.organization.merge_moves_people', { n: what.people, more: yes(what.more_people), name })) : null,
        what.workshops ? h('li', {}, t('web.organization.merge_moves_workshops', { n: what.workshops, more: yes(what.more_workshops) })) : null,
        h('li', {}, t('web.organization.merge_moves_projects')),
        what.children ? h('li', {}, t('web.organization.merge_moves_children', { n: what.children })) : null,
        h('li', {}, t('web.organization.merge_moves_names', { names: listText(names.map((n) => t('web.organization.quoted', { name: n }))) }))),
      h('p', {}, t('web.organization.merge_then', { name })));
    const into = organizationPicker({
      name: 'into_id', label: t('web.organization.merge_keep'), exclude: org.id, create: false, class: 'wide',
      hint: t('web.organization.merge_keep_hint'), onChange: describe,
    });
    describe(null);
    return form({
      submitLabel: t('web.organization.merge'),
      failLabel: t('web.merge.not_merged'),
      cancel: button(t('common.cancel'), () => close(null)),
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
    h('strong', {}, t('web.merge.merged', { merged: mergedName, kept: orgShown(kept) })), ' ',
    aliases.length ? t('web.organization.merged_aliases', { names: aliases.join(t('web.organizations.name_separator')) }) : null);
}
