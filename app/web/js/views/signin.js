// Sign in: username and password; the server sets the session cookie.
import { h, mount } from '../dom.js';
import { field, form } from '../form.js';
import { navigate } from '../router.js';
import { signIn } from '../session.js';
import { notify, pageHeader } from '../ui.js';

export async function signInView({ query, root }) {
  const next = query.get('next');
  mount(root, h('div', { class: 'signin' },
    pageHeader('Sign in'),
    h('p', {}, 'Sign in to record workshops, registrations and attendance.'),
    form({
      submitLabel: 'Sign in',
      failLabel: 'Not signed in.',
      onSubmit: async (values) => {
        const user = await signIn(values.username ?? '', values.password ?? '');
        notify(`Signed in as ${user.username}.`);
        // Only an in-app route, never another site.
        if (next && next.startsWith('/') && !next.startsWith('//') && next !== '/signin') {
          window.location.hash = `#${next}`;
        } else {
          navigate('/');
        }
      },
    },
    field({ name: 'username', label: 'Username', autocomplete: 'username' }),
    field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' }))));
}
