// Sign in: username and password; the server sets the session cookie. The
// language chosen here becomes the user's own if they have none yet.
import { setMyLanguage } from '../client/auth.js';
import { h, mount } from '../dom.js';
import { field, form } from '../form.js';
import { chosenHere, loadLanguage, t } from '../i18n.js';
import { navigate } from '../router.js';
import { signIn } from '../session.js';
import { notify, pageHeader } from '../ui.js';

export async function signInView({ query, root }) {
  const next = query.get('next');
  mount(root, h('div', { class: 'signin' },
    pageHeader(t('signin.title')),
    h('p', {}, t('signin.intro')),
    form({
      submitLabel: t('signin.submit'),
      failLabel: t('signin.failed'),
      onSubmit: async (values) => {
        const user = await signIn(values.username ?? '', values.password ?? '');
        if (user.language) {
          await loadLanguage(user.language);
        } else if (chosenHere()) {
          user.language = chosenHere();
          await setMyLanguage(user.language);
        }
        notify(t('signin.done', { username: user.username }));
        // Only an in-app route, never another site.
        if (next && next.startsWith('/') && !next.startsWith('//') && next !== '/signin') {
          window.location.hash = `#${next}`;
        } else {
          navigate('/');
        }
      },
    },
    field({ name: 'username', label: t('signin.username'), autocomplete: 'username' }),
    field({ name: 'password', label: t('signin.password'), type: 'password', autocomplete: 'current-password' }))));
}
