"""Messages that last as long as their moment: a form's refusal clears on the
next action elsewhere, a notice does not follow the coordinator to the next
screen; and after signing in again (the session ended), the app returns to
the page the coordinator was on."""
import sqlite3
import subprocess
import time

from selenium.webdriver.common.by import By

_counter = [0]


def planned_workshop(app, venue=None):
    _counter[0] += 1
    venue = venue or f'Xiamen International Conference Centre, hall {_counter[0]}'
    p = app.api('/api/v1/projects', {'code': f'MSG-{_counter[0]}', 'title': 'Messages'})
    return app.api('/api/v1/workshops', {
        'project_id': p['id'], 'title': f'Migration data workshop {_counter[0]}', 'kind': 'workshop',
        'status': 'planned', 'start_date': '2027-03-02', 'end_date': '2027-03-03', 'city': 'Xiamen', 'venue': venue})


def visible(app, css):
    return [e for e in app.d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def test_a_forms_refusal_clears_on_the_next_action(app):
    w = planned_workshop(app)
    app.sign_in('coord')
    app.go(f'/workshops/{w["id"]}')
    partners = app.section('Partner institutions')
    app.allow_console(r'/organizations - .* 422')
    app.button('Add partner', partners).click()  # no organization picked: refused
    app.wait(lambda: visible(app, '.form-summary'))
    assert 'Not saved.' in visible(app, '.form-summary')[0].text

    # Confirm, further up the page: the partner form's refusal is not its answer
    app.button('Confirm').click()
    app.notice('Workshop is now confirmed.')
    assert not visible(app, '.form-summary')
    assert not visible(app, '.field-error')


def test_a_notice_does_not_follow_to_the_next_screen(app):
    first = planned_workshop(app)
    second = planned_workshop(app)
    app.sign_in('coord')
    app.go(f'/workshops/{second["id"]}/edit')
    app.fill('Venue', first['venue'])
    app.navigating(lambda: app.button('Save').click())
    app.notice('It has 2 scheduling conflicts: see below.')  # one a day, on the workshop's page
    time.sleep(1.2)
    app.navigating(lambda: app.d.find_element(By.CSS_SELECTOR, 'header .brand').click())
    assert app.heading() == 'Home'
    assert 'see below' not in app.d.find_element(By.ID, 'notices').text


def end_sessions(app, username):
    """The user's sessions end, as when they expire (on either engine)."""
    sql = ("UPDATE auth_tokens SET expires_at = 0 WHERE scope = 'api' AND user_id = "
           "(SELECT id FROM users WHERE username = '%s')" % username)
    if app.server.db.startswith('postgresql://'):
        subprocess.run(['psql', '-X', '-q', app.server.db, '-c', sql], check=True)
        return
    with sqlite3.connect(app.server.db) as db:
        db.execute(sql)


def test_signing_in_again_returns_to_the_page(app):
    w = planned_workshop(app)
    app.sign_in('coord')
    app.go(f'/workshops/{w["id"]}')
    end_sessions(app, 'coord')
    app.allow_console(r' 401 ')

    # An action on the page finds the session ended: sign in, and back to it
    app.navigating(lambda: app.button('Confirm').click())
    assert app.heading() == 'Sign in'
    app.notice('Your session has ended')
    app.fill('Username', 'coord')
    app.fill('Password', app.server.users['coord'])
    app.navigating(lambda: app.button('Sign in').click())
    app.notice('Signed in as coord')
    assert app.d.current_url.endswith(f'#/workshops/{w["id"]}')
    assert app.heading() == w['title']

    # A page loaded after the session ended: the same
    end_sessions(app, 'coord')
    app.d.refresh()
    app.wait_ready()
    assert app.heading() == 'Sign in'
    app.fill('Username', 'coord')
    app.fill('Password', app.server.users['coord'])
    app.navigating(lambda: app.button('Sign in').click())
    assert app.d.current_url.endswith(f'#/workshops/{w["id"]}')
    assert app.heading() == w['title']
