// A project's certificate template: the line above the holder's name and the
// wording between it and the workshop, each in English and Chinese (empty:
// the defaults, shown in the field), up to four signatories with their
// signature images, and a logo. Images are PNG or JPEG read in the browser and
// sent as base64 text; "Preview" draws a sample certificate from the form as it
// stands, without saving. Fields are named after the body's path
// ("signatories[0].signature_image") so the server's errors land next to them,
// and a refused save or preview keeps everything typed and chosen.
import {
  getCertificateTemplate, previewCertificateTemplate, setCertificateTemplate,
} from '../client/certificate-templates.js';
import { getProject } from '../client/projects.js';
import { h, mount, uid } from '../dom.js';
import { clearProblem, field, fields, form, showProblem } from '../form.js';
import { formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, details, errorBox, linkButton, loading, notify, pageHeader, section } from '../ui.js';
import { projectTitle } from './projects.js';

const MAX_SIGNATORIES = 4;
const MAX_IMAGE_BYTES = 512 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg'];

// #/projects/:id/certificate-template
export async function certificateTemplateView({ params, root }) {
  const [project, template] = await Promise.all([getProject(params.id), getCertificateTemplate(params.id)]);
  const back = linkButton(t('web.project.back_to_project'), `#/projects/${project.id}?section=certificate-template`);
  const header = pageHeader(t('web.certificate_template.heading', { code: project.code }), {
    subtitle: projectTitle(project), actions: canWrite() ? [] : [back],
  });
  if (!canWrite()) {
    mount(root, header, section(t('web.certificate_template.title'), templateDetails(template)));
    return;
  }
  mount(root, header, h('p', { class: 'muted certificate-intro' }, t('web.certificate_template.intro')), editor(project, template));
}

// The project page's part: what the template says, and the way to the editor.
export async function certificateTemplateSection(projectId) {
  let content;
  try {
    content = templateDetails(await getCertificateTemplate(projectId));
  } catch (problem) {
    content = errorBox(problem);
  }
  const el = section(t('web.certificate_template.title'),
    h('p', { class: 'muted' }, t('web.certificate_template.intro')),
    content,
    canWrite() ? h('div', { class: 'actions' }, linkButton(t('web.certificate_template.edit'), `#/projects/${projectId}/certificate-template`)) : null);
  el.id = 'certificate-template';
  return el;
}

// The template in words; a text left empty says which default it takes.
function templateDetails(tpl) {
  const orDefault = (value, key, lang) => (value ? h('span', { lang }, value) : h('span', { class: 'muted' }, t(key)));
  return details([
    [t('web.certificate_template.title_en'), orDefault(tpl.title, 'web.certificate_template.default_title_shown', 'en')],
    [t('web.certificate_template.title_zh'), orDefault(tpl.native_title, 'web.certificate_template.default_native_title_shown', 'zh')],
    [t('web.certificate_template.wording_en'), orDefault(tpl.wording, 'web.certificate_template.default_wording_shown', 'en')],
    [t('web.certificate_template.wording_zh'), orDefault(tpl.native_wording, 'web.certificate_template.default_native_wording_shown', 'zh')],
    [t('web.certificate_template.signatories'), tpl.signatories?.length
      ? h('ul', { class: 'plain' }, tpl.signatories.map((s) => h('li', {},
        s.title ? t('web.certificate_template.signatory_line', { name: s.name, title: s.title }) : s.name)))
      : h('span', { class: 'muted' }, t('web.certificate_template.no_signatories'))],
    [t('web.certificate_template.logo'), tpl.logo_image
      ? h('img', { class: 'image-thumb', src: dataUrl(tpl.logo_image), alt: t('web.certificate_template.logo_alt') })
      : h('span', { class: 'muted' }, t('web.certificate_template.no_image'))],
  ]);
}

