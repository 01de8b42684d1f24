"""Donor exports over the API of a seeded server: every report as an XLSX
workbook read back with openpyxl (figures equal to the JSON's, no formulas, a
formula-looking name kept as text), IATI files validated against the 2.03
schema with xmllint, and reports submitted, frozen and compared."""
import io
import json
import os
import re
import subprocess
import tempfile
import urllib.error
import urllib.request

import openpyxl
import pytest

SCHEMA = os.path.join(os.path.dirname(__file__), '..', 'data', 'iati-2.03', 'iati-activities-schema.xsd')
XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
FORMULA_NAME = "=cmd|' /C calc'!A0"


class Api:
    def __init__(self, server):
        self.server = server
        self.tokens = {}

    def login(self, username, password):
        body = json.dumps({'username': username, 'password': password}).encode()
        request = urllib.request.Request(self.server.base_url + '/api/v1/auth/login', data=body, method='POST')
        with urllib.request.urlopen(request, timeout=10) as answer:
            self.tokens[username] = json.load(answer)['token']

    def raw(self, path, body=None, method=None, user='admin'):
        if user not in self.tokens:
            self.login(user, self.server.users[user])
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.server.base_url + path, data=data,
                                         method=method or ('POST' if data else 'GET'),
                                         headers={'Authorization': f'Bearer {self.tokens[user]}',
                                                  'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, path, body=None, method=None, user='admin', status=None):
        code, _, data = self.raw(path, body, method, user)
        if status is not None:
            assert code == status, data
        else:
            assert 200 <= code < 300, data
        return json.loads(data) if data else None


@pytest.fixture(scope='module')
def api(server):
    return Api(server)


@pytest.fixture(scope='module')
def project(api):
    """A project with a formula-looking funder, a workshop held with two
    people trained (one female, one male), and a result with an indicator
    counted by sex with a target for 2025."""
    funder = api.json('/api/v1/organizations', {'name': FORMULA_NAME, 'kind': 'government', 'iati_ref': 'XM-TEST-1'})
    implementer = api.json('/api/v1/organizations', {'name': 'Test Implementer', 'kind': 'ngo', 'country': 'CN'})
    counterpart = api.json('/api/v1/organizations', {'name': 'Test Ministry', 'kind': 'government', 'country': 'CN'})
    p = api.json('/api/v1/projects', {'code': 'XPT', 'title': 'Export test', 'native_title': '导出测试',
                                      'summary': 'A <test> & "project"', 'start_date': '2025-01-01',
                                      'end_date': '2026-12-31'})
    api.json(f'/api/v1/projects/{p["id"]}/organizations', [
        {'organization_id': funder['id'], 'role': 'lead_funder', 'amount': 1000.5, 'currency': 'EUR'},
        {'organization_id': implementer['id'], 'role': 'implementer'},
        {'organization_id': counterpart['id'], 'role': 'counterpart'}], method='PUT')
    w = api.json('/api/v1/workshops', {'project_id': p['id'], 'title': 'Export workshop', 'kind': 'training',
                                       'status': 'held', 'start_date': '2025-03-10', 'end_date': '2025-03-10',
                                       'city': 'Beijing', 'country': 'CN'})
    sessions = api.json(f'/api/v1/workshops/{w["id"]}/sessions')
    session = (sessions['items'] if isinstance(sessions, dict) else sessions)[0]
    people = [api.json('/api/v1/people', {'full_name': name, 'gender': gender, 'organization_id': counterpart['id']})
              for name, gender in [(FORMULA_NAME, 'female'), ('Li Lei', 'male')]]
    for person in people:
        api.json(f'/api/v1/workshops/{w["id"]}/registrations', {'person_id': person['id'], 'role': 'participant'})
    api.json(f'/api/v1/workshops/{w["id"]}/sessions/{session["id"]}/attendance',
             [{'person_id': person['id'], 'status': 'present'} for person in people], method='PUT')
    result = api.json(f'/api/v1/projects/{p["id"]}/results', {'level': 'output', 'code': '1', 'title': 'Officials trained'})
    api.json(f'/api/v1/results/{result["id"]}/indicators', {
        'code': '1.1', 'title': 'People trained', 'source': 'attendance', 'measure': 'people_trained',
        'baseline_value': 0, 'baseline_year': 2024, 'disaggregations': ['sex'],
        'targets': [{'period_start': '2025-01-01', 'period_end': '2025-12-31', 'value': 10}]})
    return {'id': p['id'], 'funder': funder['id'], 'workshop': w['id'], 'people': people}


def workbook(api, path):
    code, headers, data = api.raw(path)
    assert code == 200, data
    assert headers['Content-Type'] == XLSX
    assert 'attachment; filename="' in headers['Content-Disposition'] and '.xlsx"' in headers['Content-Disposition']
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != 'f', f'formula in {sheet.title}!{cell.coordinate}'
    return book


def table(book, heading):
    """The rows of the sheet headed `heading`, as dicts by column header;
    checks the header row is the frozen one and the period is on top."""
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        for i, row in enumerate(rows[:12]):
            if row and row[0] == heading:
                header = rows[i + 2]
                assert sheet.freeze_panes == f'A{i + 4}', sheet.freeze_panes
                assert any(r[0] and str(r[0]).startswith('Generated') for r in rows[:i])
                return [dict(zip(header, r)) for r in rows[i + 3:]]
    raise AssertionError(f'no sheet headed {heading!r} in {book.sheetnames}')


def measures(rows):
    return {r['Measure']: r['Value'] for r in rows}


def test_funder_report_workbook(api, project):
    query = f'/api/v1/reports/funder?organization_id={project["funder"]}&from=2025-01-01&to=2025-12-31'
    report = api.json(query)
    book = workbook(api, query + '&format=xlsx')
    # Every tab named in full within Excel's 31 characters: none cut, no "Sheet5".
    assert book.sheetnames == ['Projects funded', 'Held in the period', 'Held in the period, totals',
                               'Dates uncertain', 'Dates uncertain, totals', 'Results XPT', 'Breakdown XPT']
    totals = measures(table(book, 'Workshops held in the period: totals'))
    assert report['totals']['people_trained'] == 2
    for label, key in [('People trained (distinct)', 'people_trained'), ('Participant-days', 'participant_days'),
                       ('Workshops held', 'workshops'), ('People who completed a workshop', 'people_completed')]:
        assert isinstance(totals[label], (int, float)) and totals[label] == report['totals'][key], label
    assert totals['Attendance rate (mean of workshops)'] == pytest.approx(report['totals']['attendance_rate'])
    projects = table(book, 'Projects funded')
    assert projects[0]['Amount'] == 1000.5 == report['projects'][0]['amount']
    assert projects[0]['Funder'] == FORMULA_NAME  # a formula-looking name stays text
    workshops = table(book, 'Workshops held in the period')
    assert workshops[0]['Start'].date().isoformat() == report['workshops'][0]['start_date'] == '2025-03-10'
    assert workshops[0]['People trained'] == report['workshops'][0]['people_trained']
    indicators = table(book, 'Results of XPT')
    assert indicators[0]['Actual'] == report['results'][0]['results'][0]['indicators'][0]['actual'] == 2
    assert indicators[0]['Target'] == 10 and indicators[0]['Baseline year'] == 2024


def test_funder_report_workbook_in_chinese(api, project):
    """The same funder report for the counterpart ministry: lang=zh writes
    its sheet names, headings, labels and dates in Chinese; its figures are
    the same numbers; without lang it stays in English."""
    query = f'/api/v1/reports/funder?organization_id={project["funder"]}&from=2025-01-01&to=2025-12-31'
    report = api.json(query)
    book = workbook(api, query + '&format=xlsx&lang=zh')
    assert book.sheetnames == ['资助的项目', '本期间举办', '本期间举办合计', '日期不确定', '日期不确定合计',
                               '成果 XPT', '分类统计 XPT']
    rows = list(book['本期间举办'].iter_rows(values_only=True))
    assert rows[0][0] == f'资助方报告：{FORMULA_NAME}'
    assert '报告期间：2025年1月1日至2025年12月31日' in [r[0] for r in rows[:6]]
    assert any(isinstance(r[0], str) and re.fullmatch(r'生成时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d UTC', r[0])
               for r in rows[:6])
    header = next(i for i, r in enumerate(rows) if r[0] == '培训活动')
    assert rows[header - 2][0] == '本期间举办的培训活动'
    workshop = dict(zip(rows[header], rows[header + 1]))
    assert workshop['日期'] == '2025年3月10日'
    assert workshop['类型'] == '培训班'
    assert workshop['开始日期'].date().isoformat() == '2025-03-10'  # still a date
    assert workshop['培训人数'] == report['workshops'][0]['people_trained'] == 2
    assert workshop['出勤率'] == report['workshops'][0]['attendance_rate']  # a number, shown as a percentage
    totals = {r[0]: r[1] for r in book['本期间举办合计'].iter_rows(values_only=True) if r and len(r) > 1}
    assert totals['培训人数（去重）'] == 2 and totals['参训人天'] == report['totals']['participant_days']
    assert totals['培训人数：女'] == 1 and totals['培训人数：男'] == 1
    indicators = list(book['成果 XPT'].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(indicators) if r[0] == '指标')
    indicator = dict(zip(indicators[header], indicators[header + 1]))
    assert indicator['层级'] == '产出' and indicator['数据来源'] == '根据出勤统计' and indicator['统计口径'] == '培训人数'
    assert indicator['实际值'] == 2 and indicator['目标值'] == 10

    english = workbook(api, query + '&format=xlsx')
    assert english.sheetnames[:3] == ['Projects funded', 'Held in the period', 'Held in the period, totals']


def test_attendance_summary_and_results_workbooks(api, project):
    w = project['workshop']
    report = api.json(f'/api/v1/reports/attendance?workshop_id={w}')
    book = workbook(api, f'/api/v1/reports/attendance?workshop_id={w}&format=xlsx')
    names = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith(FORMULA_NAME)]
    assert names, 'the formula-looking person is listed'
    assert all(cell.data_type == 's' for cell in names)
    summary = measures(table(book, 'Summary'))
    for label, key in [('People trained', 'people_trained'), ('Participant-days', 'participant_days'),
                       ('Participants registered', 'participants_registered')]:
        assert isinstance(summary[label], int) and summary[label] == report['totals'][key] == 2, label
    assert summary['Attendance rate (mean of sessions)'] == report['totals']['attendance_rate'] == 1

    summary = api.json('/api/v1/reports/summary?from=2025-01-01&to=2025-12-31')
    book = workbook(api, '/api/v1/reports/summary?from=2025-01-01&to=2025-12-31&format=xlsx')
    assert book.sheetnames == ['Workshops held in the period', 'Not counted', 'By project', 'By kind', 'By city',
                               'By month', 'Dates uncertain', 'Dates uncertain, totals']
    totals = measures(table(book, 'Workshops held in the period'))
    assert summary['totals']['people_trained'] >= 2
    assert totals['People trained (distinct)'] == summary['totals']['people_trained']
    assert totals['Participant-days'] == summary['totals']['participant_days']

    results = api.json(f'/api/v1/projects/{project["id"]}/results/report?from=2025-01-01&to=2025-12-31')
    book = workbook(api, f'/api/v1/projects/{project["id"]}/results/report?from=2025-01-01&to=2025-12-31&format=xlsx')
    rows = table(book, 'Results of XPT')
    indicator = results['results'][0]['indicators'][0]
    assert rows[0]['Actual'] == indicator['actual'] == 2 and rows[0]['Target'] == indicator['target'] == 10
    by = table(book, 'Results of XPT: disaggregated')
    assert {r['Group']: r['Value'] for r in by} == {'Female': 1, 'Male': 1}


