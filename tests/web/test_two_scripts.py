"""Records in two scripts, through the browser: a participant list as host
agencies send it (a title row, Chinese headers, Chinese-only names, agencies
named in Chinese, one of them unknown, a person twice, a row without a name)
imported with its agencies mapped or created; people found by pinyin;
duplicate people merged or told apart; two organizations merged. Screenshots
at 1366 px and at a phone's 390 px."""
import io
import re

import openpyxl
from selenium.webdriver.common.by import By

from helpers import xpath_literal

TITLE_ROW = '2026年出入境管理培训班学员名单'
HEADERS = ['序号', '姓名', '性别', '单位', '职务', '省份', '手机', '邮箱']
MPS_ZH = '公安部出入境管理局'
XIAMEN_ZH = '厦门市公安局出入境管理支队'
SHENZHEN_ZH = '深圳市公安局出入境管理支队'
LIST = [
    [1, '王芳', '女', MPS_ZH, '科长', '北京', '13912340001', 'wangfang.ts@example.cn'],
    [2, '李强', '男', MPS_ZH, '副处长', '北京', '13912340002', 'liqiang.ts@example.cn'],
    [3, '张伟', '男', XIAMEN_ZH, '科员', '福建', '13912340003', ''],
    [4, '刘娜', '女', XIAMEN_ZH, '科员', '福建', '13912340004', ''],
    [5, '陈静', '女', SHENZHEN_ZH, '科长', '广东', '13912340005', 'chenjing.ts@example.cn'],
    [6, '杨磊', '男', MPS_ZH, '处长', '北京', '13912340006', ''],
    [7, '黄丽', '女', MPS_ZH, '科员', '北京', '13912340007', ''],
    [8, '赵敏', '女', SHENZHEN_ZH, '科员', '广东', '13912340008', ''],
    [9, '', '女', MPS_ZH, '科员', '北京', '13912340009', ''],           # no name
    [10, '周杰', '男', MPS_ZH, '科员', '北京', '13912340010', ''],
    [11, '欧阳娜娜', '女', XIAMEN_ZH, '科员', '福建', '13912340011', ''],  # a compound surname
    [12, '李强', '男', MPS_ZH, '副处长', '北京', '13912340002', 'liqiang.ts@example.cn'],  # row 2 again
]
PHONE = (390, 844)


def list_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([TITLE_ROW])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    for row in LIST:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path


def all_items(app, path):
    items, cursor = [], None
    while True:
        page = app.api(path + ('&' if '?' in path else '?') + 'limit=500' + (f'&cursor={cursor}' if cursor else ''))
        items += page['items']
        cursor = page['next_cursor']
        if not cursor:
            return items


def organization_named(app, name):
    return next((o for o in all_items(app, '/api/v1/organizations') if o['name'] == name), None)


def screenshots(app, name):
    """The screen at 1366 px and at 390 px; on the phone the page itself never scrolls sideways."""
    app.screenshot(name)
    app.d.set_window_size(*PHONE)
    try:
        app.wait(lambda: app.d.execute_script('return window.innerWidth') <= PHONE[0] + 20)
        app.screenshot(f'{name}-phone')
        assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth'), \
            f'{name}: the page scrolls sideways at {PHONE[0]} px'
    finally:
        app.d.set_window_size(1366, 768)


def agency(app, name):
    return app.d.find_element(By.XPATH, f'//article[contains(@class, "agency")][h4[normalize-space()={xpath_literal(name)}]]')


def import_summary(app):
    return app.d.find_element(By.CSS_SELECTOR, '.import-summary').text


