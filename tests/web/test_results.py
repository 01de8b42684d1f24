"""A project's results framework through the browser: a coordinator builds an
outcome and an output under it, adds an indicator counted from attendance and
one entered by hand, reads the results report and the evidence behind a
counted actual. The workshop and its attendance are set up through the API."""
import datetime

from selenium.webdriver.common.by import By

WORKSHOP = 'Passport fraud detection (results test)'


def result_item(app, title):
    """The logframe entry of the result whose heading holds the title."""
    return app.d.find_element(By.XPATH, f"//li[contains(@class,'logframe-result')][.//h3[contains(., '{title}')]]")


def report_row(app, title):
    return app.d.find_element(By.XPATH, f"//table[contains(@class,'results-report')]//tr[th[contains(., '{title}')]]")


def cells(row):
    return [td.text for td in row.find_elements(By.TAG_NAME, 'td')]


def set_up(app):
    """A project with one held workshop: two participants trained, one absent, a trainer."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    yesterday = today - datetime.timedelta(days=1)
    project = app.api('/api/v1/projects', {'code': 'RFT', 'title': 'Results framework test project'})
    workshop = app.api('/api/v1/workshops', {
        'project_id': project['id'], 'title': WORKSHOP, 'kind': 'training', 'status': 'confirmed',
        'start_date': yesterday.isoformat(), 'end_date': today.isoformat(), 'city': 'Kunming'})
    wid = workshop['id']
    people = {}
    for name, gender, role in [('Amy Results', 'female', 'participant'), ('Bo Results', 'male', 'participant'),
                               ('Cai Results', 'female', 'participant'), ('Dee Trainer', 'female', 'trainer')]:
        person = app.api('/api/v1/people', {'full_name': name, 'gender': gender})
        people[name] = person['id']
        app.api(f'/api/v1/workshops/{wid}/registrations', {'person_id': person['id'], 'role': role})
    sessions = sorted(app.api(f'/api/v1/workshops/{wid}/sessions')['items'], key=lambda s: s['date'])
    marks = [  # day 1, day 2
        {'Amy Results': 'present', 'Bo Results': 'late', 'Cai Results': 'absent', 'Dee Trainer': 'present'},
        {'Amy Results': 'present', 'Bo Results': 'absent', 'Cai Results': 'absent', 'Dee Trainer': 'present'},
    ]
    for session, sheet in zip(sessions, marks):
        app.api(f'/api/v1/workshops/{wid}/sessions/{session["id"]}/attendance',
                [{'person_id': people[n], 'status': s} for n, s in sheet.items()], method='PUT')
    app.api(f'/api/v1/workshops/{wid}', {'status': 'held'}, method='PATCH')
    return project, yesterday, today


def test_results_framework(app):
    project, first_day, today = set_up(app)
    pid = project['id']
    period_from = (first_day - datetime.timedelta(days=10)).isoformat()
    period_to = today.isoformat()
    app.sign_in('coord')
    app.go(f'/projects/{pid}')
    app.navigating(lambda: app.link('Results').click())
    assert app.heading() == 'Results — RFT'

    # An outcome; a result without a title is refused, the explanation stays on the form
    app.allow_console(rf'/api/v1/projects/{pid}/results - Failed to load resource: .* 422')
    app.button('Add result').click()
    dialog = app.dialog()
    app.choose('Level', 'Outcome', within=dialog)
    app.fill('Code', '1', within=dialog)
    app.button('Add result', within=dialog).click()
    app.wait(lambda: app.field('Title', dialog).get_attribute('aria-invalid') == 'true', message='no error at Title')
    assert app.field('Code', dialog).get_attribute('value') == '1'
    app.fill('Title', 'Border officers apply document examination skills', within=dialog)
    app.button('Add result', within=dialog).click()
    app.notice('Outcome 1 — Border officers apply document examination skills added.')
    app.wait_ready()

    # An output under it
    app.button('Add result').click()
    dialog = app.dialog()
    app.choose('Level', 'Output', within=dialog)
    app.fill('Code', '1.1', within=dialog)
    app.fill('Title', 'Officers trained in passport fraud detection', within=dialog)
    app.choose('Sits under', 'Outcome 1 — Border officers apply document examination skills', within=dialog)
    app.button('Add result', within=dialog).click()
    app.notice('Output 1.1 — Officers trained in passport fraud detection added.')
    app.wait(lambda: 'depth-1' in result_item(app, 'Officers trained').get_attribute('class'))
    results = app.api(f'/api/v1/projects/{pid}/results')['items']
    outcome = next(r for r in results if r['level'] == 'outcome')
    output = next(r for r in results if r['level'] == 'output')
    assert output['parent_id'] == outcome['id']

    # A counted indicator on the output, with a target and a breakdown by sex
    app.button('Add indicator', within=result_item(app, 'Officers trained')).click()
    dialog = app.dialog()
    app.fill('Code', '1.1a', within=dialog)
    app.fill('Title', 'Officers trained', within=dialog)
    app.choose('Source', 'Counted from attendance', within=dialog)
    app.choose('Measure', 'People trained', within=dialog)
    app.field('Sex', dialog).click()
    app.fill('Baseline value', '0', within=dialog)
    app.fill('Baseline year', str(today.year - 1), within=dialog)
    app.button('Add target', within=dialog).click()
    app.fill('Period start', period_from, within=dialog)
    app.fill('Period end', period_to, within=dialog)
    app.fill('Target value', '30', within=dialog)
    app.button('Add indicator', within=dialog).click()
    app.notice('Indicator 1.1a Officers trained added.')
    app.wait_ready()
    counted = app.api(f'/api/v1/results/{output["id"]}/indicators')['items'][0]
    assert counted['measure'] == 'people_trained' and counted['disaggregations'] == ['sex']
    assert counted['targets'] == [{'period_start': period_from, 'period_end': period_to, 'value': 30}]

    # A manual indicator on the outcome, and its value
    app.button('Add indicator', within=result_item(app, 'Border officers')).click()
    dialog = app.dialog()
    app.fill('Code', '1a', within=dialog)
    app.fill('Title', 'Posts using the new procedures', within=dialog)
    app.choose('Source', 'Entered by hand', within=dialog)
    assert not app.field('Measure', dialog).is_displayed()
    app.button('Add indicator', within=dialog).click()
    app.notice('Indicator 1a Posts using the new procedures added.')
    app.wait_ready()
    app.button('Enter values', within=result_item(app, 'Border officers')).click()
    dialog = app.dialog()
    app.fill('Period start', period_from, within=dialog)
    app.fill('Period end', period_to, within=dialog)
    app.fill('Value', '7', within=dialog)
    app.fill('Comment', 'Survey of border posts', within=dialog)
    app.button('Save values', within=dialog).click()
    app.notice('saved: 1 period.')
    app.wait_ready()

    # The report for the period
    app.fill('From', period_from)
    app.fill('To', period_to)
    app.navigating(lambda: app.button('Show report').click())
    app.wait(lambda: report_row(app, '1.1a Officers'))
    api_report = app.api(f'/api/v1/projects/{pid}/results/report?from={period_from}&to={period_to}')
    api_counted = next(i for r in api_report['results'] for i in r['indicators'] if i['id'] == counted['id'])
    baseline, target, actual, breakdown, _ = cells(report_row(app, '1.1a Officers'))
    # By hand: Amy (present twice) and Bo (late once) were trained; Cai was absent, Dee is the trainer.
    value, progress = actual.split('\n')[:2]
    assert value == '2' and float(value) == api_counted['actual'] == 2
    assert target == '30' and baseline == f'0 ({today.year - 1})'
    # Progress against the period's target, next to the actual
    assert progress == '2 of 30 (6.7%)'
    assert report_row(app, '1.1a Officers').find_element(By.CSS_SELECTOR, 'td.actual meter')
    assert 'Female 1 · Male 1' in breakdown
    manual = cells(report_row(app, 'Posts using the new procedures'))
    assert manual[2].startswith('7') and 'Survey of border posts' in manual[2]
    assert manual[1] == '—'  # no target for the period: no progress to show
    assert not report_row(app, 'Posts using the new procedures').find_elements(By.CSS_SELECTOR, '.progress')
    # logframe order: the outcome, its indicator, then the output under it
    order = [th.text for th in app.d.find_elements(By.CSS_SELECTOR, 'table.results-report tbody th')]
    assert [o.split('\n')[0] for o in order] == [
        'Outcome 1 Border officers apply document examination skills', '1a Posts using the new procedures',
        'Output 1.1 Officers trained in passport fraud detection', '1.1a Officers trained']
    assert not report_row(app, 'Posts using').find_elements(By.XPATH, ".//button[normalize-space()='Show evidence']")
    app.check_screen('project-results')
    name, body = app.download('Download CSV')
    assert name.endswith('.csv') and b'Officers trained' in body

    # The evidence behind the counted actual
    app.button('Show evidence', within=report_row(app, '1.1a Officers')).click()
    evidence = app.wait(lambda: app.section('Evidence for 1.1a Officers trained'))
    assert WORKSHOP in evidence.text
    assert 'Amy Results' in evidence.text and 'Bo Results' in evidence.text
    assert 'Cai Results' not in evidence.text and 'Dee Trainer' not in evidence.text
    app.check_screen('project-results-evidence')
