"""A coordinator's day, through the browser only: sign in, record a workshop
with its partners, register people (one by her Chinese name only), take two days of
attendance in the grid, mark the workshop held, open and download its
attendance report and the funder report, sign out."""
import datetime
import json

from selenium.webdriver.common.by import By

TITLE = 'Document examination refresher (browser test)'


def short(day):
    return f'{day.day} {day.strftime("%b")} {day.year}'


def grid_column(app, header_text):
    """Index (among the session columns) of the column whose heading holds the text."""
    headers = app.d.find_elements(By.CSS_SELECTOR, 'table.grid thead th')[1:]
    return next(i for i, th in enumerate(headers) if header_text in th.text)


def cell(app, person, column):
    row = app.d.find_element(By.XPATH, f"//table[contains(@class,'grid')]/tbody/tr[th[starts-with(normalize-space(), '{person}')]]")
    return row.find_elements(By.CSS_SELECTOR, 'td button')[column]


def test_a_coordinators_day(app):
    today = datetime.datetime.now(datetime.timezone.utc).date()
    yesterday = today - datetime.timedelta(days=1)

    # Sign in
    assert app.heading() == 'Sign in'
    app.check_screen('signin')
    app.sign_in('coord')
    assert app.heading() == 'Home'
    nav = [a.text for a in app.d.find_elements(By.CSS_SELECTOR, '#nav a')]
    assert nav == ['Workshops', 'People', 'Organizations', 'Projects', 'Calendar', 'Reports']
    app.check_screen('home')

    # Record the workshop
    app.navigating(lambda: app.link('Workshops').click())
    app.navigating(lambda: app.link('New workshop').click())
    app.fill('Title', TITLE)
    app.choose('Project', 'CBMM — Capacity Building for Migration Management in China')
    app.choose('Kind', 'Training')
    app.choose('Status', 'Confirmed')
    app.fill('Start date', yesterday.isoformat())
    app.fill('End date', today.isoformat())
    app.fill('City', 'Beijing')
    app.fill('Venue', 'IOM Training Room B')
    app.fill('Topics', 'travel document examination\nimpostor detection')
    app.navigating(lambda: app.button('Create workshop').click())
    app.notice('Workshop created.')
    assert app.heading() == TITLE
    workshop_id = int(app.d.current_url.rsplit('/', 1)[1])

    # Its partners: an existing trainer institution, and a new one created on the spot
    partners = app.section('Partner institutions')
    app.pick('Organization', 'Frontex', 'European Border and Coast Guard Agency', within=partners)
    app.choose('Role', 'Trainer', within=partners)
    app.button('Add partner', within=partners).click()
    app.notice('added as trainer')
    partners = app.section('Partner institutions')
    app.pick('Organization', 'Hebei Exit and Entry Bureau', 'Create organization', within=partners)
    dialog = app.dialog()
    app.choose('Kind', 'Government', within=dialog)
    app.fill('Country code', 'CN', within=dialog)
    app.button('Create organization', within=dialog).click()
    app.notice('Organization “Hebei Exit and Entry Bureau” created.')
    partners = app.section('Partner institutions')
    app.choose('Role', 'Participating agency', within=partners)
    app.button('Add partner', within=partners).click()
    app.notice('added as participating agency')
    partners = app.section('Partner institutions')
    assert 'Trainer' in partners.text and 'European Border and Coast Guard Agency' in partners.text
    assert 'Participating agency' in partners.text and 'Hebei Exit and Entry Bureau' in partners.text
    roles = {(p['organization_id'], p['role']) for p in app.api(f'/api/v1/workshops/{workshop_id}/organizations')}
    assert len(roles) == 2 and {r for _, r in roles} == {'trainer', 'participating'}

    # Register people: a new one with a Chinese name, a new one with a native name, a known trainer
    registrations = app.section('Registrations')
    app.pick('Person', '李娜', 'Create person', within=registrations)
    dialog = app.dialog()
    # typed in Chinese, it is the Chinese name; the server writes the Latin one
    assert app.field('Chinese name', dialog).get_attribute('value') == '李娜'
    assert app.field('Full name (Latin script)', dialog).get_attribute('value') == ''
    app.choose('Gender', 'Female', within=dialog)
    app.pick('Organization', 'Hebei Exit', 'Hebei Exit and Entry Bureau', within=dialog)
    app.button('Create person', within=dialog).click()
    app.notice('LI Na created.')
    app.button('Register', within=app.section('Registrations')).click()
    app.notice('LI Na registered.')

    registrations = app.section('Registrations')
    app.pick('Person', 'Zhou Wei', 'Create person', within=registrations)
    dialog = app.dialog()
    app.fill('Chinese name', '周伟', within=dialog)
    app.choose('Gender', 'Male', within=dialog)
    app.button('Create person', within=dialog).click()
    app.notice('Zhou Wei created.')
    app.button('Register', within=app.section('Registrations')).click()
    app.notice('Zhou Wei registered.')

    registrations = app.section('Registrations')
    app.pick('Person', 'Liljert', 'Pär Liljert', within=registrations)
    app.choose('Role', 'Trainer', within=registrations)
    app.button('Register', within=app.section('Registrations')).click()
    app.notice('Pär Liljert registered.')
    registrations = app.section('Registrations')
    assert 'LI Na' in registrations.text and 'Zhou Wei' in registrations.text and 'Trainer' in registrations.text
    app.check_screen('workshop')

    # Two days of attendance: today's column comes first
    today_col = grid_column(app, 'Today')
    assert today_col == 0
    day_before = grid_column(app, f'{yesterday.day} {yesterday.strftime("%b")}')
    # yesterday by clicking: once = present, twice = late
    cell(app, 'LI Na', day_before).click()
    cell(app, 'Zhou Wei', day_before).click()
    cell(app, 'Zhou Wei', day_before).click()
    cell(app, 'Pär Liljert', day_before).click()
    # today with the keyboard: a letter sets the mark and moves down to the next person
    order = [th.text.split('\n')[0] for th in app.d.find_elements(By.CSS_SELECTOR, 'table.grid tbody th')]
    wanted = {'LI Na': 'p', 'Zhou Wei': 'l', 'Pär Liljert': 'a'}
    cell(app, order[0], today_col).send_keys(wanted[order[0]])
    for name in order[1:]:
        focused = app.d.switch_to.active_element
        assert focused.get_attribute('aria-label').startswith(f'{name}, {short(today)}')
        focused.send_keys(wanted[name])
    assert 'not saved' in cell(app, 'LI Na', day_before).get_attribute('aria-label')
    app.click(f'button[aria-label="Save attendance for {short(yesterday)}"]')
    app.notice(f'Attendance for {short(yesterday)} saved: 3 marks changed.')
    app.click(f'button[aria-label="Save attendance for {short(today)}"]')
    app.notice(f'Attendance for {short(today)} saved: 3 marks changed.')

    matrix = app.api(f'/api/v1/workshops/{workshop_id}/attendance')
    marks = {row['full_name']: row['marks'] for row in matrix['rows']}
    dates = [s['date'] for s in matrix['sessions']]
    by_day = {name: dict(zip(dates, m)) for name, m in marks.items()}
    assert by_day['LI Na'] == {yesterday.isoformat(): 'present', today.isoformat(): 'present'}
    assert by_day['Zhou Wei'][yesterday.isoformat()] == 'late'
    assert by_day['Zhou Wei'][today.isoformat()] == 'late'
    assert by_day['Pär Liljert'] == {yesterday.isoformat(): 'present', today.isoformat(): 'absent'}

    # Mark it held: a held workshop offers no move any more (a refused move
    # explained: test_conflicts_and_lifecycle.py)
    app.button('Mark held').click()
    app.notice('Workshop is now held.')
    bar = app.d.find_element(By.CSS_SELECTOR, '.lifecycle')
    assert 'Held' in bar.text and not bar.find_elements(By.TAG_NAME, 'button')
    assert app.api(f'/api/v1/workshops/{workshop_id}')['status'] == 'held'

    # Its attendance report, on the page and downloaded
    app.navigating(lambda: app.link('Attendance figures and downloads').click())
    assert app.heading() == 'Attendance report'
    report = app.d.find_element(By.CSS_SELECTOR, '.report')
    assert TITLE in report.text
    figures = {f.find_element(By.TAG_NAME, 'dt').text: f.find_element(By.TAG_NAME, 'dd').text
               for f in report.find_elements(By.CSS_SELECTOR, '.figure')}
    figures_api = app.api(f'/api/v1/reports/attendance?workshop_id={workshop_id}')
    totals_api = figures_api['totals']
    # Pär Liljert is the trainer: counted apart, never as a person trained
    assert figures['Participants registered'] == '2' == str(totals_api['participants_registered'])
    assert figures['Trainers and other roles attending'] == '1' == str(totals_api['trainers'])
    assert figures['Participant-days'] == str(totals_api['participant_days']) != '0'
    assert figures['People trained'] == str(totals_api['people_trained'])
    assert report.find_elements(By.CSS_SELECTOR, 'figure.chart svg')
    app.check_screen('report-attendance')
    name, body = app.download('Download CSV')
    assert name.endswith('.csv') and body.decode('utf-8-sig').startswith('section,item,measure,value')
    name, body = app.download('Download JSON')
    assert json.loads(body)['report'] == 'attendance'
    main_window = app.d.current_window_handle
    # The server's printable page names no icon, so Chromium asks for /favicon.ico (404).
    app.allow_console(r'/favicon\.ico - Failed to load resource: .* 404')
    app.link('Open printable page (HTML)').click()
    app.wait(lambda: len(app.d.window_handles) == 2)
    app.d.switch_to.window([w for w in app.d.window_handles if w != main_window][0])
    app.wait(lambda: TITLE in app.d.find_element(By.TAG_NAME, 'body').text)
    app.d.close()
    app.d.switch_to.window(main_window)

    # The funder report: the European Commission funds CBMM
    app.navigating(lambda: app.link('Reports').click())
    app.navigating(lambda: app.link('Funder').click())
    app.pick('Funder', 'European Commission', 'European Commission')
    app.fill('From', (yesterday - datetime.timedelta(days=30)).isoformat())
    app.fill('To', today.isoformat())
    app.navigating(lambda: app.button('Show report').click())
    report = app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.report'))
    assert TITLE in report.text
    assert any('People trained, by gender' in f.text for f in report.find_elements(By.CSS_SELECTOR, 'figure.chart'))
    app.check_screen('report-funder')
    name, body = app.download('Download CSV')
    assert body.decode('utf-8-sig').startswith('section,item,measure,value')

    # People are found by their names in any script
    app.navigating(lambda: app.link('People').click())
    app.fill('Name', '李')
    app.navigating(lambda: app.button('Search').click())
    assert '李娜' in app.d.find_element(By.CSS_SELECTOR, 'main table').text
    app.fill('Name', '周伟')
    app.navigating(lambda: app.button('Search').click())
    app.navigating(lambda: app.link('Zhou Wei').click())
    assert app.heading() == 'Zhou Wei' and '周伟' in app.d.find_element(By.CSS_SELECTOR, 'main').text
    app.check_screen('person-chinese')

    # Sign out: the app is closed until the next sign-in
    app.navigating(lambda: app.button('Sign out').click())
    app.notice('Signed out.')
    assert app.heading() == 'Sign in'
    app.go('/workshops')
    assert app.heading() == 'Sign in'


