"""Everyday edits beyond the coordinator's day: a project's funders and
amounts, moving and removing sessions, changing a registration, and the
administrator's users screen. Rules the server refuses show on the form."""
import datetime

from selenium.webdriver.common.by import By


def short(day):
    return f'{day.day} {day.strftime("%b")} {day.year}'


def test_project_parties_with_amounts(app):
    app.sign_in('coord')
    app.go('/projects/2')
    parties = app.section('Parties')
    app.pick('Organization', 'Frontex', 'European Border and Coast Guard Agency', within=parties)
    app.choose('Role', 'Co-funder', within=parties)
    app.fill('Amount', '250000', within=parties)
    app.fill('Currency', 'EUR', within=parties)
    app.button('Add party', within=parties).click()
    app.notice('added as co-funder')
    assert '250,000 EUR' in app.section('Parties').text
    saved = app.api('/api/v1/projects/2/organizations')
    assert {'organization_id': 10, 'role': 'co_funder', 'amount': 250000, 'currency': 'EUR',
            'organization_name': 'European Border and Coast Guard Agency'} in saved

    # An amount for an implementer is refused by the server, and said so next to Amount
    parties = app.section('Parties')
    app.pick('Organization', 'Ministry of Foreign', 'Ministry of Foreign Affairs', within=parties)
    app.choose('Role', 'Implementer', within=parties)
    app.fill('Amount', '100', within=parties)
    app.allow_console(r'/api/v1/projects/2/organizations - Failed to load resource: .* 422')
    app.button('Add party', within=parties).click()
    amount = app.field('Amount', app.section('Parties'))
    app.wait(lambda: amount.get_attribute('aria-invalid') == 'true')
    assert amount.get_attribute('value') == '100'
    assert app.api('/api/v1/projects/2/organizations') == saved
    app.check_screen('project-party-error')


def test_sessions_move_remove_add_and_registration_change(app):
    start = datetime.date.today() + datetime.timedelta(days=40)
    day = [start + datetime.timedelta(days=n) for n in range(5)]
    workshop = app.api('/api/v1/workshops', {
        'project_id': 1, 'title': 'Sessions to rearrange (browser test)', 'kind': 'workshop', 'status': 'planned',
        'start_date': day[0].isoformat(), 'end_date': day[4].isoformat(), 'city': 'Xiamen'})
    sessions_path = f'/api/v1/workshops/{workshop["id"]}/sessions'
    app.api(f'/api/v1/workshops/{workshop["id"]}/registrations', {'person_id': 2})
    app.sign_in('coord')
    app.go(f'/workshops/{workshop["id"]}')

    app.click(f'button[aria-label="Remove the session of {short(day[1])}"]')
    app.button('Remove session', within=app.dialog()).click()
    app.notice(f'Session of {short(day[1])} removed.')

    # Moving a session outside the workshop's dates is refused, in the dialog, next to Date
    app.click(f'button[aria-label="Move or edit the session of {short(day[2])}"]')
    dialog = app.dialog()
    app.fill('Date', (day[4] + datetime.timedelta(days=3)).isoformat(), within=dialog)
    app.fill('Session title', 'Field visit', within=dialog)
    app.allow_console(rf'{sessions_path}/\d+ - Failed to load resource: .* 422')
    app.button('Save session', within=dialog).click()
    date = app.field('Date', dialog)
    app.wait(lambda: date.get_attribute('aria-invalid') == 'true')
    assert "workshop's dates" in dialog.find_element(By.CSS_SELECTOR, '[data-field=date] .field-error').text
    app.fill('Date', day[1].isoformat(), within=dialog)
    app.button('Save session', within=dialog).click()
    app.notice(f'Session saved for {short(day[1])}.')

    sessions = app.section('Sessions')
    app.fill('Date', day[2].isoformat(), within=sessions)
    app.fill('Start time', '09:30', within=sessions)
    app.button('Add session', within=sessions).click()
    app.notice(f'Session added on {short(day[2])}.')
    saved = sorted((s['date'], s['title'], s['start_time']) for s in app.api(sessions_path)['items'])
    assert saved == [(day[0].isoformat(), None, None), (day[1].isoformat(), 'Field visit', None),
                     (day[2].isoformat(), None, '09:30'), (day[3].isoformat(), None, None), (day[4].isoformat(), None, None)]

    app.click('button[aria-label="Change the registration of Kieran Best"]')
    dialog = app.dialog()
    app.choose('Status', 'Invited', within=dialog)
    app.choose('Role', 'Speaker', within=dialog)
    app.button('Save registration', within=dialog).click()
    app.notice('Registration of Kieran Best saved.')
    registration = app.api(f'/api/v1/workshops/{workshop["id"]}/registrations')['items'][0]
    assert (registration['role'], registration['status']) == ('speaker', 'invited')
    app.check_screen('workshop-rearranged')


