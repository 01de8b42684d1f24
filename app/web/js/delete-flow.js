// Deleting (or erasing, or removing) something, written once: ask first, run
// it from the button (disabled meanwhile), and show a refusal as a notice:
// the server answers 409 with what still refers to the record.
import { t } from './i18n.js';
import { navigate } from './router.js';
import { busy, confirmAction, notify, notifyProblem } from './ui.js';

// action: the request and what follows it; a failure anywhere in it is the refusal shown.
export async function confirmThenRun(btn, { question, confirmLabel, failLabel = null }, action) {
  if (!(await confirmAction(question, confirmLabel))) return;
  await busy(btn, async () => {
    try {
      await action();
    } catch (problem) {
      notifyProblem(problem, failLabel ?? t('common.not_deleted'));
    }
  });
}

// From a record's own page: deleted, said so, and back to the list.
export function deleteFromPage(btn, { question, confirmLabel, remove, deleted, back }) {
  return confirmThenRun(btn, { question, confirmLabel }, async () => {
    await remove();
    notify(deleted);
    navigate(back);
  });
}
