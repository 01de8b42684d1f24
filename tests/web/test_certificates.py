"""Certificates through the browser: a held workshop of two sessions, six
people registered (one with a long Uyghur name in both scripts, one who never
came, a trainer, a cancelled registration); the coordinator issues
certificates of attendance and of completion on the workshop's certificates
screen and reads who got none and why; the all-in-one PDF downloaded and read
back (pdftotext: both scripts and every code; pdffonts: every font embedded
and subset; page 1 rendered by pdftoppm and its QR code read by zbarimg: the
verification URL); the public verification page says valid, in English and
in Chinese; one certificate revoked in a dialog (a missing reason refused at
its field, a revoke made meanwhile elsewhere refused with the reason kept),
after which the page says revoked; a person's page and the participant's own
page on a phone list the certificates; axe on every screen, both languages,
and the register at 1366 and 390 px."""
import datetime
import re
import subprocess
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from test_checkin import decode_qr
from test_phone import OVERFLOW, PHONE, phone_in_both_languages

# key, Chinese name, Latin name, role, marks of the two sessions.
PEOPLE = [
    ('WANG', '王芳', 'WANG Fang', 'participant', ('present', 'present')),
    ('ABDU', '阿卜杜热合曼·买买提明', 'ABUDUREHEMAN Maimaitiming', 'participant', ('present', 'late')),
    ('LI', '李伟', 'LI Wei', 'participant', ('late', 'absent')),         # 1 of 2: attendance, no completion
    ('ZHANG', '张娜', 'ZHANG Na', 'participant', ('absent', None)),      # never present or late
    ('SUN', '孙敏', 'SUN Min', 'trainer', ('present', 'present')),       # not a participant
    ('CHEN', '陈静', 'CHEN Jing', 'participant', ('present', 'present')),  # registration cancelled
]
TITLE = 'Training on Document Examination, Kunming'
NATIVE_TITLE = '证件检验培训班（昆明）'
# The codes' alphabet: no look-alikes (no 0 O 1 I L 2 Z 5 S 8 B).
CODE = re.compile(r'^[ACDEFGHJKMNPQRTUVWXY34679]{12}$')


def grouped(code):
    return '-'.join(code[i:i + 4] for i in range(0, 12, 4))


