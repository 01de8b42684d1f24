"""What coordinators print: the sign-in sheets through Chromium's print to PDF
(pages counted with pdfinfo, read with pdftotext), and the workbooks' page
setup as a spreadsheet program reads it back (openpyxl)."""
import base64
import io
import json
import re
import subprocess
import urllib.error
import urllib.request

import openpyxl

SURNAMES = [('王', 'WANG'), ('李', 'LI'), ('张', 'ZHANG'), ('刘', 'LIU'), ('陈', 'CHEN'), ('杨', 'YANG'),
            ('黄', 'HUANG'), ('赵', 'ZHAO'), ('欧阳', 'OUYANG'), ('周', 'ZHOU')]
GIVEN = [('芳', 'Fang'), ('伟', 'Wei'), ('娜', 'Na'), ('晓敏', 'Xiaomin'), ('静', 'Jing'), ('丽', 'Li'),
         ('志强', 'Zhiqiang'), ('建国', 'Jianguo')]
AGENCIES = [
    ('National Immigration Administration, Border Control Department', '国家移民管理局边防检查管理司'),
    ('Zhejiang Provincial Public Security Department, Exit-Entry Administration', '浙江省公安厅出入境管理局'),
    ("Ministry of Public Security of the People's Republic of China", '中华人民共和国公安部'),
    ('Fujian Provincial Public Security Department', '福建省公安厅'),
]

_counter = [0]


def a_workshop(app, people, days=3):
    """A held workshop of `days` sessions with `people` officials, each with both
    names and an agency with both names."""
    _counter[0] += 1
    n = _counter[0]
    project = app.api('/api/v1/projects', {'code': f'PAPER-{n}', 'title': 'Printed sheets'})
    w = app.api('/api/v1/workshops', {
        'project_id': project['id'], 'title': f'Training on Document Examination and Border Control Cooperation {n}',
        'kind': 'training', 'status': 'held', 'start_date': '2026-09-07', 'end_date': f'2026-09-{6 + days:02d}',
        'city': 'Xiamen', 'venue': 'Xiamen International Conference Centre'})
    orgs = [app.api('/api/v1/organizations', {'name': f'{name} ({n})', 'native_name': f'{native}（{n}）',
                                              'kind': 'government'})['id'] for name, native in AGENCIES]
    for i in range(people):  # 40 different names
        (family, family_latin), (given, given_latin) = SURNAMES[i % 10], GIVEN[i % 8]
        person = app.api('/api/v1/people', {
            'full_name': f'{family_latin} {given_latin}', 'native_name': family + given, 'organization_id': orgs[i % 4]})
        app.api(f'/api/v1/workshops/{w["id"]}/registrations', {'person_id': person['id']})
    return w['id']


def printed(app, path, tmp_path, name):
    """The page at path printed by Chromium to an A4 PDF, as a print dialog would."""
    app.d.get(app.server.base_url + path)
    pdf = app.d.execute_cdp_cmd('Page.printToPDF', {'preferCSSPageSize': True, 'printBackground': True})
    out = tmp_path / f'{name}.pdf'
    out.write_bytes(base64.b64decode(pdf['data']))
    app.go('/')
    return out


def pages(pdf):
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith('Pages:')))


def page_text(pdf, page):
    return subprocess.run(['pdftotext', '-layout', '-f', str(page), '-l', str(page), str(pdf), '-'],
                          capture_output=True, text=True, check=True).stdout


def rows(text):
    """The numbers of the rows printed on a page."""
    return [int(m) for m in re.findall(r'^ *(\d+) +\S', text, re.M) if int(m) < 100]


def test_a_session_of_25_prints_on_one_page(app, tmp_path):
    app.sign_in('coord')
    wid = a_workshop(app, 25)
    pdf = printed(app, f'/api/v1/workshops/{wid}/attendance?format=html', tmp_path, 'sheets-25')
    assert pages(pdf) == 3  # three sessions, a page each, no blank page between
    for page, day in enumerate(['2026年9月7日', '2026年9月8日', '2026年9月9日'], start=1):
        text = page_text(pdf, page)
        assert day in text and '签名' in text and 'Signature' in text
        assert rows(text) == list(range(1, 26)), f'page {page}: not every person on it'


