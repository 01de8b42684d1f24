"""Spreadsheet imports and the sign-in grid over HTTP (no browser): participant
lists in UTF-8 with a BOM, GB18030 and XLSX made by openpyxl; the grid exported,
filled in with openpyxl, imported and exported again; hostile files."""
import io
import json
import urllib.error
import urllib.request
import zipfile
from datetime import date, timedelta

import openpyxl
from selenium.webdriver.common.by import By
import pytest

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
SURNAMES = '王李张刘陈杨黄赵吴周'
GIVEN = '芳伟娜敏静丽强磊'


class Api:
    def __init__(self, server, username='coord'):
        self.base = server.base_url
        login = json.dumps({'username': username, 'password': server.users[username]}).encode()
        with urllib.request.urlopen(urllib.request.Request(self.base + '/api/v1/auth/login', data=login, method='POST')) as r:
            self.token = json.load(r)['token']

    def call(self, method, path, body=None, content_type='application/json'):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            'Authorization': f'Bearer {self.token}', 'Content-Type': content_type})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, r.headers.get('Content-Type', ''), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get('Content-Type', ''), e.read()

    def json(self, method, path, body=None, status=None):
        code, _, raw = self.call(method, path, body)
        assert status is None or code == status, (code, raw[:500])
        return json.loads(raw) if raw else None

    def upload(self, path, data, content_type, dry_run, **params):
        query = ''.join(f'&{k}={v}' for k, v in params.items())
        code, _, raw = self.call('POST', f'{path}?dry_run={"true" if dry_run else "false"}{query}', data, content_type)
        return code, json.loads(raw)


@pytest.fixture
def api(server):
    return Api(server)


_counter = [0]


def workshop(api, start='2017-09-08', end='2017-09-10', status='held'):
    _counter[0] += 1
    project = api.json('POST', '/api/v1/projects', {'code': f'IMP-{_counter[0]}', 'title': 'Imports'}, 201)
    w = api.json('POST', '/api/v1/workshops', {
        'project_id': project['id'], 'title': f'Border management {_counter[0]}', 'kind': 'training',
        'status': status, 'start_date': start, 'end_date': end, 'city': 'Hangzhou'}, 201)
    return w['id']