def set_up(app):
    """The workshop, confirmed while its two sessions are marked, then held."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    project = app.api('/api/v1/projects', {'code': 'CERT-WEB', 'title': 'Certificates in the browser'})
    w = app.api('/api/v1/workshops', {
        'project_id': project['id'], 'title': TITLE, 'native_title': NATIVE_TITLE, 'kind': 'training',
        'status': 'confirmed', 'start_date': (today - datetime.timedelta(days=10)).isoformat(),
        'end_date': (today - datetime.timedelta(days=9)).isoformat(), 'city': 'Kunming'})
    assert w['native_title'] == NATIVE_TITLE and w['completion_threshold'] is None
    sessions = app.api(f'/api/v1/workshops/{w["id"]}/sessions')['items']
    assert len(sessions) == 2
    people, registrations = {}, {}
    for key, native, latin, role, _ in PEOPLE:
        people[key] = app.api('/api/v1/people', {'full_name': latin, 'native_name': native})
        registrations[key] = app.api(f'/api/v1/workshops/{w["id"]}/registrations',
                                     {'person_id': people[key]['id'], 'role': role})['id']
    for day, session in enumerate(sessions):
        sheet = [{'person_id': people[key]['id'], 'status': marks[day]} for key, _, _, _, marks in PEOPLE if marks[day]]
        app.api(f'/api/v1/workshops/{w["id"]}/sessions/{session["id"]}/attendance', sheet, method='PUT')
    app.api(f'/api/v1/workshops/{w["id"]}/registrations/{registrations["CHEN"]}', {'status': 'cancelled'}, method='PATCH')
    assert app.api(f'/api/v1/workshops/{w["id"]}', {'status': 'held'}, method='PATCH')['status'] == 'held'
    return w['id'], people, registrations


def raw_get(app, path_or_url, auth=True):
    """(status, Content-Type, Content-Disposition, body) of a GET, signed in as the coordinator or not."""
    url = path_or_url if path_or_url.startswith('http') else app.server.base_url + path_or_url
    headers = {'Authorization': f'Bearer {app.tokens["coord"]}'} if auth else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as answer:
            return answer.status, answer.headers.get('Content-Type', ''), answer.headers.get('Content-Disposition', ''), answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('Content-Type', ''), '', e.read()


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout


def issue(app, kind_label):
    """Chooses a kind, issues, and returns the answer shown in place: its figures and who got none."""
    app.field(kind_label).click()
    app.button('Issue certificates', within=app.d.find_element(By.CSS_SELECTOR, 'form.issue-form')).click()
    answer = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.issue-answer'))
    assert answer.find_element(By.TAG_NAME, 'h3').text == f'Issued: {kind_label}'
    numbers = {f.find_element(By.TAG_NAME, 'dt').text: f.find_element(By.TAG_NAME, 'dd').text
               for f in answer.find_elements(By.CSS_SELECTOR, '.figure')}
    passed = {li.find_element(By.CSS_SELECTOR, '.not-eligible-name').text: li.find_element(By.CSS_SELECTOR, '.not-eligible-reason').text
              for li in answer.find_elements(By.CSS_SELECTOR, '.not-eligible li')}
    return numbers, passed


def register_row(app, code):
    return app.d.find_element(By.XPATH, f"//div[contains(@class,'register')]//tr[.//code[normalize-space()='{grouped(code)}']]")


def page_text(app):
    return app.d.find_element(By.TAG_NAME, 'body').text


def test_certificates_issued_downloaded_verified_and_revoked(app, server, tmp_path):
    app.allow_console(r'/api/v1/certificates/\d+/revoke - Failed to load resource: the server responded with a status of 4(22|09)')
    workshop_id, people, registrations = set_up(app)
    app.sign_in('coord')

    # One click from the workshop's page, as its evaluation is.
    app.go(f'/workshops/{workshop_id}')
    app.navigating(app.link('Certificates').click)
    assert app.heading() == 'Certificates'
    assert TITLE in app.d.find_element(By.CSS_SELECTOR, '.subtitle').text
    issuing = app.section('Issue certificates')
    # Each kind's rule in words: completion at the default 80%, the workshop setting none.
    assert 'present or late in at least one session' in issuing.text
    assert 'present or late in at least 80% of the sessions' in issuing.text
    assert '80% is the default' in issuing.text
    assert app.field('Certificate of attendance').is_selected()
    assert 'No certificate issued yet.' in app.section('Register of certificates').text
    app.check_screen('certificates-empty')

    # Attendance: three participants present or late at least once; two get none, each said
    # why with both names. The trainer is no participant: not asked about.
    numbers, passed = issue(app, 'Certificate of attendance')
    app.notice('3 new certificates issued.')
    assert numbers == {'Certificates valid': '3', 'New': '3', 'Not eligible': '2'}
    assert passed == {
        'CHEN Jing 陈静': 'Registration cancelled.',
        'ZHANG Na 张娜': 'Not present or late at any session.',
    }
    register = app.api(f'/api/v1/workshops/{workshop_id}/certificates')['items']
    assert sorted(c['person_id'] for c in register) == sorted(people[k]['id'] for k in ('WANG', 'ABDU', 'LI'))
    assert all(CODE.match(c['code']) and c['kind'] == 'attendance' and c['revoked_at'] is None for c in register)
    assert all(c['verify_url'] == f'{server.base_url}/verify/{c["code"]}' for c in register)
    app.wait(lambda: len(app.d.find_elements(By.CSS_SELECTOR, '.register tbody tr')) == 3)
    # Again: nobody gets a second one.
    numbers, _ = issue(app, 'Certificate of attendance')
    app.notice('No new certificate: everyone eligible has one already.')
    assert numbers == {'Certificates valid': '3', 'New': '0', 'Not eligible': '2'}
    assert len(app.api(f'/api/v1/workshops/{workshop_id}/certificates')['items']) == 3

    # Completion: both sessions for WANG Fang and ABUDUREHEMAN; LI Wei came to one of two.
    numbers, passed = issue(app, 'Certificate of completion')
    app.notice('2 new certificates issued.')
    assert numbers == {'Certificates valid': '2', 'New': '2', 'Not eligible': '3'}
    assert passed['LI Wei 李伟'] == 'Present or late in fewer than 80% of the sessions.'
    assert passed['ZHANG Na 张娜'] == 'Present or late in fewer than 80% of the sessions.'  # completion's reason
    assert set(passed) == {'LI Wei 李伟', 'ZHANG Na 张娜', 'CHEN Jing 陈静'}
    app.check_screen('certificates-issued')

    # The register: holder in both scripts, kind, code in groups of four, the day, valid, and the links.
    register = app.api(f'/api/v1/workshops/{workshop_id}/certificates')['items']
    assert len(register) == 5
    app.wait(lambda: len(app.d.find_elements(By.CSS_SELECTOR, '.register tbody tr')) == 5)
    assert '5 valid certificates.' in app.section('Register of certificates').text
    for c in register:
        row = register_row(app, c['code'])
        cells = [td.text for td in row.find_elements(By.XPATH, './th|./td')]
        assert cells[0].split('\n') == [c['full_name'], c['native_name']]
        assert cells[1] == {'attendance': 'Certificate of attendance', 'completion': 'Certificate of completion'}[c['kind']]
        assert cells[2] == grouped(c['code'])
        assert cells[4] == 'Valid'
        # Each link's words, then (for a screen reader, out of sight) the code it is for.
        pdf, verify = row.find_elements(By.CSS_SELECTOR, '.row-actions a')
        assert pdf.text.startswith('PDF') and verify.text.startswith('Verification page')
        assert pdf.get_attribute('href') == f'{server.base_url}/api/v1/certificates/{c["id"]}.pdf'
        assert verify.get_attribute('href') == c['verify_url'] and verify.get_attribute('target') == '_blank'
        assert row.find_element(By.CSS_SELECTOR, 'button.btn-revoke').text.startswith('Revoke')
    abdu = next(c for c in register if c['person_id'] == people['ABDU']['id'])
    status, kind, _, body = raw_get(app, f'/api/v1/certificates/{abdu["id"]}.pdf')
    assert status == 200 and kind.startswith('application/pdf') and body.startswith(b'%PDF')

    # Every valid certificate in one PDF, a page each.
    name, pdf = app.download('Download all (PDF)')
    assert name.endswith('.pdf') and pdf.startswith(b'%PDF')
    path = tmp_path / 'certificates.pdf'
    path.write_bytes(pdf)
    assert re.search(r'^Pages:\s+5$', run('pdfinfo', str(path)), re.M)
    text = run('pdftotext', '-layout', str(path), '-')
    for latin, native in [('ABUDUREHEMAN Maimaitiming', '阿卜杜热合曼·买买提明'), ('WANG Fang', '王芳'), ('LI Wei', '李伟')]:
        assert latin in text and native in text, f'{latin} / {native} not in the PDF'
    for absent in ('ZHANG Na', '张娜', 'SUN Min', 'CHEN Jing'):
        assert absent not in text
    for heading in ('参训证明', '结业证书'):
        assert heading in text
    for c in register:
        assert grouped(c['code']) in text or c['code'] in text, f'code {c["code"]} not in the PDF'
    fonts = run('pdffonts', str(path)).splitlines()
    rows = fonts[2:]  # below the header and its rule
    assert rows, 'no fonts in the PDF'
    columns = fonts[0].split()
    emb, sub = columns.index('emb'), columns.index('sub')
    for row in rows:
        fields = row.split()
        # The name may hold spaces: emb and sub are counted from the end (… emb sub uni object ID).
        offset = len(columns) - len(fields)
        assert fields[emb - offset] == 'yes' and fields[sub - offset] == 'yes', f'font not embedded and subset: {row}'
    # Page 1's QR code, as a phone's camera reads it: that certificate's verification URL.
    run('pdftoppm', '-r', '150', '-png', '-f', '1', '-l', '1', str(path), str(tmp_path / 'page'))
    png = next(tmp_path.glob('page*.png')).read_bytes()
    urls = decode_qr(png)
    assert len(urls) == 1, urls
    first = next((c for c in register if c['verify_url'] == urls[0]), None)
    assert first, f'{urls[0]} is no certificate of the register'
    assert grouped(first['code']) in run('pdftotext', '-f', '1', '-l', '1', '-layout', str(path), '-') or \
        first['code'] in run('pdftotext', '-f', '1', '-l', '1', str(path), '-')

    # The public page of that URL: valid, in English and in Chinese.
    app.d.get(urls[0])
    app.wait(lambda: first['full_name'] in page_text(app))
    assert re.search(r'\bvalid\b', page_text(app), re.I) and 'revoked' not in page_text(app).lower()
    app.check_screen('certificates-verify-valid')
    app.d.get(urls[0] + '?lang=zh')
    app.wait(lambda: first['native_name'] in page_text(app))
    assert '有效' in page_text(app) and '撤销' not in page_text(app)
    app.check_screen('certificates-verify-valid-zh')
    answer = app.api(f'/api/v1/verify/{grouped(first["code"]).lower()}')
    assert answer['status'] == 'valid' and answer['holder']['full_name'] == first['full_name']
    assert answer['workshop']['native_title'] == NATIVE_TITLE

    # Revoked from the register: the reason is required (refused at its field), then given.
    app.go(f'/workshops/{workshop_id}/certificates')
    register_row(app, first['code']).find_element(By.CSS_SELECTOR, 'button.btn-revoke').click()
    dialog = app.dialog()
    assert grouped(first['code']) in dialog.find_element(By.TAG_NAME, 'h2').text
    app.button('Revoke the certificate', within=dialog).click()
    error = app.wait(lambda: dialog.find_element(By.CSS_SELECTOR, "[data-field='reason'] .field-error"))
    app.wait(lambda: error.is_displayed() and error.text)
    assert app.field('Reason', dialog).get_attribute('aria-invalid') == 'true'
    assert all(c['revoked_at'] is None for c in app.api(f'/api/v1/workshops/{workshop_id}/certificates')['items'])
    app.screenshot('certificates-revoke-refused')
    reason = 'Issued in error: the name was misspelt on the sign-in sheet.'
    app.fill('Reason', reason, dialog)
    app.button('Revoke the certificate', within=dialog).click()
    app.notice(f'Certificate {grouped(first["code"])} of {first["full_name"]} {first["native_name"]} revoked.')
    app.wait(lambda: not app.d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))
    app.wait(lambda: 'Revoked' in register_row(app, first['code']).text)
    assert reason in register_row(app, first['code']).text
    assert not register_row(app, first['code']).find_elements(By.CSS_SELECTOR, 'button.btn-revoke')
    saved = next(c for c in app.api(f'/api/v1/workshops/{workshop_id}/certificates')['items'] if c['id'] == first['id'])
    assert saved['revoked_at'] and saved['revoke_reason'] == reason
    assert '4 valid certificates, 1 revoked.' in app.section('Register of certificates').text

    # Revoked meanwhile by someone else: refused, and what was typed is still there.
    other = next(c for c in register if c['id'] != first['id'] and c['kind'] == 'attendance')
    register_row(app, other['code']).find_element(By.CSS_SELECTOR, 'button.btn-revoke').click()
    dialog = app.dialog()
    app.api(f'/api/v1/certificates/{other["id"]}/revoke', {'reason': 'Revoked from another screen.'})
    typed = 'Left on the first morning.'
    app.fill('Reason', typed, dialog)
    app.button('Revoke the certificate', within=dialog).click()
    summary = app.wait(lambda: dialog.find_element(By.CSS_SELECTOR, '.form-summary'))
    app.wait(lambda: summary.is_displayed() and 'Not revoked.' in summary.text)
    assert app.field('Reason', dialog).get_attribute('value') == typed
    app.button('Back', within=dialog).click()
    app.wait(lambda: 'Revoked from another screen.' in register_row(app, other['code']).text)
    app.check_screen('certificates-register')

    # The verification page now says revoked.
    app.d.get(urls[0])
    app.wait(lambda: first['full_name'] in page_text(app))
    assert 'revoked' in page_text(app).lower()
    app.check_screen('certificates-verify-revoked')
    app.d.get(urls[0] + '?lang=zh')
    app.wait(lambda: first['native_name'] in page_text(app))
    assert '撤销' in page_text(app)
    app.check_screen('certificates-verify-revoked-zh')
    assert app.api(f'/api/v1/verify/{first["code"]}')['status'] == 'revoked'

    # The register in Chinese, and both languages on a phone (the page never scrolls sideways).
    app.go(f'/workshops/{workshop_id}/certificates')
    try:
        app.d.find_element(By.CSS_SELECTOR, '[data-lang-switch="zh"]').click()
        app.wait(lambda: app.heading() == '证书')
        app.wait_ready()
        row = register_row(app, first['code'])
        assert '已撤销' in row.text and first['native_name'] in row.text
        assert NATIVE_TITLE in app.d.find_element(By.CSS_SELECTOR, '.subtitle').text
        assert '出席或迟到场次达到全部场次80%及以上的学员可获得。' in app.section('颁发证书').text
        app.check_screen('certificates-register-zh')
        phone_in_both_languages(app, 'certificates-register', 'Certificates')
    finally:
        app.api('/api/v1/me', {'language': None}, method='PATCH')
        app.d.set_window_size(1366, 768)

    # The holder's page lists their certificates, the revoked one said so.
    holder = next(k for k in people if people[k]['id'] == first['person_id'])
    mine = app.api(f'/api/v1/people/{people[holder]["id"]}/certificates')['items']
    assert {c['id'] for c in mine} == {c['id'] for c in register if c['person_id'] == first['person_id']}
    app.go(f'/people/{people[holder]["id"]}')
    listed = app.wait(lambda: app.section('Certificates').find_element(By.TAG_NAME, 'table'))
    rows = listed.find_elements(By.CSS_SELECTOR, 'tbody tr')
    assert len(rows) == len(mine)
    for c in mine:
        row = listed.find_element(By.XPATH, f".//tr[.//code[normalize-space()='{grouped(c['code'])}']]")
        assert row.find_element(By.XPATH, './th').text.split('\n') == [TITLE, NATIVE_TITLE]
        assert ('Revoked' if c['id'] == first['id'] else 'Valid') in row.text
        assert row.find_element(By.CSS_SELECTOR, 'a[href$=".pdf"]').get_attribute('href') == \
            f'{server.base_url}/api/v1/certificates/{c["id"]}.pdf'
    app.check_screen('certificates-person')

    # Their own page, on a phone: each certificate in words, the PDF to download, the check online.
    link = app.api(f'/api/v1/workshops/{workshop_id}/registrations/{registrations[holder]}/link', {})
    coordinator = app.d.current_window_handle
    app.d.switch_to.new_window('window')
    try:
        app.d.set_window_size(*PHONE)
        app.d.get(link['url'])
        app.wait(lambda: people[holder]['full_name'] in app.d.find_element(By.CSS_SELECTOR, '.who').text)
        if app.d.execute_script('return document.documentElement.lang') != 'en':
            app.d.find_element(By.ID, 'language').click()
        card = app.wait(lambda: app.d.find_element(By.XPATH, "//section[h2[normalize-space()='Certificates']]"))
        own = app.api(f'/api/v1/participant/{link["url"].rstrip("/").split("/")[-1]}')['certificates']
        assert {c['id'] for c in own} == {c['id'] for c in mine}
        items = card.find_elements(By.CSS_SELECTOR, 'li.own-certificate')
        assert len(items) == len(own)
        for c in own:
            item = next(i for i in items if grouped(c['code']) in i.text)
            assert item.find_element(By.TAG_NAME, 'h3').text == {'attendance': 'Certificate of attendance',
                                                                  'completion': 'Certificate of completion'}[c['kind']]
            assert item.find_element(By.CSS_SELECTOR, 'a.cert-verify').get_attribute('href') == c['verify_url']
            if c['id'] == first['id']:
                assert 'Revoked on' in item.text and 'no longer valid' in item.text
                assert not item.find_elements(By.CSS_SELECTOR, 'a.btn')
            else:
                download = item.find_element(By.CSS_SELECTOR, 'a.btn')
                assert download.text == 'Download the certificate (PDF)'
                assert download.get_attribute('href') == server.base_url + c['pdf_url']
                status, kind, _, body = raw_get(app, c['pdf_url'], auth=False)  # public, by the token
                assert status == 200 and kind.startswith('application/pdf') and body.startswith(b'%PDF')
        assert not app.d.execute_script(OVERFLOW)
        app.check_screen('certificates-participant-en')
        app.d.find_element(By.ID, 'language').click()
        app.wait(lambda: '证书编号' in app.d.find_element(By.TAG_NAME, 'main').text)
        assert '已于' in app.d.find_element(By.CSS_SELECTOR, 'li.own-certificate.revoked').text
        assert not app.d.execute_script(OVERFLOW)
        app.check_screen('certificates-participant-zh')
    finally:
        app.d.execute_script("localStorage.removeItem('capdev.language')")
        app.d.close()
        app.d.switch_to.window(coordinator)


def test_a_cancelled_workshop_gives_none(app):
    project = app.api('/api/v1/projects', {'code': 'CERT-CANCELLED', 'title': 'A cancelled workshop'})
    w = app.api('/api/v1/workshops', {'project_id': project['id'], 'title': 'Seminar on visa policy, Xi’an', 'kind': 'seminar',
                                      'status': 'cancelled', 'start_date': '2026-03-02', 'end_date': '2026-03-03', 'city': "Xi'an"})
    try:
        app.api(f'/api/v1/workshops/{w["id"]}/certificates', {'kind': 'attendance'})
        raise AssertionError('a cancelled workshop issued certificates')
    except urllib.error.HTTPError as e:
        assert e.code == 409
    app.sign_out_if_needed()  # a test before that stopped on a page outside the app left its session
    app.sign_in('coord')
    app.go(f'/workshops/{w["id"]}/certificates')
    assert 'This workshop was cancelled: it gives no certificates.' in app.section('Issue certificates').text
    assert not app.d.find_elements(By.CSS_SELECTOR, 'form.issue-form')
    assert 'No certificate issued yet.' in app.section('Register of certificates').text
    app.check_screen('certificates-cancelled')