def test_a_longer_list_continues_with_the_heading_repeated(app, tmp_path):
    app.sign_in('coord')
    wid = a_workshop(app, 40, days=2)
    pdf = printed(app, f'/api/v1/workshops/{wid}/attendance?format=html', tmp_path, 'sheets-40')
    assert pages(pdf) == 4  # each session on two pages
    texts = [page_text(pdf, p) for p in range(1, 5)]
    for text, day in zip(texts, ['2026年9月7日', '2026年9月7日', '2026年9月8日', '2026年9月8日']):
        assert day in text and 'Document Examination' in text, 'the heading is not on every page'
        assert '签名' in text and 'Signature' in text, 'the column headings are not on every page'
    assert rows(texts[0]) + rows(texts[1]) == list(range(1, 41))
    assert rows(texts[2]) + rows(texts[3]) == list(range(1, 41))


def download(app, path):
    app.api('/api/v1/me')  # signs the API in
    request = urllib.request.Request(app.server.base_url + path, headers={'Authorization': f'Bearer {app.tokens["coord"]}'})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read()


# The values of every enumeration the API has: none is a workbook's text.
ENUMS = None


def enum_values(app):
    global ENUMS
    if ENUMS is None:
        found = set()

        def walk(node):
            if isinstance(node, dict):
                if isinstance(node.get('enum'), list):
                    found.update(v for v in node['enum'] if isinstance(v, str))
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(json.loads(download(app, '/api/v1/openapi.json')))
        ENUMS = found
    return ENUMS


def test_workbooks_print_landscape_one_page_wide_with_their_headers(app):
    wid = a_workshop(app, 30)
    seeded = 'from=2007-01-01&to=2030-12-31'
    books = {
        'funder': f'/api/v1/reports/funder?organization_id=8&{seeded}&format=xlsx',
        'funder-zh': f'/api/v1/reports/funder?organization_id=8&{seeded}&format=xlsx&lang=zh',
        'summary': f'/api/v1/reports/summary?{seeded}&format=xlsx',
        'attendance': f'/api/v1/reports/attendance?workshop_id={wid}&format=xlsx',
        'results': f'/api/v1/projects/1/results/report?{seeded}&format=xlsx',
        'grid': f'/api/v1/workshops/{wid}/attendance?format=xlsx',
    }
    # A submitted report opened as the workbook it was, where the server renders one.
    submitted = app.api('/api/v1/reports/submissions', {
        'report': 'funder', 'params': {'organization_id': '8', 'from': '2007-01-01', 'to': '2030-12-31'}})
    try:
        download(app, f'/api/v1/reports/submissions/{submitted["id"]}?format=xlsx')
        books['submitted'] = f'/api/v1/reports/submissions/{submitted["id"]}?format=xlsx'
    except urllib.error.HTTPError as e:
        assert e.code == 400  # not rendered by this server
    raw = []
    for name, path in books.items():
        book = openpyxl.load_workbook(io.BytesIO(download(app, path)))
        for sheet in book.worksheets:
            where = f'{name}: {sheet.title}'
            setup = sheet.page_setup
            assert setup.orientation == 'landscape', where
            assert str(setup.paperSize) == '9', where  # A4
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            # One page wide (1, Excel's default, is left out of the file), any number tall.
            assert int(setup.fitToWidth or 1) == 1 and int(setup.fitToHeight) == 0, where
            # The header row (the frozen one's upper neighbour) repeats on every page.
            header_row = int(re.sub(r'\D', '', sheet.freeze_panes)) - 1
            assert sheet.print_title_rows.replace('$', '') == f'{header_row}:{header_row}', f'{where}: {sheet.print_title_rows}'
            raw += [f'{where}!{c.coordinate}: {c.value}' for row in sheet.iter_rows() for c in row
                    if isinstance(c.value, str) and c.value in enum_values(app)]
    assert not raw, 'enumeration values where words belong:\n' + '\n'.join(raw)