def test_a_host_agency_list_in_chinese(app, tmp_path):
    # The ministry's bureau is known by its Chinese name; the Xiamen division is
    # recorded in English only; the Shenzhen one not at all.
    mps = app.api('/api/v1/organizations?q=' + 'MPS%20Bureau%20of%20Exit')['items'][0]
    if mps.get('native_name') != MPS_ZH:
        app.api(f'/api/v1/organizations/{mps["id"]}', {'native_name': MPS_ZH}, method='PATCH')
    xiamen = app.api('/api/v1/organizations', {
        'name': 'Xiamen Municipal PSB Exit-Entry Administration Division', 'kind': 'government'})
    project = app.api('/api/v1/projects', {'code': 'ZH-LIST', 'title': 'Lists in Chinese'})
    w = app.api('/api/v1/workshops', {'project_id': project['id'], 'title': 'Exit-entry administration training 2026',
                                      'kind': 'training', 'status': 'held', 'start_date': '2026-03-02',
                                      'end_date': '2026-03-04', 'city': 'Xiamen'})
    orgs_before = {o['id'] for o in all_items(app, '/api/v1/organizations')}
    path = list_xlsx(tmp_path / '学员名单.xlsx')

    app.sign_in('coord')
    registrations = app.open_participant_import(w['id'])
    app.field('Participant list (CSV or Excel)', registrations).send_keys(str(path))
    app.button('Import', registrations).click()
    app.notice('2 agencies not recognised')

    # The dry run in words, each row with its names and its problems
    summary = import_summary(app)
    for words in ('10 new people', '1 duplicate within the file', '1 row with errors', '2 agencies not recognised',
                  'Headers found in row 2'):
        assert words in summary, summary
    rows = app.section('Registrations').find_element(By.XPATH, './/table[caption[normalize-space()="Rows of the file"]]')
    assert '王芳' in rows.text and 'WANG Fang' in rows.text and 'OUYANG Nana' in rows.text
    no_name = rows.find_element(By.XPATH, './/tr[td[1][normalize-space()="11"]]')  # 序号 9 is the sheet's row 11
    assert 'Error' in no_name.text and 'Name:' in no_name.text
    assert 'Person ' not in rows.text
    assert not app.button('Confirm import').is_enabled()
    assert 'Named in rows 5, 6 and 13' in agency(app, XIAMEN_ZH).text
    app.check_screen('import-unmatched-agencies')
    screenshots(app, 'import-unmatched-agencies')

    # The Xiamen division: mapped to its English record, picked by name
    app.pick('Find an organization', 'Xiamen Municipal', 'Xiamen Municipal PSB', within=agency(app, XIAMEN_ZH))
    app.button('Map to this organization', agency(app, XIAMEN_ZH)).click()
    app.notice(f'“{XIAMEN_ZH}” is now another name of Xiamen Municipal PSB')
    app.wait(lambda: '1 agency not recognised' in import_summary(app))
    assert XIAMEN_ZH in app.api(f'/api/v1/organizations/{xiamen["id"]}')['aliases']

    # The Shenzhen division: created, under the provincial public security bureaus
    shenzhen = agency(app, SHENZHEN_ZH)
    shenzhen.find_element(By.XPATH, './/summary[normalize-space()="Or create it as a new organization"]').click()
    assert app.field('Name', shenzhen).get_attribute('value') == SHENZHEN_ZH
    app.choose('Kind', 'Government', within=shenzhen)
    app.pick('Parent organization', 'Provincial Public Security', 'Provincial Public Security Bureaus', within=shenzhen)
    app.screenshot('import-create-agency')
    app.button('Create organization', shenzhen).click()
    app.notice(f'Organization “{SHENZHEN_ZH}” created.')
    app.wait(lambda: 'not recognised' not in import_summary(app))
    assert not app.d.find_elements(By.CSS_SELECTOR, '.agencies')

    # The row without a name stays out when the coordinator says so
    assert not app.button('Confirm import').is_enabled()
    app.field('Save the valid rows and skip the rows with errors').click()
    app.wait(lambda: app.button('Confirm import').is_enabled())
    app.button('Confirm import').click()
    app.notice('1 row with errors left out')

    saved = all_items(app, f'/api/v1/workshops/{w["id"]}/registrations')
    assert sorted(r['list_order'] for r in saved) == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11]
    people = [app.api(f'/api/v1/people/{r["person_id"]}') for r in saved]
    for person in people:
        assert person['native_name'] and person['full_name_generated'] is True, person
        assert person['full_name'].isascii() and re.fullmatch(r'[A-Z]+ [A-Z][a-z]+', person['full_name']), person
    by_name = {p['native_name']: p for p in people}
    assert by_name['王芳']['full_name'] == 'WANG Fang' and by_name['欧阳娜娜']['full_name'] == 'OUYANG Nana'
    assert by_name['王芳']['organization_id'] == mps['id'] and by_name['张伟']['organization_id'] == xiamen['id']
    assert by_name['王芳']['phone'] == '13912340001'
    created = [o for o in all_items(app, '/api/v1/organizations') if o['id'] not in orgs_before]
    assert [(o['name'], o['kind']) for o in created] == [(SHENZHEN_ZH, 'government')]
    assert by_name['陈静']['organization_id'] == created[0]['id']

    # The registrations follow the list's numbering
    table = app.section('Registrations').find_element(By.CSS_SELECTOR, 'table')
    first = table.find_element(By.CSS_SELECTOR, 'tbody tr')
    assert first.text.startswith('1') and 'WANG Fang' in first.text
    grid = app.section('Sign-in grid').find_element(By.CSS_SELECTOR, 'table.grid tbody th')
    assert grid.text.startswith('WANG Fang')
    app.screenshot('workshop-imported')

    # Found by pinyin without spaces
    app.go('/people?q=wangfang')
    results = app.d.find_element(By.CSS_SELECTOR, 'main table')
    assert '王芳' in results.text
    app.navigating(lambda: app.d.find_element(
        By.XPATH, f'//main//tr[td[normalize-space()="王芳"]]//a[normalize-space()="WANG Fang"][@href="#/people/{by_name["王芳"]["id"]}"]').click())
    assert 'Generated from the Chinese name' in app.section('Details').text
    app.navigating(lambda: app.link('Edit').click())
    name = app.field('Full name (Latin script)')
    assert name.get_attribute('value') == 'WANG Fang'
    assert 'Generated from the Chinese name — correct it if needed' in app.d.find_element(
        By.ID, name.get_attribute('aria-describedby')).text
    app.check_screen('person-generated-edit')


