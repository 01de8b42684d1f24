"""Self check-in by QR code, as a coordinator and participants do it: personal
links and badges from the workshop page, the check-in screen on the projector
(its QR code read from a screenshot by a real decoder, zbarimg), a phone
checking in with one scan or with a personal code, the marks and flags in the
grid; an old code refused with 410, a coordinator's mark never overwritten;
the participant's page passing axe at 390 px in both languages."""
import json
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from test_phone import PHONE, forty_today


def decode_qr(png):
    """Every QR code in a PNG, as zbarimg reads them."""
    with tempfile.NamedTemporaryFile(suffix='.png') as f:
        f.write(png)
        f.flush()
        out = subprocess.run(['zbarimg', '--raw', '-q', '-Sdisable', '-Sqrcode.enable', f.name],
                             capture_output=True, text=True, timeout=30)
    return [line for line in out.stdout.splitlines() if line]


def post(url, body, cookies=''):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method='POST',
                                     headers={'Content-Type': 'application/json', 'Cookie': cookies})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def screen_qr(app):
    """The URL in the check-in screen's QR code, read from a screenshot."""
    qr = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.checkin-qr svg'))
    urls = app.wait(lambda: decode_qr(qr.screenshot_as_png), message='no QR code on the check-in screen')
    assert len(urls) == 1
    return urls[0]


def wait_result(app):
    """The heading of the answer the phone shows (done, or why not)."""
    return app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, 'main .checkin-result h1').text)


