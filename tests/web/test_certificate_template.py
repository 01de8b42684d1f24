"""Certificates (issue 33), the project's template: written in the editor in
English and Chinese, two signatories with their signature images and a logo
chosen from files (a file too big, a text file and a text file named .png
refused at their field, the image before kept), a refusal of the server's
shown at its field with nothing typed lost, a preview drawn from the form as it
stands, saved, reopened whole and checked through the API; an image removed.
A workshop's Chinese title and completion threshold set in its form (a
threshold out of range refused at the field). Axe, and screenshots of the
editor with its preview at 1366 and 390 px, in English and in Chinese."""
import base64
import json
import math
import os
import struct
import urllib.error
import urllib.request
import zlib

from selenium.webdriver.common.by import By

from test_languages import data_texts, make_user, untranslated
from test_two_scripts import screenshots

PROJECT = {'code': 'CERT-TPL', 'title': 'Migration management capacity programme', 'native_title': '移民管理能力建设项目'}
WORKSHOP = {'title': 'Document examination training (certificate test)', 'kind': 'training', 'status': 'held',
            'start_date': '2025-05-12', 'end_date': '2025-05-14', 'city': 'Xiamen'}
TITLE = 'EU-China Dialogue on Migration and Mobility Support Project'
NATIVE_TITLE = '支持中欧人员往来和移民领域对话项目'
WORDING = 'has successfully taken part in'
NATIVE_WORDING = '顺利参加了'
SIGNATORIES = [('Giuseppe Crocetti', 'Chief of Mission, IOM China'), ('李明', '公安部出入境管理局处长')]
WORKSHOP_ZH = '证件检查培训班（证书测试）'
# What the certificate prints in English whatever the screen's language: the
# English line's defaults, shown in its field and its hint.
CERTIFICATE_ENGLISH = {'has attended', 'has completed'}


# --- images made here (no PIL): a signature's stroke, a round logo --------------------------