def participants(tag, n=40):
    """n people with Chinese headers' fields; every fifth has no email."""
    rows = []
    for i in range(n):
        native = SURNAMES[i % 10] + GIVEN[i % 8] + '一二三四五'[i // 10]
        rows.append([f'Person {tag} {i:02d}', native, '女' if i % 2 else '男', f'公安厅 {tag} {i % 3}',
                     '科长', '浙江', '' if i % 5 == 0 else f'p{i}.{tag}@example.cn', f'1380013{i:04d}'])
    return rows


HEADERS_ZH = ['姓名', '中文名', '性别', '单位', '职务', '省份', '邮箱', '电话']


def csv_text(header, rows):
    def cell(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v
    return ''.join(','.join(cell(v) for v in row) + '\r\n' for row in [header] + rows)


def xlsx_bytes(header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def people_count(api):
    return len(all_items(api, '/api/v1/people'))


def all_items(api, path):
    items, cursor = [], None
    while True:
        page = api.json('GET', path + ('&' if '?' in path else '?') + 'limit=500' + (f'&cursor={cursor}' if cursor else ''), status=200)
        items += page['items']
        cursor = page['next_cursor']
        if not cursor:
            return items


def registrations(api, wid):
    return all_items(api, f'/api/v1/workshops/{wid}/registrations')


@pytest.mark.parametrize('encoding', ['utf-8-bom', 'gb18030', 'xlsx'])
def test_a_forty_person_list_imports_once(api, encoding):
    wid = workshop(api)
    rows = participants(encoding)
    if encoding == 'xlsx':
        body, ctype = xlsx_bytes(HEADERS_ZH, rows), XLSX
    else:
        text = csv_text(HEADERS_ZH, rows)
        body = ('\ufeff' + text).encode('utf-8') if encoding == 'utf-8-bom' else text.encode('gb18030')
        ctype = 'text/csv'
    before = people_count(api)

    code, dry = api.upload(f'/api/v1/workshops/{wid}/registrations/import', body, ctype, True)
    assert code == 200, dry
    assert [r['action'] for r in dry['rows']] == ['create_person'] * 40
    assert [r['row'] for r in dry['rows']] == list(range(2, 42))
    assert all(r['person_id'] is None and r['errors'] == [] for r in dry['rows'])
    assert dry['summary']['actions']['create_person'] == 40
    # the agencies match no organization: listed, created only when the real run says so
    assert len(dry['summary']['unmatched_organizations']) == 3 and dry['summary']['organizations_created'] == []
    assert people_count(api) == before and registrations(api, wid) == []  # a dry run writes nothing

    code, real = api.upload(f'/api/v1/workshops/{wid}/registrations/import', body, ctype, False, create_organizations='true')
    assert code == 200, real
    assert people_count(api) == before + 40
    regs = registrations(api, wid)
    assert len(regs) == 40 and {r['role'] for r in regs} == {'participant'}
    assert sorted(r['registration_id'] for r in real['rows']) == sorted(r['id'] for r in regs)
    person = api.json('GET', f'/api/v1/people/{real["rows"][1]["person_id"]}', status=200)
    assert person['native_name'] == rows[1][1] and person['gender'] == 'female'
    assert person['phone'] == rows[1][7] and person['email'] == rows[1][6]
    org = api.json('GET', f'/api/v1/organizations/{person["organization_id"]}', status=200)
    assert org['name'] == rows[1][3] and org['kind'] == 'other'

    # The same file again changes nothing.
    code, again = api.upload(f'/api/v1/workshops/{wid}/registrations/import', body, ctype, False)
    assert code == 200, again
    assert [r['action'] for r in again['rows']] == ['already_registered'] * 40
    assert [r['person_id'] for r in again['rows']] == [r['person_id'] for r in real['rows']]
    assert people_count(api) == before + 40 and len(registrations(api, wid)) == 40
    assert again['summary']['organizations_created'] == []


def test_matching_by_email_roles_unknown_columns_and_one_new_person_per_file(api):
    wid = workshop(api)
    known = api.json('POST', '/api/v1/people', {'full_name': 'Known Person', 'email': 'Known@Example.org'}, 201)
    header = ['Full name', 'EMAIL', 'Agency', 'Role', 'Shoe size']
    rows = [['Someone Else', 'known@example.ORG', 'Ministry X', 'Trainer', '42'],
            ['New Person', '', 'New Agency', '', ''],
            ['new person', '', 'NEW AGENCY', '', '']]  # the same new person and org again
    code, answer = api.upload(f'/api/v1/workshops/{wid}/registrations/import',
                              csv_text(header, rows).encode(), 'text/csv', False, create_organizations='true')
    assert code == 200, answer
    actions = [r['action'] for r in answer['rows']]
    assert actions == ['match_person', 'create_person', 'already_registered']
    assert answer['rows'][0]['person_id'] == known['id']
    assert answer['rows'][1]['person_id'] == answer['rows'][2]['person_id']
    assert answer['summary']['unknown_columns'] == ['Shoe size']
    created = [o['name'] for o in answer['summary']['organizations_created']]
    assert created == ['New Agency']  # once per file; Ministry X is not needed (matched by email)
    roles = {r['person_id']: r['role'] for r in registrations(api, wid)}
    assert roles == {known['id']: 'trainer', answer['rows'][1]['person_id']: 'participant'}


def test_a_bad_row_fails_the_whole_real_run(api):
    wid = workshop(api)
    before = people_count(api)
    orgs_before = len(all_items(api, '/api/v1/organizations'))
    rows = participants('bad', 10)
    rows[6][2] = 'X'            # no such gender
    rows[8][0] = rows[8][1] = ''  # no name in either script
    code, answer = api.upload(f'/api/v1/workshops/{wid}/registrations/import',
                              csv_text(HEADERS_ZH, rows).encode(), 'text/csv', False)
    assert code == 422, answer
    assert answer['status'] == 422 and len(answer['rows']) == 10
    errors = {r['row']: [e['field'] for e in r['errors']] for r in answer['rows'] if r['action'] == 'error'}
    assert errors == {8: ['gender'], 10: ['full_name']}
    assert people_count(api) == before and registrations(api, wid) == []
    assert len(all_items(api, '/api/v1/organizations')) == orgs_before


def filled(grid_bytes, marks):
    """The grid with `marks` {(person_id, date): text} written in by openpyxl."""
    book = openpyxl.load_workbook(io.BytesIO(grid_bytes))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for (pid, day), text in marks.items():
            if row[0].value == pid:
                row[header.index(day)].value = text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_grid_round_trips_through_excel(api):
    wid = workshop(api)
    people = [api.json('POST', '/api/v1/people', {'full_name': f'Grid {n}', 'native_name': f'网格{n}'}, 201)['id']
              for n in range(4)]
    for pid in people:
        api.json('POST', f'/api/v1/workshops/{wid}/registrations', {'person_id': pid}, 201)
    code, ctype, grid = api.call('GET', f'/api/v1/workshops/{wid}/attendance?format=xlsx')
    assert code == 200 and ctype == XLSX
    sheet = openpyxl.load_workbook(io.BytesIO(grid)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header == ['Person ID', 'Full name', 'Native name', 'Organization', 'Email',
                      '2017-09-08', '2017-09-09', '2017-09-10']
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == people

    marks = {(people[0], '2017-09-08'): 'P', (people[1], '2017-09-08'): 'late', (people[2], '2017-09-09'): '✓',
             (people[3], '2017-09-10'): 'a', (people[0], '2017-09-10'): 'E'}
    code, dry = api.upload(f'/api/v1/workshops/{wid}/attendance/import', filled(grid, marks), XLSX, True)
    assert code == 200, dry
    assert dry['summary']['marks_changed'] == 5
    # Each row names its person and says what changes, from what to what.
    first = next(r for r in dry['rows'] if r['person_id'] == people[0])
    assert (first['full_name'], first['native_name']) == ('Grid 0', '网格0')
    assert [(m['date'], m['from'], m['to']) for m in first['marks']] == [('2017-09-08', None, 'present'),
                                                                        ('2017-09-10', None, 'excused')]
    assert all(r is None for row in api.json('GET', f'/api/v1/workshops/{wid}/attendance')['rows'] for r in row['marks'])

    code, real = api.upload(f'/api/v1/workshops/{wid}/attendance/import', filled(grid, marks), XLSX, False)
    assert code == 200, real
    assert [r['action'] for r in real['rows']] == ['set_marks'] * 4
    matrix = api.json('GET', f'/api/v1/workshops/{wid}/attendance')
    dates = [s['date'] for s in matrix['sessions']]
    found = {(row['person_id'], dates[i]): m for row in matrix['rows'] for i, m in enumerate(row['marks']) if m}
    assert found == {(people[0], '2017-09-08'): 'present', (people[1], '2017-09-08'): 'late',
                     (people[2], '2017-09-09'): 'present', (people[3], '2017-09-10'): 'absent',
                     (people[0], '2017-09-10'): 'excused'}

    # Exported again (XLSX and CSV), each imports back changing nothing.
    for fmt, ctype in (('xlsx', XLSX), ('csv', 'text/csv')):
        code, _, again = api.call('GET', f'/api/v1/workshops/{wid}/attendance?format={fmt}')
        assert code == 200
        code, answer = api.upload(f'/api/v1/workshops/{wid}/attendance/import', again, ctype, False)
        assert code == 200, answer
        assert [r['action'] for r in answer['rows']] == ['unchanged'] * 4 and answer['summary']['marks_changed'] == 0
        assert all(r['marks'] == [] for r in answer['rows'])
    assert api.json('GET', f'/api/v1/workshops/{wid}/attendance') == matrix


def test_grid_rows_break_the_attendance_rules_as_a_whole(api):
    today = date.today()
    wid = workshop(api, start=(today - timedelta(days=1)).isoformat(), end=(today + timedelta(days=1)).isoformat(),
                   status='confirmed')
    pid = api.json('POST', '/api/v1/people', {'full_name': 'Rule Person'}, 201)['id']
    api.json('POST', f'/api/v1/workshops/{wid}/registrations', {'person_id': pid}, 201)
    stranger = api.json('POST', '/api/v1/people', {'full_name': 'Not Registered'}, 201)['id']
    yesterday, tomorrow = (today - timedelta(days=1)).isoformat(), (today + timedelta(days=1)).isoformat()
    text = csv_text(['Person ID', yesterday, tomorrow], [[pid, 'P', 'P'], [stranger, 'P', ''], [pid, 'Q', '']])
    code, answer = api.upload(f'/api/v1/workshops/{wid}/attendance/import', text.encode(), 'text/csv', False)
    assert code == 422, answer
    assert [[e['field'] for e in r['errors']] for r in answer['rows']] == [[tomorrow], ['person_id'], ['person_id', yesterday]]
    assert all(m is None for m in api.json('GET', f'/api/v1/workshops/{wid}/attendance')['rows'][0]['marks'])

    code, answer = api.upload(f'/api/v1/workshops/{wid}/attendance/import',
                              csv_text(['Person ID', '1999-01-01'], [[pid, 'P']]).encode(), 'text/csv', True)
    assert code == 422 and answer['errors'][0]['field'] == '1999-01-01'


def test_hostile_files_answer_4xx(api):
    wid = workshop(api)
    path = f'/api/v1/workshops/{wid}/registrations/import'
    # A zip bomb: 100 MB of spaces in a 100 kB archive, as the first sheet.
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + ' ' * (100 << 20) + '</sheetData></worksheet>')
    code, answer = api.upload(path, bomb.getvalue(), XLSX, True)
    assert code == 413 and 'unzips to more than' in answer['detail']

    code, answer = api.upload(path, b'PK\x03\x04 this is not really a zip file', XLSX, True)
    assert code == 400 and 'not a readable XLSX' in answer['detail']
    good = xlsx_bytes(['Name'], [['A']])
    code, answer = api.upload(path, good[: len(good) // 2], XLSX, True)
    assert code == 400
    with zipfile.ZipFile(broken := io.BytesIO(), 'w') as z:
        z.writestr('xl/workbook.xml', '<workbook><sheets><sheet')
    code, answer = api.upload(path, broken.getvalue(), XLSX, True)
    assert code == 400 and 'well-formed' in answer['detail']

    code, answer = api.upload(path, b'Name\r\n"never closed\r\n', 'text/csv', True)
    assert code == 400 and 'never closed' in answer['detail']
    code, answer = api.upload(path, b'Name\r\n' + b'x\r\n' * 5010, 'text/csv', True)
    assert code == 413
    code, answer = api.upload(path, b'Shoe size\r\n42\r\n', 'text/csv', True)
    assert code == 422 and 'Full name' in answer['detail']
    code, answer = api.upload(path, b'{}', 'application/json', True)
    assert code == 400


def test_printable_sign_in_sheets(api):
    wid = workshop(api)
    org = api.json('POST', '/api/v1/organizations', {'name': 'Zhejiang Exit-Entry Bureau', 'kind': 'government'}, 201)
    pid = api.json('POST', '/api/v1/people', {'full_name': 'Wang Fang', 'native_name': '王芳', 'organization_id': org['id']}, 201)['id']
    api.json('POST', f'/api/v1/workshops/{wid}/registrations', {'person_id': pid}, 201)
    code, ctype, html = api.call('GET', f'/api/v1/workshops/{wid}/attendance?format=html')
    html = html.decode()
    assert code == 200 and ctype.startswith('text/html')
    assert html.count('<section class="sheet">') == 3
    assert '2017年9月9日' in html and '9 Sept 2017' in html and 'Hangzhou' in html and 'Border management' in html
    assert '签名' in html and 'Signature' in html  # bilingual on paper
    assert html.count('王芳') == 3 and html.count('Zhejiang Exit-Entry Bureau') == 3
    assert 'break-before: page' in html and 'A4' in html
    code, _, _ = api.call('GET', f'/api/v1/workshops/{wid}/attendance?format=pdf')
    assert code == 400


def test_importing_a_participant_list_in_the_browser(app, tmp_path):
    project = app.api('/api/v1/projects', {'code': 'IMP-WEB', 'title': 'Imports in the browser'})
    w = app.api('/api/v1/workshops', {'project_id': project['id'], 'title': 'Import in the browser', 'kind': 'training',
                                      'status': 'held', 'start_date': '2018-03-05', 'end_date': '2018-03-06',
                                      'city': 'Ningbo'})
    bad, good = tmp_path / 'bad.csv', tmp_path / 'participants.csv'
    rows = [['Web Person 1', '网一', '女', 'Web Agency'], ['Web Person 2', '网二', '男', 'Web Agency'],
            ['Web Person 3', '网三', 'F', 'Web Agency']]
    good.write_bytes(csv_text(['姓名', '中文名', '性别', '单位'], rows).encode('gb18030'))
    bad.write_bytes(csv_text(['姓名', '性别'], [['Web Person 1', 'X']]).encode())

    app.sign_in('coord')
    app.go('/people')  # the page now holds the list of organizations
    app.wait(lambda: app.d.find_elements(By.CSS_SELECTOR, 'main table'))
    registrations = app.open_participant_import(w['id'])

    # A file with an error: the dry run shows the row, and there is nothing to confirm.
    app.field('Participant list (CSV or Excel)', registrations).send_keys(str(bad))
    app.button('Import', registrations).click()
    app.notice('1 row has errors')
    assert 'Gender:' in registrations.find_element(By.CSS_SELECTOR, 'table').text
    assert not app.button('Confirm import', registrations).is_enabled()

    # An agency the list names that matches no organization is created only when asked
    app.field('Participant list (CSV or Excel)', registrations).send_keys(str(good))
    app.button('Import', registrations).click()
    app.notice('1 agency not recognised')
    assert registrations.find_element(By.CSS_SELECTOR, 'table').text.count('New person') == 3
    assert app.api(f'/api/v1/workshops/{w["id"]}/registrations')['items'] == []  # nothing saved yet
    assert not app.button('Confirm import', registrations).is_enabled()
    app.field('Create every agency not recognised as a new organization of kind Other', registrations).click()
    app.button('Confirm import', registrations).click()
    app.notice('Imported 3 rows')
    saved = app.api(f'/api/v1/workshops/{w["id"]}/registrations')['items']
    assert len(saved) == 3
    names = {app.api(f'/api/v1/people/{r["person_id"]}')['native_name'] for r in saved}
    assert names == {'网一', '网二', '网三'}
    # The page's list of organizations knows the agency created (no reload)
    app.go('/people?q=Web Person')
    app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, 'main table').text.count('Web Agency') == 3)
    app.open_participant_import(w['id'])
    app.wait(lambda: 'Web Person 3' in app.section('Sign-in grid').text)
    for text in ('Download grid (Excel)', 'Download grid (CSV)', 'Print sign-in sheets'):
        assert app.link(text).get_attribute('href').startswith(f'{app.server.base_url}/api/v1/workshops/{w["id"]}/attendance?format=')


def test_a_filled_in_grid_says_whose_marks_change_from_what_to_what(app, tmp_path):
    """Forty officials marked present on the first day; the grid comes back with
    one mark changed and one set on the second day: the import names the two
    people and the two changes, counts them, and lists nobody else."""
    project = app.api('/api/v1/projects', {'code': 'IMP-GRID', 'title': 'A grid in the browser'})
    w = app.api('/api/v1/workshops', {'project_id': project['id'], 'title': 'Grid in the browser', 'kind': 'training',
                                      'status': 'held', 'start_date': '2018-04-09', 'end_date': '2018-04-10',
                                      'city': 'Xiamen'})
    wid = w['id']
    people = []
    for i, row in enumerate(participants('grid', 40)):
        person = app.api('/api/v1/people', {'full_name': row[0], 'native_name': row[1]})
        app.api(f'/api/v1/workshops/{wid}/registrations', {'person_id': person['id']})
        people.append(person)
    sessions = app.api(f'/api/v1/workshops/{wid}/sessions')
    first = (sessions['items'] if isinstance(sessions, dict) else sessions)[0]
    app.api(f'/api/v1/workshops/{wid}/sessions/{first["id"]}/attendance',
            [{'person_id': p['id'], 'status': 'present'} for p in people], method='PUT')
    grid = Api(app.server).call('GET', f'/api/v1/workshops/{wid}/attendance?format=xlsx')[2]
    changed, late = people[6], people[17]
    path = tmp_path / 'grid.xlsx'
    path.write_bytes(filled(grid, {(changed['id'], '2018-04-09'): 'A', (late['id'], '2018-04-10'): 'L'}))

    app.sign_in('coord')
    app.go(f'/workshops/{wid}')
    grid_section = app.section('Sign-in grid')
    summary = './/summary[contains(., "Import the sign-in grid")]'
    app.wait(lambda: grid_section.find_elements(By.XPATH, summary))
    grid_section.find_element(By.XPATH, summary).click()
    app.field('Sign-in grid (CSV or Excel)', grid_section).send_keys(str(path))
    app.button('Import', grid_section).click()
    app.notice('File checked')
    panel = grid_section.find_element(By.CSS_SELECTOR, 'details.import')
    text = panel.text
    assert 'Checked, nothing saved yet: 40 rows — 2 marks to change and 38 people’s marks as they were.' in text, text
    rows = panel.find_elements(By.CSS_SELECTOR, 'table tbody tr')
    assert len(rows) == 2  # only the rows that change something
    assert changed['full_name'] in rows[0].text and '9 Apr 2018: Present → Absent' in rows[0].text, rows[0].text
    assert late['full_name'] in rows[1].text and '10 Apr 2018: Late (no mark before)' in rows[1].text, rows[1].text
    for raw in ('Record ', 'Person ', 'unchanged', 'set_marks', 'Marks to set'):
        assert raw not in text.replace(changed['full_name'], '').replace(late['full_name'], ''), raw
    app.screenshot('grid-import-checked')

    app.button('Confirm import', grid_section).click()
    app.notice('Imported: 2 marks changed.')
    matrix = app.api(f'/api/v1/workshops/{wid}/attendance')
    marks = {row['person_id']: row['marks'] for row in matrix['rows']}
    assert marks[changed['id']] == ['absent', None] and marks[late['id']] == ['present', 'late']
    assert sum(m == ['present', None] for m in marks.values()) == 38