def validate(xml):
    with tempfile.NamedTemporaryFile(suffix='.xml', delete=False) as f:
        f.write(xml)
    try:
        run = subprocess.run(['xmllint', '--noout', '--schema', SCHEMA, f.name],
                             capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(f.name)
    assert run.returncode == 0, run.stderr


def test_iati_of_a_project_with_results(api, project):
    code, headers, xml = api.raw(f'/api/v1/projects/{project["id"]}/iati.xml')
    assert code == 200, xml
    assert headers['Content-Type'].startswith('application/xml')
    validate(xml)
    text = xml.decode()
    assert '<iati-identifier>XM-TEST-1-XPT</iati-identifier>' in text
    assert '<narrative xml:lang="zh">导出测试</narrative>' in text
    assert 'role="1"' in text and 'role="2"' in text and 'role="4"' in text
    assert '<activity-date type="2" iso-date="2025-01-01"/>' in text
    assert '<period-start iso-date="2025-01-01"/>' in text and '<target value="10"/>' in text
    assert '<actual value="2"/>' in text
    assert '<dimension name="sex" value="female"/>' in text
    assert 'A &lt;test&gt; &amp; &quot;project&quot;' in text


def test_iati_of_the_seeded_projects(api):
    projects = api.json('/api/v1/projects?limit=500')['items']
    seeded = next(p for p in projects if p['code'] == 'EUCDMM')
    code, _, xml = api.raw(f'/api/v1/projects/{seeded["id"]}/iati.xml')
    assert code == 200, xml
    validate(xml)
    assert b'<iati-identifier>XM-DAC-47066-EUCDMM</iati-identifier>' in xml
    assert '支持中欧人员往来和移民领域对话项目'.encode() in xml


def test_a_submitted_report_stays_as_sent(api, project, server):
    params = {'organization_id': str(project['funder']), 'from': '2025-01-01', 'to': '2025-12-31'}
    code, _, before = api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': params, 'note': 'Q1 to EU'})
    assert code == 201, before
    submission = json.loads(before)
    assert submission['report'] == 'funder' and submission['params'] == params and submission['note'] == 'Q1 to EU'
    assert submission['submitted_by'] == 'admin' and len(submission['sha256']) == 64
    code, headers, frozen = api.raw(f'/api/v1/reports/submissions/{submission["id"]}')
    assert code == 200 and headers['Content-Type'] == 'application/json'
    import hashlib
    assert hashlib.sha256(frozen).hexdigest() == submission['sha256']
    assert json.loads(frozen)['totals']['people_trained'] == 2
    assert api.json(f'/api/v1/reports/submissions/{submission["id"]}/changes')['changes'] == []

    # A third person trained at the workshop, after the report was sent
    w = project['workshop']
    person = api.json('/api/v1/people', {'full_name': 'Wang Fang', 'gender': 'female'})
    api.json(f'/api/v1/workshops/{w}/registrations', {'person_id': person['id'], 'role': 'participant'})
    sessions = api.json(f'/api/v1/workshops/{w}/sessions')
    session = (sessions['items'] if isinstance(sessions, dict) else sessions)[0]
    api.json(f'/api/v1/workshops/{w}/sessions/{session["id"]}/attendance',
             [{'person_id': p['id'], 'status': 'present'} for p in project['people'] + [person]], method='PUT')

    code, _, again = api.raw(f'/api/v1/reports/submissions/{submission["id"]}?format=json')
    assert code == 200 and again == frozen
    changes = {c['path']: c for c in api.json(f'/api/v1/reports/submissions/{submission["id"]}/changes')['changes']}
    assert changes['totals.people_trained']['submitted'] == 2 and changes['totals.people_trained']['current'] == 3
    assert changes['workshops[0].people_trained']['current'] == 3
    assert not any('generated_at' in path for path in changes)
    # Never changed, never deleted: there is no such route
    assert api.raw(f'/api/v1/reports/submissions/{submission["id"]}', method='DELETE')[0] == 405
    assert api.raw(f'/api/v1/reports/submissions/{submission["id"]}', {'note': 'x'}, method='PATCH')[0] == 405
    listed = api.json('/api/v1/reports/submissions')['items']
    assert submission['id'] in [s['id'] for s in listed]
    audit = api.json('/api/v1/audit?entity=report_submission')['items']
    assert any(a['entity_id'] == submission['id'] for a in audit)

    # Refused: an unknown report or parameter
    assert api.raw('/api/v1/reports/submissions', {'report': 'summary', 'params': {}})[0] == 422
    assert api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': {**params, 'x': '1'}})[0] == 422


def test_a_change_since_submission_reads_in_words(api, project, server):
    """Each change names its figure and its workshop or indicator, prints its
    values as the report does, and lists the recorded writes that moved it."""
    params = {'organization_id': project['funder'], 'from': '2025-01-01', 'to': '2025-12-31',
              'include_children': True, 'completion_threshold': 80}
    code, _, body = api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': params})
    assert code == 201, body  # numbers and booleans are taken as the query reads them
    submission = json.loads(body)
    results = api.json('/api/v1/reports/submissions', {'report': 'results', 'params': {
        'project_id': project['id'], 'from': '2025-01-01', 'to': '2025-12-31'}})
    refused = api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': {**params, 'organization_id': [8]}})
    assert refused[0] == 422 and b'params.organization_id' in refused[2]
    # 8.5 reads as "8.5" would: not an id
    half = api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': {**params, 'organization_id': 8.5}})
    as_text = api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': {**params, 'organization_id': '8.5'}})
    assert half[0] == as_text[0] == 400 and b'organization_id' in half[2]

    # A fourth person trained at the workshop, after the reports were sent
    w = project['workshop']
    person = api.json('/api/v1/people', {'full_name': 'Zhao Min', 'gender': 'female'})
    api.json(f'/api/v1/workshops/{w}/registrations', {'person_id': person['id'], 'role': 'participant'})
    sessions = api.json(f'/api/v1/workshops/{w}/sessions')
    session = (sessions['items'] if isinstance(sessions, dict) else sessions)[0]
    marks = api.json(f'/api/v1/workshops/{w}/sessions/{session["id"]}/attendance')
    marks = marks['items'] if isinstance(marks, dict) else marks
    api.json(f'/api/v1/workshops/{w}/sessions/{session["id"]}/attendance',
             [{'person_id': m['person_id'], 'status': m['status']} for m in marks if m.get('status')] +
             [{'person_id': person['id'], 'status': 'present'}], method='PUT')

    changes = api.json(f'/api/v1/reports/submissions/{submission["id"]}/changes')['changes']
    by_path = {c['path']: c for c in changes}
    trained = next(c for path, c in by_path.items() if path.startswith('workshops[') and path.endswith('.people_trained'))
    assert trained['label'] == 'People trained' and trained['workshop_id'] == w
    assert trained['where'] == f'Export workshop (workshop {w})'
    assert int(trained['current_text']) == int(trained['submitted_text']) + 1
    moved = trained['records']['items']
    assert moved and moved[0]['entity'] == 'attendance' and moved[0]['marks_changed'] == 1
    assert moved[0]['by'] == 'admin' and moved[0]['session_date'] == session['date']
    assert any(r['entity'] == 'registration' for r in moved)
    total = by_path['totals.people_trained']
    assert total['where'] == 'Workshops held in the period: totals' and 'workshop_id' not in total
    assert total['records']['items']

    indicator = api.json(f'/api/v1/reports/submissions/{results["id"]}/changes')['changes']
    actual = next(c for c in indicator if c['path'].endswith('.actual'))
    assert actual['label'] == 'Actual' and actual['indicator_id'] and actual['where'].startswith('1.1 People trained')
    female = next(c for c in indicator if c['path'].endswith('.value') and 'sex' in c['path'] and c['label'].endswith('Female'))
    assert female['label'] == 'Actual — Sex: Female'
    # A funder user sees the figures, never who changed what
    api.json('/api/v1/users', {'username': 'funder-words', 'password': 'correct horse battery', 'role': 'funder',
                               'organization_id': project['funder']}, status=201)
    server.users['funder-words'] = 'correct horse battery'
    seen = api.json(f'/api/v1/reports/submissions/{submission["id"]}/changes', user='funder-words')['changes']
    assert seen and not any('records' in c for c in seen)


def test_a_submission_opens_as_the_page_and_workbook_it_was(api, project, server):
    params = {'organization_id': str(project['funder']), 'from': '2025-01-01', 'to': '2025-12-31'}
    submission = api.json('/api/v1/reports/submissions', {'report': 'funder', 'params': params, 'note': 'Annual to EU'})
    frozen = json.loads(api.raw(f'/api/v1/reports/submissions/{submission["id"]}')[2])
    # Figures change after it was sent: the page and workbook still show the frozen ones
    w = project['workshop']
    person = api.json('/api/v1/people', {'full_name': 'Qian Jun', 'gender': 'male'})
    api.json(f'/api/v1/workshops/{w}/registrations', {'person_id': person['id'], 'role': 'participant'})
    today = api.json(f'/api/v1/reports/funder?organization_id={project["funder"]}&from=2025-01-01&to=2025-12-31')
    assert today['workshops'][0]['participants_registered'] != frozen['workshops'][0]['participants_registered']

    code, headers, page = api.raw(f'/api/v1/reports/submissions/{submission["id"]}?format=html&lang=en')
    assert code == 200 and headers['Content-Type'].startswith('text/html'), page
    text = page.decode()
    assert 'Export workshop' in text and submission['sha256'] in text and 'Annual to EU' in text
    assert f'submission {submission["id"]} exactly as it was frozen' in text
    assert headers['X-Content-SHA256'] == submission['sha256']

    book = workbook(api, f'/api/v1/reports/submissions/{submission["id"]}?format=xlsx&lang=en')
    sheet = book['Held in the period']
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == 'Workshop'))
    line = dict(zip(rows[header], rows[header + 1]))
    assert line['Participants registered'] == frozen['workshops'][0]['participants_registered']
    assert line['People trained'] == frozen['workshops'][0]['people_trained']

    zh = api.raw(f'/api/v1/reports/submissions/{submission["id"]}?format=html&lang=zh')
    assert zh[0] == 200 and '提交' in zh[2].decode()
    assert api.raw(f'/api/v1/reports/submissions/{submission["id"]}?format=pdf')[0] == 400


