"""The whole app in Chinese and in English (issue 中文界面): a coordinator who
chose 中文 sees every screen without English interface text and without a raw
catalog key; data (names, titles, codes) is what it is. The choice is stored
on the user and beats the browser's language."""
import json
import re

import pytest
from selenium.webdriver.common.by import By

PASSWORD = 'a long enough password 中文'

# Every screen of the app; {w} a seeded workshop, {p} a person, {o} an
# organization, {j} a project.
SCREENS = [
    ('home', '/'), ('workshops', '/workshops'), ('workshop-new', '/workshops/new'),
    ('workshop', '/workshops/{w}'), ('workshop-edit', '/workshops/{w}/edit'), ('take-attendance', '/workshops/{w}/attendance'),
    ('people', '/people'), ('people-duplicates', '/people/duplicates'), ('person-new', '/people/new'),
    ('person', '/people/{p}'), ('person-edit', '/people/{p}/edit'),
    ('organizations', '/organizations'), ('organization', '/organizations/{o}'),
    ('organization-new', '/organizations/new'), ('organization-edit', '/organizations/{o}/edit'),
    ('projects', '/projects'), ('project', '/projects/{j}'), ('project-new', '/projects/new'),
    ('project-edit', '/projects/{j}/edit'), ('project-results', '/projects/{j}/results'),
    ('calendar', '/calendar'), ('reports', '/reports'), ('report-attendance', '/reports/attendance?workshop_id={w}'),
    ('report-summary', '/reports/summary?from=2007-01-01&to=2030-12-31'),
    ('report-funder', '/reports/funder?organization_id=8&from=2007-01-01&to=2030-12-31'),
    ('report-submissions', '/reports/submissions'), ('users', '/users'), ('audit', '/audit'),
    ('report-evaluation', '/reports/evaluation?project_id={j}&from=2007-01-01&to=2030-12-31'),
    ('questionnaire-new', '/projects/{j}/questionnaires/new'),
    ('not-found', '/no/such/page'),
]

# Words that are the same in every language: the product, file formats, units.
NOT_ENGLISH = {'capdev', 'CSV', 'XLSX', 'HTML', 'JSON', 'IATI', 'XML', 'ICS', 'PDF', 'URL', 'ID', 'ISO',
               'English', 'CN', 'EDTF', 'HH', 'MM', 'YYYY', 'DD', 'CBMM', 'EU', 'IOM',
               'Outlook', 'Google'}  # calendar products, named so in Chinese too
RAW_KEY = re.compile(r'\b(?:common|nav|signin|web|error|report|figure|field|enum|http|lang)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*\b')

