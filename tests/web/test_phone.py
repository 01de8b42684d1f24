"""A phone's 390 px: no screen scrolls sideways, and taking attendance is one
tap from the workshop, on a view of its own (today's session, every name in
its row, Save always in sight, targets of at least 44 px). On a desktop, the
grid's Save and All present stay in sight on a 40-row grid."""
import datetime

from selenium.webdriver.common.by import By

from test_screens import ADMIN_SCREENS, COORDINATOR_SCREENS

PHONE = (390, 844)
SURNAMES = [('王', 'WANG'), ('李', 'LI'), ('张', 'ZHANG'), ('刘', 'LIU'), ('陈', 'CHEN'), ('杨', 'YANG'),
            ('黄', 'HUANG'), ('赵', 'ZHAO'), ('欧阳', 'OUYANG'), ('周', 'ZHOU')]
GIVEN = [('芳', 'Fang'), ('伟', 'Wei'), ('娜', 'Na'), ('晓敏', 'Xiaomin'), ('静', 'Jing'), ('丽', 'Li'),
         ('志强', 'Zhiqiang'), ('建国', 'Jianguo')]

# What overflows: the page is wider than its window, and the elements that stick out.
OVERFLOW = """
const root = document.documentElement;
if (root.scrollWidth <= root.clientWidth) return null;
const out = [];
for (const el of document.querySelectorAll('main *, header *')) {
  const r = el.getBoundingClientRect();
  if (r.right > root.clientWidth + 0.5 && el.getClientRects().length) {
    out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
  }
}
return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}: ${out.slice(0, 6).join(', ')}`;
"""

_counter = [0]



def phone_in_both_languages(app, name, heading):
    """The Chinese screen shown now at 390 px, then the same in English (its
    heading `heading`): screens NAME-zh-phone and NAME-phone; neither page
    scrolls sideways."""
    app.d.set_window_size(*PHONE)
    app.wait(lambda: app.d.execute_script('return window.innerWidth') <= PHONE[0])
    assert not app.d.execute_script(OVERFLOW)
    app.check_screen(f'{name}-zh-phone')
    app.d.find_element(By.CSS_SELECTOR, '[data-lang-switch="en"]').click()
    app.wait(lambda: app.heading() == heading)
    app.wait_ready()
    assert not app.d.execute_script(OVERFLOW)
    app.check_screen(f'{name}-phone')

def forty_today(app):
    """A confirmed workshop of yesterday and today with 40 officials registered."""
    _counter[0] += 1
    n = _counter[0]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    project = app.api('/api/v1/projects', {'code': f'PHONE-{n}', 'title': 'Attendance on a phone'})
    w = app.api('/api/v1/workshops', {
        'project_id': project['id'], 'title': f'Training on Document Examination, Xiamen {n}', 'kind': 'training',
        'status': 'confirmed', 'start_date': (today - datetime.timedelta(days=1)).isoformat(),
        'end_date': today.isoformat(), 'city': 'Xiamen'})
    org = app.api('/api/v1/organizations', {'name': f'Xiamen Exit-Entry Frontier Inspection Station {n}',
                                            'native_name': f'厦门出入境边防检查总站{n}', 'kind': 'government'})
    people = []
    for i in range(40):
        (family, family_latin), (given, given_latin) = SURNAMES[i % 10], GIVEN[i % 8]
        person = app.api('/api/v1/people', {'full_name': f'{family_latin} {given_latin}', 'native_name': family + given,
                                            'organization_id': org['id']})
        app.api(f'/api/v1/workshops/{w["id"]}/registrations', {'person_id': person['id']})
        people.append(person)
    return w['id'], people


def on_phone(app):
    app.d.set_window_size(*PHONE)
    app.wait(lambda: app.d.execute_script('return window.innerWidth') <= PHONE[0])


def in_view(app, element):
    """The element is wholly inside the window."""
    return app.d.execute_script(
        'const r = arguments[0].getBoundingClientRect();'
        'return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;', element)


def test_no_screen_scrolls_sideways_at_390_px(app):
    wid, _ = forty_today(app)
    on_phone(app)
    app.sign_in('coord')
    wide = []
    screens = [*COORDINATOR_SCREENS, ('workshop-forty', f'/workshops/{wid}', None),
               ('take-attendance', f'/workshops/{wid}/attendance', 'Take attendance')]
    for name, path, _ in screens:
        app.go(path)
        found = app.d.execute_script(OVERFLOW)
        if found:
            wide.append(f'{path}: {found}')
        app.screenshot(f'phone-{name}')
    app.sign_out_if_needed()
    app.sign_in('admin')
    for name, path, _ in ADMIN_SCREENS:
        app.go(path)
        found = app.d.execute_script(OVERFLOW)
        if found:
            wide.append(f'{path}: {found}')
        app.screenshot(f'phone-{name}')
    app.sign_out_if_needed()
    found = app.d.execute_script(OVERFLOW)
    assert not found, f'/signin: {found}'
    assert not wide, 'screens wider than a 390 px phone:\n' + '\n'.join(wide)