function editor(project, template) {
  const parts = {
    title: field({
      name: 'title', label: t('web.certificate_template.title_en'), value: template.title, lang: 'en',
      placeholder: project.title, hint: t('web.certificate_template.title_hint'), class: 'wide',
    }),
    native_title: field({
      name: 'native_title', label: t('web.certificate_template.title_zh'), value: template.native_title, lang: 'zh',
      placeholder: project.native_title || undefined, hint: t('web.certificate_template.native_title_hint'), class: 'wide',
    }),
    wording: field({
      name: 'wording', label: t('web.certificate_template.wording_en'), value: template.wording, lang: 'en',
      placeholder: t('web.certificate_template.default_wording'), hint: t('web.certificate_template.wording_hint'), class: 'wide',
    }),
    native_wording: field({
      name: 'native_wording', label: t('web.certificate_template.wording_zh'), value: template.native_wording, lang: 'zh',
      placeholder: t('web.certificate_template.default_native_wording'), hint: t('web.certificate_template.native_wording_hint'), class: 'wide',
    }),
  };
  const signatories = signatoryList(template.signatories || []);
  const logo = imageField({ name: 'logo_image', label: t('web.certificate_template.logo_image'), value: template.logo_image });
  logo.describe(t('web.certificate_template.logo_alt'));

  // The body PUT and the preview take: an empty text is null (the default).
  const read = () => ({
    title: parts.title.read(),
    native_title: parts.native_title.read(),
    wording: parts.wording.read(),
    native_wording: parts.native_wording.read(),
    signatories: signatories.read(),
    logo_image: logo.read(),
  });

  const previewBox = h('div', { class: 'certificate-preview' });
  const previewStatus = h('p', { class: 'muted', role: 'status' }, t('web.certificate_template.preview_none'));
  const previewSection = section(t('web.certificate_template.preview_heading'), previewStatus, previewBox);
  previewSection.id = 'certificate-preview';
  let formEl = null;
  const preview = button(t('web.certificate_template.preview'), (e) => busy(e.currentTarget, async () => {
    clearProblem(formEl);
    previewStatus.textContent = t('web.certificate_template.preview_loading');
    try {
      const image = h('img', {
        class: 'certificate-preview-image', alt: t('web.certificate_template.preview_alt'),
        src: await asDataUrl(await previewCertificateTemplate(project.id, read())),
      });
      await image.decode().catch(() => {});
      mount(previewBox, image);
      previewStatus.textContent = t('web.certificate_template.preview_ready', { save: t('web.certificate_template.save') });
      previewSection.scrollIntoView({ block: 'start' });
    } catch (problem) {
      previewStatus.textContent = t('web.certificate_template.preview_none');
      // The same refusal as a save's, said as what did not happen.
      formEl.dataset.failLabel = t('web.certificate_template.no_preview');
      showProblem(formEl, problem);
    }
  }));

  formEl = form({
    submitLabel: t('web.certificate_template.save'),
    class: 'certificate-template-form',
    cancel: [preview, h('a', { href: `#/projects/${project.id}?section=certificate-template`, class: 'btn btn-secondary' }, t('web.project.back_to_project'))],
    onSubmit: async () => {
      formEl.dataset.failLabel = t('common.not_saved');
      await setCertificateTemplate(project.id, read());
      notify(t('web.certificate_template.saved', { code: project.code }));
      navigate(`/projects/${project.id}`, { section: 'certificate-template' });
    },
  },
  fields(parts.title, parts.native_title),
  fields(parts.wording, parts.native_wording),
  signatories,
  h('fieldset', { class: 'certificate-logo' }, h('legend', {}, t('web.certificate_template.logo')), logo));
  return [formEl, previewSection];
}

// --- signatories --------------------------------------------------------------------------

// Zero to four, in the order printed; read() gives them as the API takes them.
function signatoryList(initial) {
  const list = h('ol', { class: 'signatory-list' });
  const full = h('p', { class: 'hint', id: uid('signatories-full'), hidden: true }, t('web.certificate_template.signatories_full'));
  const add = button(t('web.certificate_template.add_signatory'), () => {
    addSignatory({}).parts.name.control.focus();
  }, { 'aria-describedby': full.id });
  // An error about the list as a whole ("signatories": too many) shows first.
  const error = h('p', { class: 'field-error', id: uid('group-error'), hidden: true });
  const box = h('fieldset', { class: 'signatories', dataset: { field: 'signatories' } },
    h('legend', {}, t('web.certificate_template.signatories')),
    error,
    h('p', { class: 'hint' }, t('web.certificate_template.signatories_hint')),
    list,
    h('div', { class: 'form-actions' }, add, full));
  box.control = add;

  const editors = () => [...list.children];
  const renumber = () => {
    editors().forEach((e, k) => e.renumber(k));
    add.disabled = editors().length >= MAX_SIGNATORIES;
    full.hidden = !add.disabled;
  };
  const remove = (e) => {
    const at = editors().indexOf(e);
    e.remove();
    renumber();
    const next = editors()[Math.min(at, editors().length - 1)];
    (next ? next.parts.name.control : add).focus();
  };
  const addSignatory = (s) => {
    const e = signatoryEditor(s, remove);
    list.append(e);
    renumber();
    return e;
  };
  for (const s of initial) addSignatory(s);
  renumber();
  box.read = () => editors().map((e) => e.read());
  return box;
}

