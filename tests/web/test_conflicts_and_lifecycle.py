"""Double bookings where a coordinator looks (Home, the workshop list, the
calendar, and the moment a change makes one), the lifecycle moves a
workshop allows, a workshop recorded after the fact, and the summary's
months counted by session."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PHONE = (390, 844)
TODAY = datetime.datetime.now(datetime.timezone.utc).date()


def project(app, code, title):
    found = next((p for p in app.api('/api/v1/projects?limit=500')['items'] if p['code'] == code), None)
    return found or app.api('/api/v1/projects', {'code': code, 'title': title})


def workshop(app, project_id, title, start, end, city, venue=None, status='confirmed'):
    return app.api('/api/v1/workshops', {
        'project_id': project_id, 'title': title, 'kind': 'training', 'status': status,
        'start_date': start, 'end_date': end, 'city': city, 'venue': venue})


def frontex(app):
    return next(o for o in app.api('/api/v1/organizations?q=Frontex&limit=10')['items'])


def no_sideways_scroll(app, name):
    """The screen at 1366 px and at 390 px, where the page never scrolls sideways."""
    app.screenshot(name)
    app.d.set_window_size(*PHONE)
    try:
        app.wait(lambda: app.d.execute_script('return window.innerWidth') <= PHONE[0] + 20)
        app.screenshot(f'{name}-phone')
        assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth'), \
            f'{name}: the page scrolls sideways at {PHONE[0]} px'
    finally:
        app.d.set_window_size(1366, 768)


def flags(app, workshop_id):
    return [a.text for a in app.d.find_elements(By.CSS_SELECTOR, f'a.conflict-flag[href="#/workshops/{workshop_id}?section=conflicts"]')]


def test_conflicts_are_shown_where_a_coordinator_looks(app):
    year = TODAY.year + 1  # January ahead: beyond this week and the next
    p = project(app, 'R28-CONF', 'Border management trainings (conflicts test)')
    hall = '厦门国际会议中心'
    a = workshop(app, p['id'], '厦门边境管理培训班', f'{year}-01-12', f'{year}-01-14', 'Xiamen', hall)
    b = workshop(app, p['id'], 'Immigration enforcement seminar', f'{year}-01-13', f'{year}-01-13', 'Xiamen', hall)
    c = workshop(app, p['id'], 'Risk analysis training', f'{year}-01-14', f'{year}-01-14', 'Beijing')
    org = frontex(app)
    app.api(f"/api/v1/workshops/{a['id']}/organizations", [{'organization_id': org['id'], 'role': 'trainer'}], method='PUT')

    app.sign_in('coord')
    # Home lists the January venue clash, naming both workshops.
    app.go('/')
    home = app.section('Conflicts to resolve')
    app.wait(lambda: 'Immigration enforcement seminar' in home.text)
    assert '厦门边境管理培训班' in home.text and hall in home.text
    assert 'No double bookings' not in home.text
    app.check_screen('conflicts-home')
    no_sideways_scroll(app, 'conflicts-home')

    # Adding Frontex as trainer of C, on A's last day in another city, says
    # so at once: in the notice and in the Conflicts section, marked New.
    app.go(f"/workshops/{c['id']}")
    assert 'No double bookings' in app.section('Conflicts').text
    partners = app.section('Partner institutions')
    app.pick('Organization', 'Frontex', org['name'], within=partners)
    app.choose('Role', 'Trainer', within=partners)
    app.button('Add partner', within=partners).click()
    app.notice('It makes 1 double booking: see Conflicts.')
    conflicts = app.section('Conflicts')
    app.wait(lambda: 'This change made 1 double booking' in conflicts.text)
    new = conflicts.find_element(By.CSS_SELECTOR, 'li.conflict-new')
    assert 'New' in new.text and 'Warning' in new.text and '厦门边境管理培训班' in new.text
    app.check_screen('conflicts-made-now')

    # The list and the calendar mark the workshops concerned.
    app.go(f'/workshops?from={year}-01-01&to={year}-01-31')
    assert flags(app, a['id']) == ['Conflict'] and flags(app, b['id']) == ['Conflict']
    assert flags(app, c['id']) == ['Warning']
    app.check_screen('conflicts-list')
    no_sideways_scroll(app, 'conflicts-list')
    app.go(f'/calendar?month={year}-01')
    assert 'Conflict' in flags(app, b['id'])
    assert flags(app, a['id']).count('Conflict') == 1  # the 13th only
    assert flags(app, a['id']).count('Warning') == 1  # the 14th
    app.check_screen('conflicts-calendar')
    # A flag opens the workshop at its conflicts.
    app.navigating(lambda: app.d.find_element(By.CSS_SELECTOR, f'a.conflict-flag[href="#/workshops/{b["id"]}?section=conflicts"]').click())
    assert app.heading() == 'Immigration enforcement seminar'
    app.assert_console_clean()

    # Moving C to A's hall through its form: the workshop's page opens at
    # its conflicts, the one the save made marked New.
    app.go(f"/workshops/{c['id']}/edit")
    app.fill('City', 'Xiamen')
    app.fill('Venue', hall)
    app.navigating(lambda: app.button('Save').click())
    app.notice('It has 1 scheduling conflict')
    conflicts = app.section('Conflicts')
    new = conflicts.find_element(By.CSS_SELECTOR, 'li.conflict-new')
    assert 'New' in new.text and hall in new.text and 'Conflict' in new.text
    assert app.d.execute_script('return window.scrollY') > 0  # scrolled to it

    # In Chinese, the same.
    app.button('中文').click()
    app.wait(lambda: app.heading() == 'Risk analysis training' and '冲突' in app.section('冲突').text)
    app.go('/')
    home = app.section('待解决的冲突')
    app.wait(lambda: '厦门边境管理培训班' in home.text)
    app.check_screen('zh-conflicts-home')
    app.go(f'/calendar?month={year}-01')
    assert '冲突' in flags(app, b['id'])
    app.check_screen('zh-conflicts-calendar')
    app.button('English').click()  # the choice is the user's own: back for the tests after this one
    app.wait(lambda: app.heading() == 'Calendar')


def test_a_workshop_offers_only_the_moves_it_allows(app):
    p = project(app, 'R28-LIFE', 'Lifecycle test')
    held = workshop(app, p['id'], 'Held workshop (lifecycle test)', '2026-03-02', '2026-03-03', 'Harbin', status='held')
    ahead = workshop(app, p['id'], 'Confirmed ahead (lifecycle test)', f'{TODAY.year + 1}-05-10', f'{TODAY.year + 1}-05-10', 'Harbin')
    app.sign_in('coord')
    app.go(f"/workshops/{held['id']}")
    bar = app.d.find_element(By.CSS_SELECTOR, '.lifecycle')
    assert [b.text for b in bar.find_elements(By.TAG_NAME, 'button')] == []
    assert 'Held' in bar.text
    app.go(f"/workshops/{ahead['id']}")
    bar = app.d.find_element(By.CSS_SELECTOR, '.lifecycle')
    # Not held before it starts; back to planned has no button.
    assert [b.text for b in bar.find_elements(By.TAG_NAME, 'button')] == ['Cancel workshop']
    app.check_screen('lifecycle-allowed')
    # A move another coordinator made meanwhile: the server refuses, and says why.
    past = workshop(app, p['id'], 'Confirmed, past (lifecycle test)', '2026-03-10', '2026-03-10', 'Harbin')
    app.go(f"/workshops/{past['id']}")
    bar = app.d.find_element(By.CSS_SELECTOR, '.lifecycle')
    assert [b.text for b in bar.find_elements(By.TAG_NAME, 'button')] == ['Mark held', 'Cancel workshop']
    app.api(f"/api/v1/workshops/{past['id']}", {'status': 'held'}, method='PATCH')
    app.allow_console(rf"/api/v1/workshops/{past['id']} - Failed to load resource: .* 409")
    app.button('Cancel workshop').click()
    refusal = app.wait(lambda: next((e for e in app.d.find_elements(By.CSS_SELECTOR, '.refusal') if e.is_displayed()), None))
    assert refusal.text.startswith('Cancel workshop: refused.') and len(refusal.text) > len('Cancel workshop: refused. ')


def test_a_workshop_recorded_after_the_fact(app):
    app.sign_in('coord')
    app.go('/workshops/new')
    status = Select(app.field('Status'))
    assert status.first_selected_option.text == 'Planned'
    past = TODAY - datetime.timedelta(days=40)
    app.fill('Start date', past.isoformat())
    app.fill('End date', (past + datetime.timedelta(days=2)).isoformat())
    assert status.first_selected_option.text == 'Held'
    assert 'recorded after the fact' in app.d.find_element(By.CSS_SELECTOR, '[data-field=status]').text
    app.screenshot('workshop-form-proposed-held')
    app.fill('End date', (TODAY + datetime.timedelta(days=1)).isoformat())
    assert status.first_selected_option.text == 'Confirmed'
    app.fill('Start date', (TODAY + datetime.timedelta(days=30)).isoformat())
    app.fill('End date', (TODAY + datetime.timedelta(days=31)).isoformat())
    assert status.first_selected_option.text == 'Planned'
    # A status the user picks stays, whatever the dates.
    app.choose('Status', 'Confirmed')
    app.fill('Start date', past.isoformat())
    assert status.first_selected_option.text == 'Confirmed'
    app.check_screen('workshop-form-proposed-status')

    # A planned workshop says before the first click that its marks cannot
    # be saved, and confirms it from there.
    p = project(app, 'R28-LATE', 'Recorded after the fact')
    w = workshop(app, p['id'], 'Planned, recorded late', (TODAY - datetime.timedelta(days=5)).isoformat(),
                 (TODAY - datetime.timedelta(days=4)).isoformat(), 'Xiamen', status='planned')
    person = app.api('/api/v1/people', {'native_name': '陈静', 'gender': 'female'})
    app.api(f"/api/v1/workshops/{w['id']}/registrations", {'person_id': person['id']})
    app.go(f"/workshops/{w['id']}?section=attendance")
    grid = app.d.find_element(By.ID, 'attendance')
    notice = grid.find_element(By.CSS_SELECTOR, '.marks-notice')
    assert 'still planned' in notice.text
    app.check_screen('grid-planned-notice')
    no_sideways_scroll(app, 'grid-planned-notice')
    app.button('Confirm the workshop', within=notice).click()
    app.notice('Workshop is now confirmed.')
    app.wait(lambda: not app.d.find_elements(By.CSS_SELECTOR, '#attendance .marks-notice'))
    bar = app.d.find_element(By.CSS_SELECTOR, '.lifecycle')
    assert [b.text for b in bar.find_elements(By.TAG_NAME, 'button')] == ['Mark held', 'Cancel workshop']
    assert app.api(f"/api/v1/workshops/{w['id']}")['status'] == 'confirmed'
    app.assert_console_clean()


def test_the_summary_counts_each_session_in_its_month(app):
    p = project(app, 'R28-MONTH', 'Months by session')
    w = workshop(app, p['id'], 'Xiamen training over two months', '2026-11-30', '2026-12-02', 'Xiamen', status='held')
    people = [app.api('/api/v1/people', {'native_name': name, 'gender': 'female'})['id'] for name in ('王芳', '李娜')]
    for person in people:
        app.api(f"/api/v1/workshops/{w['id']}/registrations", {'person_id': person})
    sessions = app.api(f"/api/v1/workshops/{w['id']}/sessions")['items']
    for s in sessions:
        app.api(f"/api/v1/workshops/{w['id']}/sessions/{s['id']}/attendance",
                [{'person_id': person, 'status': 'present'} for person in people], method='PUT')
    app.sign_in('coord')
    app.go(f"/reports/summary?from=2026-11-01&to=2026-12-31&project_id={p['id']}")
    by_month = app.wait(lambda: app.section('By month'))
    rows = {}
    for r in by_month.find_elements(By.CSS_SELECTOR, 'tbody tr'):
        cells = [c.text for c in r.find_elements(By.CSS_SELECTOR, 'th, td')]
        rows[cells[0]] = cells[1:]
    assert rows == {'Nov 2026': ['1', '2', '2'], 'Dec 2026': ['1', '2', '4']}, rows
    assert 'Each session counts in its own month' in app.d.find_element(By.CSS_SELECTOR, 'main').text
    app.check_screen('summary-by-month')