def pair_article(app, *record_ids):
    conditions = ' and '.join(f'.//a[normalize-space()="Record {i}"]' for i in record_ids)
    return app.d.find_elements(By.XPATH, f'//article[contains(@class, "pair")][{conditions}]')


def test_possible_duplicates_merged_or_told_apart(app):
    org = app.api('/api/v1/organizations?q=Beijing%20Frontier')['items'][0]
    first = app.api('/api/v1/people', {'native_name': '郑浩', 'organization_id': org['id'], 'email': 'zhenghao.dup@example.cn'})
    second = app.api('/api/v1/people', {'native_name': '郑浩', 'organization_id': org['id'], 'phone': '+86 139 0000 1111',
                                        'position': 'Inspector'})
    project = app.api('/api/v1/projects', {'code': 'DUP', 'title': 'Duplicates'})
    w = app.api('/api/v1/workshops', {'project_id': project['id'], 'title': 'Document checks', 'kind': 'training',
                                      'status': 'held', 'start_date': '2025-05-06', 'end_date': '2025-05-06', 'city': 'Beijing'})
    app.api(f'/api/v1/workshops/{w["id"]}/registrations', {'person_id': first['id']})
    apart = [app.api('/api/v1/people', {'full_name': name, 'phone': '+86 139 5555 0101'}) for name in ('Sun Mei', 'Sun Meiling')]

    app.sign_in('coord')
    app.go('/people')
    # The link counts the pairs as the screen lists them: up to 500 (then "500+").
    pairs = app.api('/api/v1/people/duplicates?limit=500')
    assert pairs['next_cursor'] is None
    count = len(pairs['items'])
    app.navigating(lambda: app.link(f'Possible duplicates ({count})').click())
    assert app.heading() == 'Possible duplicates'
    pair = pair_article(app, first['id'], second['id'])[0]
    assert 'Same Chinese name in the same organization' in pair.text
    assert 'differs' in pair.find_element(By.XPATH, './/tr[th[starts-with(normalize-space(), "Phone")]]').text
    assert '1 workshop' in pair.text
    app.check_screen('duplicates')
    screenshots(app, 'duplicates')

    # Merged: the record with the workshop is offered as the one to keep, and takes the phone
    app.button('Merge', pair_article(app, first['id'], second['id'])[0]).click()
    dialog = app.dialog()
    keep = dialog.find_element(By.XPATH, f'.//label[starts-with(normalize-space(), "Keep record {first["id"]}:")]')
    assert app.d.find_element(By.ID, keep.get_attribute('for')).is_selected()
    app.button('Merge records', dialog).click()
    app.notice('merged into ZHENG Hao')
    app.wait(lambda: not pair_article(app, first['id'], second['id']))
    outcome = app.d.find_element(By.CSS_SELECTOR, '.merge-outcome').text
    assert 'Filled in from the merged record' in outcome and 'phone' in outcome and 'position' in outcome
    kept = app.api(f'/api/v1/people/{first["id"]}')
    assert kept['phone'] == '+86 139 0000 1111' and kept['email'] == 'zhenghao.dup@example.cn'

    # Two people sharing a phone: marked as distinct
    app.button('Not the same person', pair_article(app, *[p['id'] for p in apart])[0]).click()
    app.notice('marked as two different people')
    app.wait(lambda: not pair_article(app, *[p['id'] for p in apart]))
    listed = [set(item['people']) for item in app.api('/api/v1/people/duplicates?limit=500')['items']]
    assert {first['id'], second['id']} not in listed and {p['id'] for p in apart} not in listed
    assert len(listed) == count - 2