def test_admin_manages_users(app):
    app.sign_in('admin')
    app.go('/users')
    form = app.section('New user')
    app.fill('Username', 'amina', within=form)
    app.choose('Role', 'Viewer', within=form)
    app.fill('Password', 'short', within=form)
    app.allow_console(r'/api/v1/users - Failed to load resource: .* 422')
    app.button('Create user', within=form).click()
    password = app.field('Password', app.section('New user'))
    app.wait(lambda: password.get_attribute('aria-invalid') == 'true')
    assert app.field('Username', app.section('New user')).get_attribute('value') == 'amina'

    app.fill('Password', 'a long enough passphrase', within=app.section('New user'))
    app.button('Create user', within=app.section('New user')).click()
    app.notice('User amina created.')
    row = app.d.find_element(By.XPATH, "//main//tr[th[normalize-space()='amina']]")
    assert 'Viewer' in row.text and 'Active' in row.text

    row.find_element(By.XPATH, ".//button[normalize-space()='Reset password']").click()
    dialog = app.dialog()
    app.fill('New password', 'another long passphrase', within=dialog)
    app.button('Set password', within=dialog).click()
    app.notice('Password of amina changed.')

    app.d.find_element(By.XPATH, "//main//tr[th[normalize-space()='amina']]//button[normalize-space()='Disable']").click()
    app.button('Disable user', within=app.dialog()).click()
    app.notice('amina disabled.')
    app.wait(lambda: 'Disabled' in app.d.find_element(By.XPATH, "//main//tr[th[normalize-space()='amina']]").text)
    users = {u['username']: u for u in app.api('/api/v1/users', username='admin')['items']}
    assert users['amina']['disabled'] is True and users['amina']['role'] == 'viewer'
    app.check_screen('users-after')


def test_conflicts_follow_partner_and_status_changes(app):
    day = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()

    def workshop(title, city):
        return app.api('/api/v1/workshops', {
            'project_id': 1, 'title': title, 'kind': 'training', 'status': 'confirmed',
            'start_date': day, 'end_date': day, 'city': city})
    here = workshop('Risk analysis (conflicts test)', 'Kunming')
    there = workshop('Document security (conflicts test)', 'Shanghai')
    app.api(f'/api/v1/workshops/{there["id"]}/organizations', [{'organization_id': 10, 'role': 'trainer'}], method='PUT')
    app.sign_in('coord')
    app.go(f'/workshops/{here["id"]}')
    assert 'No double bookings.' in app.section('Conflicts').text

    # Frontex trains in Shanghai that day: adding it here shows the warning at once
    partners = app.section('Partner institutions')
    app.pick('Organization', 'Frontex', 'European Border and Coast Guard Agency', within=partners)
    app.choose('Role', 'Trainer', within=partners)
    app.button('Add partner', within=partners).click()
    app.notice('added as trainer')
    app.wait(lambda: 'Document security (conflicts test)' in app.section('Conflicts').text)
    assert 'Warning' in app.section('Conflicts').text and 'Shanghai' in app.section('Conflicts').text
    app.screenshot('workshop-conflict-warning')

    # Cancelled, the workshop clashes with nothing any more
    app.button('Cancel workshop').click()
    app.notice('Workshop is now cancelled.')
    app.wait(lambda: 'No double bookings.' in app.section('Conflicts').text)