def test_a_session_checked_in_by_qr_code(app, server):
    app.allow_console(r'/c/\S+ - Failed to load resource')  # the refusals the phone shows
    workshop_id, people = forty_today(app)
    app.api(f'/api/v1/people/{people[3]["id"]}', {'phone': '+86 138 0013 8003'}, method='PATCH')
    today = time.strftime('%Y-%m-%d', time.gmtime())
    session = next(s for s in app.api(f'/api/v1/workshops/{workshop_id}/sessions')['items'] if s['date'] == today)
    app.sign_in('coord')
    app.go(f'/workshops/{workshop_id}')

    # Everyone gets a personal link and code; the badges print them.
    app.button('Issue personal links to the 40 people without one').click()
    app.notice('40 personal links issued.')
    links = {l['person_id']: l for l in app.api(f'/api/v1/workshops/{workshop_id}/links')['items']}
    assert len(links) == 40 and all(len(l['code']) == 8 for l in links.values())
    assert not set(''.join(l['code'] for l in links.values())) & set('01OI')
    # One person's link, to send them: shown with the code, copied.
    app.button('Personal link').click()
    dialog = app.dialog()
    first = next(l for l in links.values() if l['url'] in dialog.text)
    assert first['code'] in dialog.text
    app.button('Copy the link', within=dialog).click()
    app.wait(lambda: 'link' in app.d.find_element(By.ID, 'notices').text)
    app.button('Back', within=dialog).click()
    coordinator = app.d.current_window_handle
    app.link('Print badges').click()
    app.d.switch_to.window(app.d.window_handles[-1])
    app.wait(lambda: len(app.d.find_elements(By.CSS_SELECTOR, '.card svg')) == 40)
    app.d.set_window_size(900, 1300)
    app.screenshot('checkin-badges')
    # In the sign-in sheets' order (names in pinyin order): CHEN Fang first.
    cards = app.d.find_elements(By.CSS_SELECTOR, '.card')
    for card in cards[:2]:
        holder = next(p for p in people if p['native_name'] in card.text and p['full_name'] in card.text)
        assert links[holder['id']]['code'] in card.text
        assert decode_qr(card.screenshot_as_png) == [links[holder['id']]['url']]
    app.d.close()
    app.d.switch_to.window(coordinator)
    app.d.set_window_size(1366, 768)

    # The coordinator opens check-in from the session's row and puts the screen up.
    app.navigating(lambda: app.d.find_element(
        By.CSS_SELECTOR, f'a[href="#/workshops/{workshop_id}/sessions/{session["id"]}/checkin"]').click())
    app.button('Open check-in').click()
    app.wait(lambda: '0 of 40 checked in' in app.d.find_element(By.CSS_SELECTOR, '.checkin-count').text)
    app.check_screen('checkin-screen')
    first_url = screen_qr(app)
    first_read = time.monotonic()
    assert first_url.startswith(server.base_url + '/c/') and '?t=' in first_url

    # WANG Fang opened her personal link on her phone: one scan and she is in.
    app.d.switch_to.new_window('window')
    phone = app.d.current_window_handle
    app.d.set_window_size(*PHONE)
    app.d.get(links[people[0]['id']]['url'])
    app.wait(lambda: 'WANG Fang' in app.d.find_element(By.CSS_SELECTOR, '.who').text)
    app.d.get(first_url)
    assert wait_result(app) == 'You are checked in'
    assert 'WANG Fang' in app.d.find_element(By.CSS_SELECTOR, 'main').text
    assert 'Present' in app.d.find_element(By.CSS_SELECTOR, 'main').text
    app.screenshot('checkin-phone-done')

    def scan():
        """The code on the screen now, as the phone's camera reads it (each
        code lives 15 to 30 s: a slow machine must not outlive it)."""
        app.d.switch_to.window(coordinator)
        url = screen_qr(app)
        app.d.switch_to.window(phone)
        return url

    # The same phone checks in LI Wei with his personal code: both flagged.
    app.d.delete_cookie(f'capdev_p{workshop_id}')
    app.d.get(scan())
    app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, 'main h1').text == 'Who are you?')
    app.screenshot('checkin-phone-who')
    app.d.find_element(By.ID, 'who').send_keys(links[people[1]['id']]['code'].lower())
    app.d.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
    assert wait_result(app) == 'You are checked in'
    assert 'LI Wei' in app.d.find_element(By.CSS_SELECTOR, 'main').text

    # A wrong code is answered without saying whose it is not; a phone number works.
    app.d.delete_cookie(f'capdev_p{workshop_id}')
    app.d.get(scan())
    app.wait(lambda: app.d.find_element(By.ID, 'who'))
    app.d.find_element(By.CSS_SELECTOR, 'input[value=phone]').click()
    app.d.find_element(By.ID, 'who').send_keys('138 0000 0000')
    app.d.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
    app.wait(lambda: 'Nobody registered' in app.d.find_element(By.CSS_SELECTOR, '.form-message').text)
    who = app.d.find_element(By.ID, 'who')
    who.clear()
    who.send_keys('13800138003')
    app.d.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
    assert wait_result(app) == 'You are checked in'
    assert people[3]['full_name'] in app.d.find_element(By.CSS_SELECTOR, 'main').text

    # The screen counts them and flags the phone that checked in two people.
    app.d.switch_to.window(coordinator)
    app.wait(lambda: '3 of 40 checked in' in app.d.find_element(By.CSS_SELECTOR, '.checkin-count').text, timeout=15)
    # On the projector, how many; the names are the grid's to show.
    flag = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.checkin-flag').text)
    assert flag == 'One phone checked in several people (3 in all): see the sign-in grid.'
    state = app.api(f'/api/v1/workshops/{workshop_id}/sessions/{session["id"]}/checkin')
    assert {p['person_id'] for p in state['flagged_people']} == {p['id'] for p in people[:2] + [people[3]]}
    app.screenshot('checkin-screen-counting')
    second_url = screen_qr(app)

    # A coordinator's mark is never overwritten by a check-in.
    sheet = [{'person_id': p['id'], 'status': 'present'} for p in people[:2]]
    sheet += [{'person_id': people[2]['id'], 'status': 'excused'}, {'person_id': people[3]['id'], 'status': None}]
    marks = app.api(f'/api/v1/workshops/{workshop_id}/sessions/{session["id"]}/attendance', sheet, method='PUT')['items']
    assert [(m['person_id'], m['status'], m['source']) for m in marks] == [
        (people[0]['id'], 'present', 'self_checkin'), (people[1]['id'], 'present', 'self_checkin'),
        (people[2]['id'], 'excused', 'coordinator')]
    status, answer = post(second_url.split('?')[0], {'t': second_url.split('t=')[1], 'code': links[people[2]['id']]['code']})
    assert status == 200 and (answer['status'], answer['source']) == ('excused', 'coordinator')

    # The grid shows which marks came from check-in, and the flagged phone.
    app.go(f'/workshops/{workshop_id}')
    grid = app.d.find_element(By.CSS_SELECTOR, 'table.grid')
    assert len(grid.find_elements(By.CSS_SELECTOR, '.mark.from-checkin')) == 2
    assert len(grid.find_elements(By.CSS_SELECTOR, '.mark.flagged')) == 3  # one phone, three people
    assert 'self check-in' in grid.find_element(By.CSS_SELECTOR, '.mark.from-checkin').get_attribute('aria-label')
    app.screenshot('checkin-grid')

    # The first code, read more than 30 s ago, is refused.
    time.sleep(max(0.0, 31 - (time.monotonic() - first_read)))
    status, answer = post(first_url.split('?')[0], {'t': first_url.split('t=')[1], 'code': links[people[5]['id']]['code']})
    assert status == 410, answer
    # A phone that scanned it in time may still say who it is for 10 minutes
    # (typing a code takes longer than a code lives); another phone may not.
    app.d.switch_to.window(phone)
    app.d.delete_cookie('capdev_scan')
    app.d.get(first_url)
    assert wait_result(app) == 'This code has expired'
    app.d.close()
    app.d.switch_to.window(coordinator)

    # Check-in closed: the screen says so and the phones are told.
    app.go(f'/workshops/{workshop_id}/sessions/{session["id"]}/checkin')
    app.button('Close check-in').click()
    app.wait(lambda: app.d.find_elements(By.XPATH, "//button[normalize-space()='Open check-in']"))
    status, _ = post(second_url.split('?')[0], {'t': 'whatever', 'code': links[people[6]['id']]['code']})
    assert status == 409
    assert 'Check-in is not open: no code to scan.' in app.d.find_element(By.CSS_SELECTOR, '.checkin-qr').text