def test_a_person_page_lists_and_merges_duplicates(app):
    org = app.api('/api/v1/organizations?q=Shanghai%20Frontier')['items'][0]
    person = app.api('/api/v1/people', {'full_name': 'Qian Yu', 'native_name': '钱宇', 'organization_id': org['id'],
                                        'phone': '+86 21 5555 0199', 'email': 'qianyu.dup@example.cn'})
    other = app.api('/api/v1/people', {'native_name': '钱宇', 'organization_id': org['id'], 'province': '上海',
                                       'email': 'qian.yu.sh@example.cn'})
    app.sign_in('coord')
    app.go(f'/people/{person["id"]}')
    duplicates = app.section('Possible duplicates')
    assert f'Record {other["id"]}' in duplicates.text and 'Same Chinese name in the same organization' in duplicates.text
    app.check_screen('person-duplicates')
    screenshots(app, 'person-duplicates')

    # The merge picker offers the other record, never this one, with its contacts
    merge = app.section('Merge a duplicate')
    box = app.fill('The other record', '钱宇', within=merge)
    listbox = app.d.find_element(By.ID, box.get_attribute('aria-controls'))
    app.wait(lambda: listbox.find_elements(By.CSS_SELECTOR, 'li[role=option]'))
    options = [li.text for li in listbox.find_elements(By.CSS_SELECTOR, 'li[role=option]')]
    assert len(options) == 1 and 'qian.yu.sh@example.cn' in options[0], options
    listbox.find_element(By.CSS_SELECTOR, 'li[role=option]').click()
    app.choose('Keep', 'This record', within=merge)
    app.button('Merge the two records', merge).click()
    app.navigating(lambda: app.button('Merge', app.dialog()).click())
    app.notice('merged into Qian Yu')
    note = app.d.find_element(By.CSS_SELECTOR, '.merge-outcome').text
    assert 'province' in note and 'Different in the two records' in note
    assert 'email: kept “qianyu.dup@example.cn”; the merged record had “qian.yu.sh@example.cn”' in note
    assert app.api(f'/api/v1/people/{person["id"]}')['province'] == '上海'
    app.screenshot('person-merged')


def test_two_organizations_merged(app):
    kept = app.api('/api/v1/organizations', {'name': 'Fujian Provincial Exit-Entry Bureau', 'native_name': '福建省公安厅出入境管理局',
                                             'kind': 'government'})
    merged = app.api('/api/v1/organizations', {'name': 'Fujian Exit and Entry Administration', 'short_name': 'FJEEA',
                                               'kind': 'government'})
    person = app.api('/api/v1/people', {'full_name': 'Lin Hui', 'organization_id': merged['id']})
    app.sign_in('coord')

    # Other names are edited one per line
    app.go(f'/organizations/{kept["id"]}/edit')
    app.fill('Other names', 'Fujian EEB\n福建出入境')
    app.navigating(lambda: app.button('Save').click())
    assert 'Fujian EEB' in app.section('Details').text
    assert app.api(f'/api/v1/organizations/{kept["id"]}')['aliases'] == ['Fujian EEB', '福建出入境']

    app.go(f'/organizations/{merged["id"]}')
    app.button('Merge into…').click()
    dialog = app.dialog()
    app.pick('Keep this organization', '福建出入境', 'Fujian Provincial Exit-Entry Bureau', within=dialog)
    assert 'Into Fujian Provincial Exit-Entry Bureau' in dialog.text and '1 person' in dialog.text and 'FJEEA' in dialog.text
    app.screenshot('organization-merge')
    app.navigating(lambda: app.button('Merge', dialog).click())
    assert app.heading() == 'Fujian Provincial Exit-Entry Bureau'
    app.notice('Fujian Exit and Entry Administration merged into Fujian Provincial Exit-Entry Bureau')
    assert 'Fujian Exit and Entry Administration' in app.section('Details').text
    aliases = app.api(f'/api/v1/organizations/{kept["id"]}')['aliases']
    assert {'Fujian Exit and Entry Administration', 'FJEEA', 'Fujian EEB'} <= set(aliases)
    assert app.api(f'/api/v1/people/{person["id"]}')['organization_id'] == kept['id']
    assert 'Lin Hui' in app.section('People').text
    app.check_screen('organization-merged')
