// A city typed as other workshops already spell it but in another case
// ("harbin" beside "Harbin"): the form offers their spelling, so that lists,
// filters and the summary by city do not split one city in two.
import { listWorkshops } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { button } from '../ui.js';

// wrapper: the city field (form.js's field()); returned with the offer in it.
export function offerExistingSpelling(wrapper) {
  const control = wrapper.control;
  const offer = h('p', { class: 'hint spelling-offer', hidden: true });
  wrapper.append(offer);
  let asked = 0;
  control.addEventListener('change', async () => {
    const typed = control.value.trim();
    const seq = ++asked;
    offer.hidden = true;
    if (!typed) return;
    let page;
    try {
      // The list's city filter ignores case: what it finds is the same city.
      page = await listWorkshops({ city: typed, limit: 20 });
    } catch {
      return; // only an offer: the form works without it
    }
    const existing = page.items.map((w) => w.city).find((city) => city && city !== typed);
    if (seq !== asked || !existing || control.value.trim() !== typed) return;
    mount(offer, t('web.workshop.city_spelled', { city: existing }), ' ',
      button(t('web.workshop.use_spelling', { city: existing }), () => {
        control.value = existing;
        offer.hidden = true;
        control.focus();
      }, { kind: 'link' }));
    offer.hidden = false;
  });
  return wrapper;
}