def test_unsaved_marks_are_asked_about_and_never_pass_to_the_next_user(app):
    day = datetime.date.today() - datetime.timedelta(days=3)
    workshop = app.api('/api/v1/workshops', {
        'project_id': 1, 'title': 'Unsaved marks (browser test)', 'kind': 'training', 'status': 'confirmed',
        'start_date': day.isoformat(), 'end_date': day.isoformat(), 'city': 'Kunming'})
    app.api(f'/api/v1/workshops/{workshop["id"]}/registrations', {'person_id': 2})
    person = app.api('/api/v1/people/2')['full_name']
    # What the browser does before a reload or closing the tab: asks when the page says so
    asks_before_unload = ("const e = new Event('beforeunload', {cancelable: true});"
                          "window.dispatchEvent(e); return e.defaultPrevented;")
    app.sign_in('coord')
    app.go(f'/workshops/{workshop["id"]}')
    assert not app.d.execute_script(asks_before_unload)
    cell(app, person, 0).click()
    assert 'not saved' in cell(app, person, 0).get_attribute('aria-label')
    assert app.d.execute_script(asks_before_unload)

    # Signing out asks; kept, the mark is still there
    app.button('Sign out').click()
    dialog = app.dialog()
    assert '1 attendance mark is not saved' in dialog.text
    app.screenshot('signout-unsaved-marks')
    app.button('Keep it', within=dialog).click()
    assert app.signed_in() and 'not saved' in cell(app, person, 0).get_attribute('aria-label')

    # Discarded: the next user of this browser starts without it, and nothing was saved
    app.button('Sign out').click()
    app.navigating(lambda: app.button('Sign out and discard', within=app.dialog()).click())
    assert not app.d.execute_script(asks_before_unload)
    app.sign_in('admin')
    app.go(f'/workshops/{workshop["id"]}')
    assert 'not saved' not in cell(app, person, 0).get_attribute('aria-label')
    assert app.api(f'/api/v1/workshops/{workshop["id"]}/attendance')['rows'][0]['marks'] == [None]