def test_a_funder_user_reads_its_own_submissions_only(api, project, server):
    other = api.json('/api/v1/organizations', {'name': 'Another Funder', 'kind': 'government'})
    mine = api.json('/api/v1/reports/submissions', {'report': 'funder', 'params': {
        'organization_id': str(project['funder']), 'from': '2025-01-01', 'to': '2025-12-31'}})
    results = api.json('/api/v1/reports/submissions', {'report': 'results', 'params': {
        'project_id': str(project['id']), 'from': '2025-01-01', 'to': '2025-12-31'}})
    theirs = api.json('/api/v1/reports/submissions', {'report': 'funder', 'params': {
        'organization_id': str(other['id']), 'from': '2025-01-01', 'to': '2025-12-31'}})
    for username, organization in [('funder-x', project['funder']), ('funder-y', other['id'])]:
        api.json('/api/v1/users', {'username': username, 'password': 'correct horse battery',
                                   'role': 'funder', 'organization_id': organization})
        server.users[username] = 'correct horse battery'
    listed = {s['id'] for s in api.json('/api/v1/reports/submissions', user='funder-x')['items']}
    assert mine['id'] in listed and results['id'] in listed and theirs['id'] not in listed
    assert api.raw(f'/api/v1/reports/submissions/{mine["id"]}', user='funder-x')[0] == 200
    assert api.raw(f'/api/v1/reports/submissions/{results["id"]}/changes', user='funder-x')[0] == 200
    assert api.raw(f'/api/v1/reports/submissions/{theirs["id"]}', user='funder-x')[0] == 404
    assert api.raw(f'/api/v1/reports/submissions/{mine["id"]}', user='funder-y')[0] == 404
    assert api.raw(f'/api/v1/reports/submissions?organization_id={other["id"]}', user='funder-x')[0] == 403
    # Funder users read; they do not submit
    assert api.raw('/api/v1/reports/submissions', {'report': 'funder', 'params': {
        'organization_id': str(project['funder']), 'from': '2025-01-01', 'to': '2025-12-31'}}, user='funder-x')[0] == 403