def png(width, height, paint):
    """An RGBA PNG; paint(x, y) -> (r, g, b, a)."""
    raw = b''.join(b'\x00' + b''.join(bytes(paint(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def signature(turns, ink):
    width, height = 300, 100

    def paint(x, y):
        line = height / 2 + 28 * math.sin(x / width * turns * math.pi) * (1 - x / (1.6 * width))
        return (*ink, 255) if abs(y - line) < 2.2 else (255, 255, 255, 0)
    return png(width, height, paint)


def logo():
    size = 160

    def paint(x, y):
        r = math.hypot(x - size / 2, y - size / 2)
        if r < 52:
            return (31, 95, 139, 255)
        if r < 60:
            return (255, 255, 255, 255)
        if r < 76:
            return (31, 95, 139, 255)
        return (255, 255, 255, 0)
    return png(size, size, paint)


def write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, 'wb') as out:
        out.write(data)
    return path


def b64(data):
    return base64.b64encode(data).decode()


# --- finding the editor's parts -------------------------------------------------------------

def signatory(app, n):
    return app.d.find_element(
        By.XPATH, f"//fieldset[contains(concat(' ', @class, ' '), ' signatory ')][legend[normalize-space()='Signatory {n}']]")


def logo_box(app):
    return app.d.find_element(By.CSS_SELECTOR, 'fieldset.certificate-logo')


def value(app, label, within=None):
    return app.field(label, within).get_attribute('value')


def wrapper_of(control):
    return control.find_element(By.XPATH, './ancestor::div[contains(concat(" ", @class, " "), " field ")][1]')


def error_at(control):
    """The message shown at a control's field ('' when none), checked to be wired to it."""
    error = wrapper_of(control).find_element(By.CSS_SELECTOR, '.field-error')
    if not error.is_displayed():
        return ''
    assert control.get_attribute('aria-invalid') == 'true'
    assert error.get_attribute('id') in (control.get_attribute('aria-describedby') or '')
    return error.text


def thumbnail(app, label, within=None):
    """The image a field shows (loaded), or None."""
    images = wrapper_of(app.field(label, within)).find_elements(By.CSS_SELECTOR, 'img.image-thumb')
    if not images:
        return None
    app.wait(lambda: app.d.execute_script('return arguments[0].complete && arguments[0].naturalWidth > 0', images[0]),
             message='the thumbnail did not load')
    return images[0]


def choose_file(app, label, path, within=None):
    app.field(label, within).send_keys(path)


def template(app, pid):
    return app.api(f'/api/v1/projects/{pid}/certificate-template')


def refused(app, path, body, method='PUT'):
    """A request the server must refuse with 422: its errors, as {field: message}."""
    try:
        app.api(path, body, method=method)
    except urllib.error.HTTPError as answer:
        assert answer.code == 422, f'{path}: {answer.code}'
        return {e['field']: e['message'] for e in json.load(answer)['errors']}
    raise AssertionError(f'{path}: not refused: {body!r}'[:300])


def set_up(app):
    project = next((p for p in app.api('/api/v1/projects?limit=500')['items'] if p['code'] == PROJECT['code']), None)
    if project is None:
        project = app.api('/api/v1/projects', PROJECT)
    workshops = app.api(f'/api/v1/workshops?project_id={project["id"]}&limit=10')['items']
    workshop = workshops[0] if workshops else app.api('/api/v1/workshops', {**WORKSHOP, 'project_id': project['id']})
    return project, workshop


# --- the template's editor -------------------------------------------------------------------

def test_certificate_template_written_in_the_editor(app, tmp_path):
    project, _ = set_up(app)
    pid = project['id']
    folder = str(tmp_path)
    images = {'sig1': signature(3, (20, 30, 90)), 'sig2': signature(5, (10, 10, 10)), 'logo': logo()}
    paths = {name: write(folder, f'{name}.png', data) for name, data in images.items()}
    big = write(folder, 'big.png', b'\x89PNG\r\n\x1a\n' + os.urandom(600 * 1024))
    text = write(folder, 'notes.txt', 'Not an image at all.\n'.encode())
    fake = write(folder, 'fake.png', 'Plain text named as a PNG.\n'.encode())
    app.api(f'/api/v1/projects/{pid}/certificate-template',
            {'title': None, 'native_title': None, 'wording': None, 'native_wording': None, 'signatories': [], 'logo_image': None},
            method='PUT')

    app.sign_in('coord')
    app.go(f'/projects/{pid}')
    section = app.section('Certificate template')
    assert 'The project’s title (default)' in section.text and 'No image.' in section.text
    app.check_screen('project-certificate-template-empty')
    app.navigating(lambda: app.link('Edit certificate template', section).click())
    assert app.heading() == f'Certificate template — {PROJECT["code"]}'

    # Empty fields show what they stand for: the project's titles, the default wording
    assert app.field('Line above the name (English)').get_attribute('placeholder') == PROJECT['title']
    assert app.field('Line above the name (Chinese)').get_attribute('placeholder') == PROJECT['native_title']
    assert app.field('Wording (English)').get_attribute('placeholder') == 'has attended'
    assert app.field('Wording (Chinese)').get_attribute('placeholder') == '参加了'
    assert app.field('Line above the name (Chinese)').get_attribute('lang') == 'zh'
    assert 'No image.' in logo_box(app).text
    app.check_screen('certificate-template-empty')

    app.fill('Line above the name (English)', TITLE)
    app.fill('Line above the name (Chinese)', NATIVE_TITLE)
    app.fill('Wording (English)', WORDING)
    app.fill('Wording (Chinese)', NATIVE_WORDING)

    # Two signatories, each with a signature image; a logo
    for n, ((name, position), key) in enumerate(zip(SIGNATORIES, ['sig1', 'sig2']), 1):
        app.button('Add signatory').click()
        box = signatory(app, n)
        assert app.d.switch_to.active_element == app.field('Name', box)
        app.fill('Name', name, within=box)
        app.fill('Position', position, within=box)
        choose_file(app, 'Signature image', paths[key], within=box)
        image = app.wait(lambda: thumbnail(app, 'Signature image', box), message=f'no thumbnail for signatory {n}')
        assert image.get_attribute('alt') == f'Signature of signatory {n}'
        assert 'New image' in box.text
        assert app.button('Remove image', box).get_attribute('aria-label') == f'Remove image: Signature of signatory {n}'
    choose_file(app, 'Logo image', paths['logo'])
    app.wait(lambda: thumbnail(app, 'Logo image', logo_box(app)), message='no thumbnail for the logo')

    # Refused in the browser, at the field; the image chosen before stays
    choose_file(app, 'Logo image', big)
    logo_input = app.field('Logo image')
    app.wait(lambda: error_at(logo_input), message='no refusal of a file over 512 KB')
    assert error_at(logo_input) == '“big.png” is 601 KB: an image may be at most 512 KB.'
    assert thumbnail(app, 'Logo image', logo_box(app)) is not None
    second = signatory(app, 2)
    choose_file(app, 'Signature image', text, within=second)
    signature_input = app.field('Signature image', second)
    app.wait(lambda: error_at(signature_input), message='no refusal of a text file')
    assert error_at(signature_input) == '“notes.txt” is not a PNG or JPEG image.'
    assert thumbnail(app, 'Signature image', second) is not None
    first = signatory(app, 1)
    choose_file(app, 'Signature image', fake, within=first)
    fake_input = app.field('Signature image', first)
    app.wait(lambda: error_at(fake_input), message='no refusal of a text file named .png')
    assert error_at(fake_input) == '“fake.png” is not a PNG or JPEG image.'
    app.check_screen('certificate-template-file-refused')
    screenshots(app, 'certificate-template-file-refused')

    # At most four signatories; a third without a name is refused by the server,
    # at its field, and nothing typed or chosen is lost
    app.button('Add signatory').click()
    app.button('Add signatory').click()
    assert not app.button('Add signatory').is_enabled()
    assert app.d.find_element(By.XPATH, "//p[normalize-space()='Four signatories: the most a certificate has room for.']").is_displayed()
    app.button('Remove signatory', signatory(app, 4)).click()
    assert app.button('Add signatory').is_enabled()
    app.fill('Position', 'Observer', within=signatory(app, 3))
    app.allow_console(rf'/api/v1/projects/{pid}/certificate-template - Failed to load resource: .* 422')
    app.button('Save template').click()
    nameless = app.field('Name', signatory(app, 3))
    app.wait(lambda: nameless.get_attribute('aria-invalid') == 'true', message='no error at signatory 3, Name')
    assert error_at(nameless)
    assert app.d.switch_to.active_element == nameless
    assert app.d.find_element(By.CSS_SELECTOR, '.form-summary').text.startswith('Not saved.')
    assert error_at(app.field('Logo image')) == '' and error_at(app.field('Name', signatory(app, 1))) == ''
    assert [value(app, label) for label in ('Line above the name (English)', 'Line above the name (Chinese)',
                                             'Wording (English)', 'Wording (Chinese)')] == [TITLE, NATIVE_TITLE, WORDING, NATIVE_WORDING]
    for n, (name, position) in enumerate(SIGNATORIES, 1):
        box = signatory(app, n)
        assert (value(app, 'Name', box), value(app, 'Position', box)) == (name, position)
        assert thumbnail(app, 'Signature image', box) is not None
    assert thumbnail(app, 'Logo image', logo_box(app)) is not None
    assert template(app, pid)['title'] is None
    app.check_screen('certificate-template-refused')
    screenshots(app, 'certificate-template-refused')
    app.button('Remove signatory', signatory(app, 3)).click()
    assert not app.d.find_elements(By.XPATH, "//fieldset[legend[normalize-space()='Signatory 3']]")

    # The preview: a sample certificate drawn from the form as it stands, not saved
    app.button('Preview').click()
    preview = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, 'img.certificate-preview-image'), 30, message='no preview')
    app.wait(lambda: app.d.execute_script('return arguments[0].complete && arguments[0].naturalWidth > 1000', preview),
             message='the preview did not load as an image over 1000 px wide')
    assert preview.get_attribute('alt') == 'Preview of a sample certificate drawn with this template'
    assert 'WANG Fang' in app.d.find_element(By.CSS_SELECTOR, '#certificate-preview [role=status]').text
    assert app.d.find_element(By.CSS_SELECTOR, '.form-summary').is_displayed() is False
    assert template(app, pid)['title'] is None
    app.check_screen('certificate-template-preview')
    screenshots(app, 'certificate-template-preview')

    # Saved: back on the project's page, which says what the template holds
    app.navigating(lambda: app.button('Save template').click())
    app.notice(f'Certificate template of {PROJECT["code"]} saved.')
    section = app.section('Certificate template')
    for text in (TITLE, NATIVE_TITLE, WORDING, NATIVE_WORDING, f'{SIGNATORIES[0][0]}, {SIGNATORIES[0][1]}'):
        assert text in section.text, text
    assert section.find_element(By.CSS_SELECTOR, 'img.image-thumb').get_attribute('alt') == 'The logo'
    app.check_screen('project-certificate-template')
    saved = template(app, pid)
    assert (saved['title'], saved['native_title'], saved['wording'], saved['native_wording']) == (
        TITLE, NATIVE_TITLE, WORDING, NATIVE_WORDING)
    assert [(s['name'], s['title'], s['signature_image']) for s in saved['signatories']] == [
        (*SIGNATORIES[0], b64(images['sig1'])), (*SIGNATORIES[1], b64(images['sig2']))]
    assert saved['logo_image'] == b64(images['logo'])

    # Reopened after a reload: everything as saved
    app.go(f'/projects/{pid}/certificate-template')
    app.d.refresh()
    app.wait_ready()
    assert [value(app, label) for label in ('Line above the name (English)', 'Line above the name (Chinese)',
                                             'Wording (English)', 'Wording (Chinese)')] == [TITLE, NATIVE_TITLE, WORDING, NATIVE_WORDING]
    assert not app.d.find_elements(By.XPATH, "//fieldset[legend[normalize-space()='Signatory 3']]")
    for n, (name, position) in enumerate(SIGNATORIES, 1):
        box = signatory(app, n)
        assert (value(app, 'Name', box), value(app, 'Position', box)) == (name, position)
        assert thumbnail(app, 'Signature image', box) is not None and 'Saved image.' in box.text
    assert thumbnail(app, 'Logo image', logo_box(app)) is not None

    # An image removed, the wording back to its default: saved so
    app.button('Remove image', logo_box(app)).click()
    assert thumbnail(app, 'Logo image', logo_box(app)) is None and 'No image.' in logo_box(app).text
    assert app.d.switch_to.active_element == app.field('Logo image')
    app.fill('Wording (English)', '')
    app.navigating(lambda: app.button('Save template').click())
    app.notice(f'Certificate template of {PROJECT["code"]} saved.')
    saved = template(app, pid)
    assert saved['logo_image'] is None and saved['wording'] is None and saved['native_wording'] == NATIVE_WORDING
    assert len(saved['signatories']) == 2

    # The server's own checks, at the fields the editor shows them at
    errors = refused(app, f'/api/v1/projects/{pid}/certificate-template', {
        **saved, 'logo_image': b64(b'GIF89a not a png'),
        'signatories': [{'name': 'A', 'title': None, 'signature_image': 'not base64!'}]})
    assert set(errors) == {'logo_image', 'signatories[0].signature_image'}, errors
    errors = refused(app, f'/api/v1/projects/{pid}/certificate-template', {
        **saved, 'signatories': [{'name': f'Person {n}', 'title': None, 'signature_image': None} for n in range(5)]})
    assert 'signatories' in errors, errors
    errors = refused(app, f'/api/v1/projects/{pid}/certificate-template/preview',
                     {**saved, 'logo_image': b64(b'\x89PNG\r\n\x1a\n' + bytes(513 * 1024))}, method='POST')
    assert set(errors) == {'logo_image'}, errors


# --- the workshop's two fields -----------------------------------------------------------------

def test_workshop_native_title_and_completion_threshold(app):
    _, workshop = set_up(app)
    wid = workshop['id']
    app.api(f'/api/v1/workshops/{wid}', {'native_title': None, 'completion_threshold': None}, method='PATCH')
    app.sign_in('coord')
    app.go(f'/workshops/{wid}/edit')
    threshold = app.field('Completion threshold (% of sessions)')
    assert threshold.get_attribute('placeholder') == '80' and threshold.get_attribute('value') == ''
    hint = wrapper_of(threshold).find_element(By.CSS_SELECTOR, '.hint').text
    assert hint == 'A participant completes when present (or late) in at least this share of sessions. Empty: 80%.'
    assert app.field('Chinese title').get_attribute('lang') == 'zh'

    # Out of range: refused at the field, the Chinese title typed kept
    app.fill('Chinese title', WORKSHOP_ZH)
    app.fill('Completion threshold (% of sessions)', '150')
    app.allow_console(rf'/api/v1/workshops/{wid} - Failed to load resource: .* 422')
    app.button('Save').click()
    threshold = app.field('Completion threshold (% of sessions)')
    app.wait(lambda: threshold.get_attribute('aria-invalid') == 'true', message='no error at the threshold')
    assert error_at(threshold)
    assert value(app, 'Chinese title') == WORKSHOP_ZH
    assert app.api(f'/api/v1/workshops/{wid}')['native_title'] is None
    app.check_screen('workshop-edit-threshold-refused')

    app.fill('Completion threshold (% of sessions)', '75')
    app.navigating(lambda: app.button('Save').click())
    saved = app.api(f'/api/v1/workshops/{wid}')
    assert (saved['native_title'], saved['completion_threshold']) == (WORKSHOP_ZH, 75)

    # Emptied: the default again (null)
    app.go(f'/workshops/{wid}/edit')
    assert (value(app, 'Chinese title'), value(app, 'Completion threshold (% of sessions)')) == (WORKSHOP_ZH, '75')
    app.check_screen('workshop-edit-certificate-fields')
    screenshots(app, 'workshop-edit-certificate-fields')
    app.fill('Completion threshold (% of sessions)', '')
    app.navigating(lambda: app.button('Save').click())
    saved = app.api(f'/api/v1/workshops/{wid}')
    assert (saved['native_title'], saved['completion_threshold']) == (WORKSHOP_ZH, None)

    # A new workshop made with the form keeps both
    app.go(f'/workshops/new?project_id={saved["project_id"]}')
    app.fill('Title', 'Interview techniques seminar (certificate test)')
    app.fill('Chinese title', '面谈技巧研讨会（证书测试）')
    app.fill('Start date', '2025-06-02')
    app.fill('End date', '2025-06-03')
    app.fill('Completion threshold (% of sessions)', '100')
    app.navigating(lambda: app.button('Create workshop').click())
    new_id = int(app.d.current_url.split('/workshops/')[1].split('?')[0])
    made = app.api(f'/api/v1/workshops/{new_id}')
    assert (made['native_title'], made['completion_threshold']) == ('面谈技巧研讨会（证书测试）', 100)
    app.api(f'/api/v1/workshops/{new_id}', method='DELETE')


# --- the same screens in Chinese -----------------------------------------------------------------

def test_certificate_template_in_chinese(app, tmp_path):
    project, workshop = set_up(app)
    pid = project['id']
    app.api(f'/api/v1/projects/{pid}/certificate-template', {
        'title': TITLE, 'native_title': NATIVE_TITLE, 'wording': None, 'native_wording': NATIVE_WORDING,
        'signatories': [{'name': name, 'title': position, 'signature_image': b64(signature(3 + 2 * n, (20, 30, 90)))}
                        for n, (name, position) in enumerate(SIGNATORIES)],
        'logo_image': b64(logo())}, method='PUT')
    make_user(app, 'zh_cert')
    app.api('/api/v1/me', {'language': 'zh'}, method='PATCH', username='zh_cert')
    data = data_texts(app, 'admin') | CERTIFICATE_ENGLISH | {TITLE, *(s for pair in SIGNATORIES for s in pair)}
    app.button('中文').click()
    app.wait(lambda: app.heading() == '登录', message='the sign-in page did not switch to Chinese')
    app.fill('用户名', 'zh_cert')
    app.fill('密码', app.server.users['zh_cert'])
    app.navigating(lambda: app.button('登录').click())
    found = []

    def look(name):
        found.extend(untranslated(app, data, name))
        app.check_screen(name)
        screenshots(app, name)

    app.go(f'/projects/{pid}?section=certificate-template')
    assert '证书模板' in app.section('证书模板').text
    look('zh-project-certificate-template')
    app.go(f'/projects/{pid}/certificate-template')
    assert app.heading() == f'证书模板 — {PROJECT["code"]}'
    assert app.field('措辞（中文）').get_attribute('value') == NATIVE_WORDING
    assert app.field('措辞（英文）').get_attribute('placeholder') == 'has attended'
    app.button('预览').click()
    preview = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, 'img.certificate-preview-image'), 30, message='no preview')
    app.wait(lambda: app.d.execute_script('return arguments[0].complete && arguments[0].naturalWidth > 1000', preview),
             message='the preview did not load')
    assert preview.get_attribute('alt') == '按此模板生成的样例证书预览'
    look('zh-certificate-template-preview')
    app.go(f'/workshops/{workshop["id"]}/edit')
    assert app.field('结业标准（出勤场次百分比）').get_attribute('placeholder') == '80'
    look('zh-workshop-edit')
    # Back to English for whoever signs in as this user next
    app.api('/api/v1/me', {'language': 'en'}, method='PATCH', username='zh_cert')
    assert not found, '\n'.join(found)