def marks_today(app, wid):
    matrix = app.api(f'/api/v1/workshops/{wid}/attendance')
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    column = next(i for i, s in enumerate(matrix['sessions']) if s['date'] == today)
    return {row['person_id']: row['marks'][column] for row in matrix['rows']}


def mark_button(app, name, mark):
    button = app.d.find_element(By.CSS_SELECTOR, f'.take-marks button[aria-label="{name}: {mark}"]')
    # Tapped where a person would: in the middle of the screen, clear of the Save bar.
    app.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    return button


def test_taking_attendance_on_a_phone(app):
    wid, people = forty_today(app)
    on_phone(app)
    app.sign_in('coord')
    app.go(f'/workshops/{wid}')
    take = app.link('Take attendance')
    assert in_view(app, take), 'Take attendance is not on the first screen of the workshop'
    app.navigating(take.click)
    assert app.heading() == 'Take attendance'
    session = app.field('Session')
    assert 'today' in session.find_element(By.CSS_SELECTOR, 'option:checked').text  # today's session first
    app.check_screen('phone-take-attendance')

    # Every mark is a target of 44 px at least; each row names its person in both scripts.
    small = app.d.execute_script(
        "return [...document.querySelectorAll('.take-marks button, .save-bar button, .take-session select')]"
        ".map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length")
    assert small == 0, f'{small} targets smaller than 44 px'
    rows = app.d.find_elements(By.CSS_SELECTOR, '.take-row')
    assert len(rows) == 40 and any('WANG Fang' in r.text and '王芳' in r.text for r in rows)

    # Save is in sight at the top, in the middle and at the end of the list.
    save = app.button('Save')
    for row in (rows[0], rows[20], rows[39]):
        app.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        assert in_view(app, save) and in_view(app, app.button('All present')), 'Save is out of sight'

    app.button('All present').click()
    assert '40 of 40 marked, 40 not saved' in app.d.find_element(By.CSS_SELECTOR, '.save-bar').text
    mark_button(app, 'LI Wei', 'Late').click()
    save.click()
    app.notice('saved: 40 marks changed')
    marks = marks_today(app, wid)
    li_wei = people[1]['id']
    assert marks[li_wei] == 'late' and sorted(m for p, m in marks.items() if p != li_wei) == ['present'] * 39

    # One mark changed is one mark saved, said so; a second tap clears a mark.
    mark_button(app, 'LI Wei', 'Absent').click()
    mark_button(app, 'ZHANG Na', 'Present').click()  # set: cleared
    assert '39 of 40 marked, 2 not saved' in app.d.find_element(By.CSS_SELECTOR, '.save-bar').text
    save.click()
    app.notice('saved: 2 marks changed')
    marks = marks_today(app, wid)
    assert marks[li_wei] == 'absent' and marks[people[2]['id']] is None

    # The grid on the workshop's page shows the same marks.
    app.navigating(app.link('Back to the workshop').click)
    assert app.d.find_elements(By.CSS_SELECTOR, 'table.grid tbody tr')


def test_the_grid_keeps_save_in_sight_on_a_desktop(app):
    wid, _ = forty_today(app)
    app.sign_in('coord')
    app.go(f'/workshops/{wid}')
    wrap = app.d.find_element(By.CSS_SELECTOR, '#attendance .table-wrap')
    today = datetime.datetime.now(datetime.timezone.utc).date()
    when = f'{today.day} {today.strftime("%b")} {today.year}'
    save = app.d.find_element(By.CSS_SELECTOR, f'button[aria-label="Save attendance for {when}"]')
    everyone = app.d.find_element(By.CSS_SELECTOR, f'button[aria-label^="All present on {when}"]')
    first = app.d.find_element(By.CSS_SELECTOR, 'table.grid tbody tr:first-child td button')
    last = app.d.find_element(By.CSS_SELECTOR, 'table.grid tbody tr:last-child td button')
    app.d.execute_script('arguments[0].scrollIntoView()', wrap)
    assert in_view(app, first) and in_view(app, save) and in_view(app, everyone), \
        'the first row and the Save row are not in sight together'
    app.d.execute_script('arguments[0].scrollTop = arguments[0].scrollHeight', wrap)
    assert in_view(app, last) and in_view(app, save) and in_view(app, everyone), \
        'the last row and the Save row are not in sight together'
    app.screenshot('desktop-grid-forty')