def test_the_participant_page_on_a_phone_in_both_languages(app, server):
    app.allow_console(r'/api/v1/participant/\S+ - Failed to load resource')  # the revoked link
    workshop_id, people = forty_today(app)
    registrations = app.api(f'/api/v1/workshops/{workshop_id}/registrations')['items']
    mine = next(r for r in registrations if r['person_id'] == people[0]['id'])
    link = app.api(f'/api/v1/workshops/{workshop_id}/registrations/{mine["id"]}/link', {})
    app.d.set_window_size(*PHONE)
    app.d.get(link['url'])
    app.wait(lambda: 'WANG Fang' in app.d.find_element(By.CSS_SELECTOR, '.who').text)
    text = app.d.find_element(By.TAG_NAME, 'main').text
    assert 'Training on Document Examination' in text and link['code'] in text and 'Not marked yet' in text
    assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth')
    app.check_screen('participant-page-en')
    app.d.find_element(By.ID, 'language').click()
    app.wait(lambda: '您的场次' in app.d.find_element(By.TAG_NAME, 'main').text)
    assert app.d.execute_script('return document.documentElement.lang') == 'zh-CN'
    app.check_screen('participant-page-zh')
    # Nobody else's page: another registration's old link stops working once reissued.
    app.api(f'/api/v1/workshops/{workshop_id}/registrations/{mine["id"]}/link', {})
    app.d.refresh()
    app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.checkin-result h1').text == '此链接无效')
    app.d.execute_script("localStorage.removeItem('capdev.language')")
    app.d.set_window_size(1366, 768)
    app.d.get(server.base_url + '/')
    app.wait_ready()