# The visible texts of the page, and the texts of attributes a person meets
# (placeholders, labels for assistive technology, tooltips).
PAGE_TEXTS = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || el.closest('script,style,noscript,[hidden]')) continue;
  const text = n.textContent.trim();
  if (text) out.push(text);
}
for (const el of document.querySelectorAll('[placeholder],[aria-label],[title]')) {
  for (const a of ['placeholder', 'aria-label', 'title']) {
    const v = el.getAttribute(a);
    if (v && v.trim()) out.push(v.trim());
  }
}
return out;
"""


def data_texts(app, username):
    """Every text value the API holds for the records the screens show: data,
    which the interface shows as it was typed."""
    values = set()

    def collect(value):
        if isinstance(value, str):
            values.add(value.strip())
        elif isinstance(value, list):
            for v in value:
                collect(v)
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)

    for path in ['/api/v1/workshops?limit=500', '/api/v1/people?limit=500', '/api/v1/organizations?limit=500',
                 '/api/v1/projects?limit=500', '/api/v1/users?limit=500', '/api/v1/audit?limit=500',
                 '/api/v1/reports/submissions']:
        collect(app.api(path, username='admin'))
    for project in app.api('/api/v1/projects?limit=500', username='admin')['items']:
        results = app.api(f"/api/v1/projects/{project['id']}/results?limit=500", username='admin')
        collect(results)
        for result in results['items']:
            collect(app.api(f"/api/v1/results/{result['id']}/indicators?limit=500", username='admin'))
    return {v for v in values if v}


def english_words(text, data):
    """The Latin words of `text` that are neither data nor words every
    language shares."""
    for value in sorted(data, key=len, reverse=True):
        if len(value) > 1 and value in text:
            text = text.replace(value, ' ')
    words = re.findall(r'[A-Za-z][A-Za-z’\']+', text)
    return [w for w in words if w not in NOT_ENGLISH and not re.fullmatch(r'[A-Z]{2,}', w)]


def untranslated(app, data, where):
    """Raw catalog keys and English words on the Chinese page shown now,
    each named by `where`."""
    found = []
    for text in app.d.execute_script(PAGE_TEXTS):
        if RAW_KEY.search(text):
            found.append(f'{where}: raw key {text!r}')
        words = english_words(text, data)
        if words:
            found.append(f'{where}: English {words} in {text!r}')
    return found


def make_user(app, username, role='coordinator'):
    existing = [u['username'] for u in app.api('/api/v1/users?limit=500', username='admin')['items']]
    if username not in existing:
        app.api('/api/v1/users', {'username': username, 'password': PASSWORD, 'role': role}, username='admin')
    app.server.users[username] = PASSWORD


def visit(app, ids, check):
    for name, path in SCREENS:
        app.go(path.format(**ids))
        texts = app.d.execute_script(PAGE_TEXTS)
        check(name, path, texts)


def seeded_ids(app):
    person = app.api('/api/v1/people?limit=1')['items'][0]['id']
    return {'w': 1, 'p': person, 'o': 13, 'j': 1}


def test_every_screen_in_chinese(app):
    make_user(app, 'zh_admin', 'admin')
    data = data_texts(app, 'admin')
    ids = seeded_ids(app)
    # The switch on the sign-in page: the page itself is in Chinese at once.
    app.button('中文').click()
    app.wait(lambda: app.heading() == '登录', message='the sign-in page did not switch to Chinese')
    assert app.d.execute_script('return document.documentElement.lang') == 'zh-CN'
    app.fill('用户名', 'zh_admin')
    app.fill('密码', PASSWORD)
    app.navigating(lambda: app.button('登录').click())
    # Chosen before signing in, the language became the user's own.
    assert app.api('/api/v1/me', username='zh_admin')['language'] == 'zh'
    nav = [a.text for a in app.d.find_elements(By.CSS_SELECTOR, '#nav a')]
    assert nav == ['培训活动', '人员', '机构', '项目', '日历', '报告', '用户', '审计日志']

    found = []

    def check(name, path, texts):
        for text in texts:
            if RAW_KEY.search(text):
                found.append(f'{path}: raw key {text!r}')
            words = english_words(text, data)
            if words:
                found.append(f'{path}: English {words} in {text!r}')
        app.screenshot(f'zh-{name}')

    visit(app, ids, check)
    app.d.set_window_size(390, 844)
    for name, path in SCREENS:
        app.go(path.format(**ids))
        assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth'), \
            f'{path}: the page scrolls sideways at 390 px'
        app.screenshot(f'zh-phone-{name}')
    assert not found, '\n'.join(found)


def test_every_screen_in_english_has_no_raw_key(app):
    make_user(app, 'en_admin', 'admin')
    ids = seeded_ids(app)
    app.sign_in('en_admin')
    found = []

    def check(name, path, texts):
        for text in texts:
            if RAW_KEY.search(text):
                found.append(f'{path}: raw key {text!r}')

    visit(app, ids, check)
    assert not found, '\n'.join(found)


def test_the_users_setting_beats_the_browser(app):
    make_user(app, 'zh_coord')
    app.api('/api/v1/me', {'language': 'zh'}, method='PATCH', username='zh_coord')
    # The browser asks for English (Chromium's default here); the user's setting wins.
    app.fill('Username', 'zh_coord')
    app.fill('Password', PASSWORD)
    app.navigating(lambda: app.button('Sign in').click())
    app.wait(lambda: app.d.execute_script('return document.documentElement.lang') == 'zh-CN',
             message='the user\'s language was not applied')
    assert app.heading() == '首页'
    # The switch in the header goes back to English and is stored.
    app.navigating(lambda: app.button('English').click())
    assert app.heading() == 'Home'
    assert app.api('/api/v1/me', username='zh_coord')['language'] == 'en'
