"""Every screen opens, reads well for assistive technology (axe: nothing
serious or critical), labels every control, and logs no console error; at
1366 px and at tablet width. Screens use the seeded records."""
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By

COORDINATOR_SCREENS = [
    ('home', '/', 'Home'),
    ('workshops', '/workshops', 'Workshops'),
    ('workshops-filtered', '/workshops?status=held&kind=training', 'Workshops'),
    ('workshop-new', '/workshops/new', 'New workshop'),
    ('workshop-seeded', '/workshops/1', 'International Seminar on Immigration Management in China'),
    ('workshop-edit', '/workshops/1/edit', 'Edit “International Seminar on Immigration Management in China”'),
    ('workshop-certificates', '/workshops/1/certificates', 'Certificates'),
    ('people', '/people', 'People'),
    ('people-search', '/people?q=Liljert', 'People'),
    ('people-duplicates', '/people/duplicates', 'Possible duplicates'),
    ('person-new', '/people/new', 'New person'),
    ('person', '/people/1', 'Pär Liljert'),
    ('person-edit', '/people/1/edit', 'Edit Pär Liljert'),
    ('organizations', '/organizations', 'Organizations'),
    ('organization', '/organizations/13', "Ministry of Public Security of the People's Republic of China"),
    ('organization-new', '/organizations/new', 'New organization'),
    ('organization-edit', '/organizations/13/edit', "Edit Ministry of Public Security of the People's Republic of China"),
    ('projects', '/projects', 'Projects'),
    ('project', '/projects/1', 'CBMM — Capacity Building for Migration Management in China'),
    ('project-results', '/projects/1/results', 'Results — CBMM'),
    ('project-new', '/projects/new', 'New project'),
    ('calendar', '/calendar', 'Calendar'),
    ('reports', '/reports', 'Reports'),
    ('report-attendance-pick', '/reports/attendance', 'Attendance report'),
    ('report-summary', '/reports/summary?from=2007-01-01&to=2030-12-31', 'Programme summary'),
    ('report-funder-seeded', '/reports/funder?organization_id=8&from=2007-01-01&to=2030-12-31', 'Funder report'),
    ('report-submissions', '/reports/submissions', 'Submitted reports'),
    ('report-evaluation', '/reports/evaluation?project_id=1&from=2007-01-01&to=2030-12-31', 'Evaluation report'),
    ('questionnaire-new', '/projects/1/questionnaires/new', 'New questionnaire for CBMM'),
    ('certificate-template', '/projects/1/certificate-template', 'Certificate template — CBMM'),
]

ADMIN_SCREENS = [
    ('users', '/users', 'Users'),
    ('audit', '/audit', 'Audit'),
]


def visit_all(app, screens, suffix=''):
    for name, path, heading in screens:
        app.go(path)
        assert app.heading() == heading, f'{path}: heading {app.heading()!r}'
        app.check_screen(name + suffix)


def test_coordinator_screens(app):
    app.sign_in('coord')
    visit_all(app, COORDINATOR_SCREENS)
    assert not app.d.find_elements(By.XPATH, "//nav[@id='nav']//a[.='Users' or .='Audit']")


def test_admin_screens(app):
    app.sign_in('admin')
    nav = [a.text for a in app.d.find_elements(By.CSS_SELECTOR, '#nav a')]
    assert nav == ['Workshops', 'People', 'Organizations', 'Projects', 'Calendar', 'Reports', 'Users', 'Audit']
    visit_all(app, ADMIN_SCREENS)


@pytest.mark.parametrize('width', [800])
def test_tablet_width(app, width):
    app.d.set_window_size(width, 1024)
    app.sign_in('coord')
    for name, path, heading in [('home', '/', 'Home'), ('workshop', '/workshops/1', None), ('calendar', '/calendar', 'Calendar'),
                                ('workshops', '/workshops', 'Workshops')]:
        app.go(path)
        if heading:
            assert app.heading() == heading
        # the page itself never scrolls sideways (wide tables scroll in their own box)
        assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth'), path
        app.check_screen(f'tablet-{name}')


def test_calendar_feed_address(app):
    app.sign_in('coord')
    app.go('/calendar')
    app.button('Get feed address').click()
    app.notice('Feed address ready.')
    address = app.field('Feed address').get_attribute('value')
    assert address.startswith(app.server.base_url + '/api/v1/calendar.ics?access_token=')


def revoke_buttons(app):
    return app.section('Subscribe from your calendar').find_elements(By.XPATH, ".//button[normalize-space()='Revoke']")


def test_calendar_feed_addresses_are_listed_and_revoked(app):
    app.sign_in('coord')
    app.go('/calendar')
    before = len(app.api('/api/v1/auth/calendar-tokens')['items'])
    assert len(revoke_buttons(app)) == before
    app.button('Get feed address').click()
    app.notice('Feed address ready.')
    # The new address is listed at once, with when it was issued, never the token.
    app.wait(lambda: len(revoke_buttons(app)) == before + 1, message='the new feed address is not listed')
    address = app.field('Feed address').get_attribute('value')
    token = address.split('access_token=')[1]
    assert token not in app.section('Subscribe from your calendar').find_element(By.TAG_NAME, 'table').text
    assert len(app.api('/api/v1/auth/calendar-tokens')['items']) == before + 1
    revoke_buttons(app)[-1].click()
    app.notice('Feed address revoked')
    app.wait(lambda: len(revoke_buttons(app)) == before, message='the revoked address is still listed')
    assert len(app.api('/api/v1/auth/calendar-tokens')['items']) == before
    # The revoked address no longer opens the feed.
    try:
        urllib.request.urlopen(address, timeout=10)
        raise AssertionError('a revoked feed address still answers')
    except urllib.error.HTTPError as e:
        assert e.code == 401