function signatoryEditor(s, remove) {
  const parts = {
    name: field({ name: 'name', label: t('web.certificate_template.signatory_name'), value: s.name, class: 'wide' }),
    title: field({
      name: 'title', label: t('web.certificate_template.signatory_title'), value: s.title, hint: t('web.certificate_template.signatory_title_hint'), class: 'wide',
    }),
    signature_image: imageField({ name: 'signature_image', label: t('web.certificate_template.signature_image'), value: s.signature_image }),
  };
  const legend = h('legend', {});
  // An error about the signatory as a whole ("signatories[1]") shows here.
  const error = h('p', { class: 'field-error', id: uid('signatory-error'), hidden: true });
  const removeButton = button(t('web.certificate_template.remove_signatory'), () => remove(el), { kind: 'link' });
  const fieldset = h('fieldset', { class: 'signatory' }, legend, error,
    h('div', { class: 'row-actions signatory-actions' }, removeButton),
    fields(parts.name, parts.title),
    parts.signature_image);
  fieldset.control = parts.name.control;
  const el = h('li', {}, fieldset);
  el.parts = parts;
  el.renumber = (k) => {
    const n = k + 1;
    legend.textContent = t('web.certificate_template.signatory_n', { n });
    fieldset.dataset.field = `signatories[${k}]`;
    for (const [name, wrapper] of Object.entries(parts)) wrapper.dataset.field = `signatories[${k}].${name}`;
    removeButton.setAttribute('aria-label', t('web.certificate_template.remove_signatory_label', { n }));
    parts.signature_image.describe(t('web.certificate_template.signature_alt', { n }));
  };
  // A name left empty is left out, so the server says it is required.
  el.read = () => {
    const out = { name: parts.name.read(), title: parts.title.read(), signature_image: parts.signature_image.read() };
    if (out.name === null) delete out.name;
    return out;
  };
  return el;
}

// --- images -------------------------------------------------------------------------------

// base64 of a PNG starts so, of a JPEG so: what the file holds, whatever its name says.
function imageType(base64) {
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  return null;
}

function dataUrl(base64) {
  return `data:${imageType(base64) || 'image/png'};base64,${base64}`;
}

// A file or blob as a data: URL (the page's policy shows images from data:, not blob:).
function asDataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsDataURL(blob);
  });
}

const kilobytes = (bytes) => formatNumber(Math.ceil(bytes / 1024));

// An image chosen with a file input, kept as base64 text: its thumbnail and a
// way to remove it. A file that is not a PNG or JPEG, or is over 512 KB, is
// refused at the field and the image before it stays. describe(what) names
// the thumbnail and its button ("Signature of signatory 2").
function imageField({ name, label, value }) {
  const id = uid(`f-${name}`);
  let current = value || null;
  let chosenNow = false;
  let alt = label;
  const hint = h('p', { class: 'hint', id: `${id}-hint` }, t('web.certificate_template.image_hint'));
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const input = h('input', { id, name, type: 'file', accept: IMAGE_TYPES.join(','), 'aria-describedby': hint.id });
  const shown = h('div', { class: 'image-chosen', 'aria-live': 'polite' });
  const wrapper = h('div', { class: ['field', 'image-field'], dataset: { field: name } },
    h('label', { for: id }, label), shown, input, hint, error);

  const draw = () => {
    if (!current) {
      mount(shown, h('p', { class: 'muted' }, t('web.certificate_template.no_image')));
      return;
    }
    mount(shown,
      h('img', { class: 'image-thumb', src: dataUrl(current), alt }),
      h('p', { class: 'muted' }, chosenNow
        ? t('web.certificate_template.image_new', { size: kilobytes(Math.floor((current.length * 3) / 4)) })
        : t('web.certificate_template.image_saved')),
      button(t('web.certificate_template.remove_image'), () => {
        current = null;
        draw();
        input.focus();
      }, { kind: 'link', 'aria-label': t('web.certificate_template.remove_image_label', { what: alt }) }));
  };
  // Shown as the server's errors are: at the field, the control marked and focused.
  const refuse = (message) => showProblem(wrapper.parentElement, { errors: [{ field: wrapper.dataset.field, message }] });

  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    clearProblem(wrapper);
    // The same file may be chosen again, after a refusal or a removal.
    input.value = '';
    if (!IMAGE_TYPES.includes(file.type)) {
      refuse(t('web.certificate_template.not_an_image', { name: file.name }));
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      refuse(t('web.certificate_template.too_big', { name: file.name, size: kilobytes(file.size) }));
      return;
    }
    let base64;
    try {
      const url = await asDataUrl(file);
      base64 = url.slice(url.indexOf(',') + 1);
    } catch {
      refuse(t('web.certificate_template.unreadable', { name: file.name }));
      return;
    }
    if (!imageType(base64)) {
      refuse(t('web.certificate_template.not_an_image', { name: file.name }));
      return;
    }
    current = base64;
    chosenNow = true;
    draw();
  });

  wrapper.control = input;
  wrapper.read = () => current;
  wrapper.describe = (what) => {
    alt = what;
    draw();
  };
  draw();
  return wrapper;
}
