"""Evaluation through the coordinator's screens (issue 32): a knowledge test
written in the questionnaire editor in English and Chinese (a refused save
explained at the field, nothing typed lost; items moved; reopened whole); the
evaluation report of a workshop whose answers were posted through the API,
checked against figures worked out by hand below; an indicator counted from
evaluations made in the results framework's form and counted in its report.
Screenshots at 1366 and 390 px, in English and in Chinese."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import xpath_literal
from test_languages import data_texts, untranslated
from test_two_scripts import screenshots

PASSWORD = 'a long enough password 评估'

TEST_TITLE = 'Document examination test'
TEST_TITLE_ZH = '证件检查知识测试'
Q1 = 'Which feature shows that a passport page was replaced?'
Q1_ZH = '哪一特征表明护照页曾被替换？'
OPTIONS = [('Misaligned laminate', '覆膜错位'), ('A colour photograph', '彩色照片'), ('An entry stamp', '入境印章')]
Q2 = 'Name two security features of the data page.'
Q2_ZH = '请说出资料页的两项防伪特征。'


def item_box(app, n):
    return app.d.find_element(By.XPATH, f"//fieldset[contains(@class,'q-item')][legend[normalize-space()='Item {n}']]")


def value(app, label, within):
    return app.field(label, within).get_attribute('value')


def fill_option(app, item, n, english, chinese):
    app.fill(f'Option {n} (English)', english, within=item)
    app.fill(f'Option {n} (Chinese)', chinese, within=item)


# --- the questionnaire editor ---------------------------------------------------------------

def test_knowledge_test_written_in_the_editor(app):
    project = app.api('/api/v1/projects', {'code': 'QET', 'title': 'Questionnaire editor test project'})
    pid = project['id']
    app.sign_in('coord')
    app.go(f'/projects/{pid}')
    questionnaires = app.section('Questionnaires')
    assert 'No questionnaire yet.' in questionnaires.text
    app.navigating(lambda: app.link('New questionnaire', questionnaires).click())
    assert app.heading() == 'New questionnaire for QET'
    # A reaction survey at first, anonymous; a knowledge test is not, unless chosen
    assert Select(app.field('Kind')).first_selected_option.get_attribute('value') == 'reaction'
    assert app.field('Anonymous').is_selected()
    Select(app.field('Kind')).select_by_value('knowledge_test')
    assert not app.field('Anonymous').is_selected()
    app.fill('Title (English)', TEST_TITLE)
    app.fill('Title (Chinese)', TEST_TITLE_ZH)

    # Item 1: a single choice (what a knowledge test starts with), two options given, a third added
    item = item_box(app, 1)
    assert value(app, 'Key', item) == 'q1'
    assert Select(app.field('Type', item)).first_selected_option.get_attribute('value') == 'single_choice'
    app.fill('Text (English)', Q1, within=item)   # its Chinese text forgotten for now
    fill_option(app, item, 1, *OPTIONS[0])
    fill_option(app, item, 2, *OPTIONS[1])
    app.button('Add option', item).click()
    fill_option(app, item, 3, *OPTIONS[2])
    app.choose('Correct option', f'1 — {OPTIONS[0][0]}', within=item)

    # Item 2: a score marked by hand
    app.button('Add item').click()
    item = item_box(app, 2)
    assert value(app, 'Key', item) == 'q2'
    Select(app.field('Type', item)).select_by_value('score')
    assert not app.field('Option 1 (English)', item).is_displayed()
    app.fill('Text (English)', Q2, within=item)
    app.fill('Text (Chinese)', Q2_ZH, within=item)
    app.fill('Maximum score', '4', within=item)

    # Moving: item 2 up is item 1, and back down
    app.button('Move up', item).click()
    assert value(app, 'Key', item_box(app, 1)) == 'q2' and value(app, 'Key', item_box(app, 2)) == 'q1'
    assert app.d.switch_to.active_element == app.button('Move down', item_box(app, 1))
    app.button('Move down', item_box(app, 1)).click()
    assert value(app, 'Key', item_box(app, 1)) == 'q1' and value(app, 'Key', item_box(app, 2)) == 'q2'
    # An item added and removed again
    app.button('Add item').click()
    assert value(app, 'Key', item_box(app, 3)) == 'q3'
    app.button('Remove item', item_box(app, 3)).click()
    assert not app.d.find_elements(By.XPATH, "//fieldset[contains(@class,'q-item')][legend[normalize-space()='Item 3']]")
    app.check_screen('questionnaire-new')
    screenshots(app, 'questionnaire-new')

    # Refused: item 1 has no Chinese text, item 2's key repeats item 1's. Each explained
    # there; nothing typed is lost, nothing saved.
    app.fill('Key', 'q1', within=item_box(app, 2))
    app.allow_console(rf'/api/v1/projects/{pid}/questionnaires - Failed to load resource: .* 422')
    app.button('Create questionnaire').click()
    native = app.field('Text (Chinese)', item_box(app, 1))
    app.wait(lambda: native.get_attribute('aria-invalid') == 'true', message='no error at item 1, Text (Chinese)')
    wrapper = native.find_element(By.XPATH, './ancestor::div[contains(@class, "field")][1]')
    error = wrapper.find_element(By.CSS_SELECTOR, '.field-error')
    assert error.is_displayed() and error.text.strip()
    assert error.get_attribute('id') in native.get_attribute('aria-describedby')
    assert app.d.switch_to.active_element == native
    assert app.d.find_element(By.CSS_SELECTOR, '.form-summary').text.startswith('Not saved.')
    assert app.field('Text (Chinese)', item_box(app, 2)).get_attribute('aria-invalid') is None
    repeated = item_box(app, 2).find_element(By.XPATH, "./p[contains(@class, 'field-error')]")
    assert repeated.is_displayed() and repeated.text.strip()
    assert app.field('Key', item_box(app, 2)).get_attribute('aria-invalid') == 'true'
    assert value(app, 'Title (English)', None) == TEST_TITLE and value(app, 'Title (Chinese)', None) == TEST_TITLE_ZH
    assert value(app, 'Option 3 (Chinese)', item_box(app, 1)) == OPTIONS[2][1]
    assert value(app, 'Correct option', item_box(app, 1)) == '1'
    assert value(app, 'Maximum score', item_box(app, 2)) == '4'
    assert app.api(f'/api/v1/projects/{pid}/questionnaires')['items'] == []
    app.check_screen('questionnaire-refused')
    screenshots(app, 'questionnaire-refused')

    # Fixed, saved: back on the project's page, listed
    app.fill('Text (Chinese)', Q1_ZH, within=item_box(app, 1))
    app.fill('Key', 'q2', within=item_box(app, 2))
    app.navigating(lambda: app.button('Create questionnaire').click())
    app.notice(f'Questionnaire “{TEST_TITLE}” created.')
    row = app.section('Questionnaires').find_element(By.XPATH, f".//tr[.//a[normalize-space()={xpath_literal(TEST_TITLE)}]]")
    cells = [c.text for c in row.find_elements(By.XPATH, './th|./td')]
    assert cells[2:] == ['No', '2'], cells
    saved = app.api(f'/api/v1/projects/{pid}/questionnaires')['items']
    assert len(saved) == 1
    q = saved[0]
    assert (q['kind'], q['title'], q['native_title'], q['anonymous']) == ('knowledge_test', TEST_TITLE, TEST_TITLE_ZH, False)
    first, second = q['items']
    assert (first['key'], first['type'], first['text'], first['native_text'], first['correct_option']) == (
        'q1', 'single_choice', Q1, Q1_ZH, 1)
    assert [(o['text'], o['native_text']) for o in first['options']] == OPTIONS
    assert (second['key'], second['type'], second['text'], second['native_text'], second['max_score'], second['options']) == (
        'q2', 'score', Q2, Q2_ZH, 4, [])
    app.check_screen('project-questionnaires')
    screenshots(app, 'project-questionnaires')

    # Reopened: everything as it was typed
    app.navigating(lambda: app.link(TEST_TITLE).click())
    assert app.heading() == f'Questionnaire: {TEST_TITLE}'
    assert value(app, 'Kind', None) == 'knowledge_test' and not app.field('Anonymous').is_selected()
    assert value(app, 'Title (English)', None) == TEST_TITLE and value(app, 'Title (Chinese)', None) == TEST_TITLE_ZH
    one, two = item_box(app, 1), item_box(app, 2)
    assert [value(app, name, one) for name in ('Key', 'Type', 'Text (English)', 'Text (Chinese)', 'Correct option')] == [
        'q1', 'single_choice', Q1, Q1_ZH, '1']
    assert [(value(app, f'Option {n} (English)', one), value(app, f'Option {n} (Chinese)', one)) for n in (1, 2, 3)] == OPTIONS
    assert [value(app, name, two) for name in ('Key', 'Type', 'Text (English)', 'Text (Chinese)', 'Maximum score')] == [
        'q2', 'score', Q2, Q2_ZH, '4']
    # A change saved with PATCH: the correct option is now the second
    app.choose('Correct option', f'2 — {OPTIONS[1][0]}', within=one)
    app.navigating(lambda: app.button('Save questionnaire').click())
    app.notice(f'Questionnaire “{TEST_TITLE}” saved.')
    assert app.api(f'/api/v1/questionnaires/{q["id"]}')['items'][0]['correct_option'] == 2
    app.go(f'/questionnaires/{q["id"]}')
    app.check_screen('questionnaire-edit')
    screenshots(app, 'questionnaire-edit')


# --- the evaluation report -----------------------------------------------------------------

# A class of eight participants (and one cancelled, who is not invited). The
# knowledge test: q1 a single choice worth 1 point (correct: option 2), q2 a
# score out of 4; a score is points ÷ 5.
PEOPLE = [  # name, sex
    ('Ann Eval', 'female'), ('Bea Eval', 'female'), ('Cal Eval', 'male'), ('Dan Eval', 'male'),
    ('Eve Eval', 'female'), ('Fay Eval', 'female'), ('Gia Eval', 'female'), ('Hal Eval', 'male'),
]
PRE = {  # q1, q2 -> score
    'Ann Eval': (1, 1),    # 0 + 1 = 1/5 = 20 %
    'Bea Eval': (2, 1),    # 1 + 1 = 2/5 = 40 %
    'Cal Eval': (3, 2),    # 0 + 2 = 2/5 = 40 %
    'Dan Eval': (2, 3),    # 1 + 3 = 4/5 = 80 %
    'Eve Eval': (2, 4),    # 1 + 4 = 5/5 = 100 %, took the pre-test only
}
POST = {
    'Ann Eval': (2, 3),    # 4/5 = 80 %  improved, mastery
    'Bea Eval': (1, 2.5),  # 2.5/5 = 50 %  improved
    'Cal Eval': (1, 1),    # 1/5 = 20 %  worse
    'Dan Eval': (2, 4),    # 5/5 = 100 %  improved, mastery
}
# Pre-test: 5 of 8 (62.5 %), mean (20+40+40+80+100)/5 = 56 %. Post-test: 4 of 8
# (50 %), mean (80+50+20+100)/4 = 62.5 %. Paired: Ann, Bea, Cal, Dan (4): pre
# 45 %, post 62.5 %, gain +17.5 points, normalized 17.5/55 = 0.318 -> 0.32,
# improved 3 of 4 (75 %), mastery (>= 70 %) 2 of 4 (50 %). Women (Ann, Bea):
# 30 % -> 65 %, +35 points, 35/70 = 0.50, 100 %, 50 %. Men (Cal, Dan): 60 % ->
# 60 %, 0 points, 0.00, 50 %, 50 %.
REACTION = {  # r1, r2 (1-5) -> the respondent's mean
    'Ann Eval': (5, 4),    # 4.5 satisfied
    'Bea Eval': (4, 3),    # 3.5
    'Eve Eval': (4, 4),    # 4.0 satisfied
    'Gia Eval': (5, 4),    # 4.5 satisfied
    'Cal Eval': (5, 5),    # 5.0 satisfied
    'Dan Eval': (2, 3),    # 2.5
}
PAPER = (3, 4)  # an anonymous paper form typed in, from a woman: 3.5. Hal and Fay did not answer.
# Reaction (anonymous): 7 of 8 (87.5 %); satisfaction (4.5+3.5+4+4.5+5+2.5+3.5)/7
# = 27.5/7 = 3.93, satisfied 4 of 7 (57.1 %). r1: 5,4,4,5,5,2,3 -> 28/7 = 4,
# counts 2:1 3:1 4:2 5:3; r2: 4,3,4,4,5,3,4 -> 27/7 = 3.86. Women: 5
# respondents, (4.5+3.5+4+4.5+3.5)/5 = 4.0, satisfied 3 of 5 (60 %); men: 2,
# withheld (anonymous, fewer than 5).
# Totals: invited 8 x 3 = 24, responses 5+4+7 = 16 (66.7 %).


def set_up_evaluated_workshop(app):
    today = datetime.datetime.now(datetime.timezone.utc).date()
    yesterday = today - datetime.timedelta(days=1)
    project = app.api('/api/v1/projects', {'code': 'ERT', 'title': 'Evaluation report test project'})
    pid = project['id']
    workshop = app.api('/api/v1/workshops', {
        'project_id': pid, 'title': 'Document examination (evaluation test)', 'kind': 'training', 'status': 'confirmed',
        'start_date': yesterday.isoformat(), 'end_date': today.isoformat(), 'city': 'Xiamen'})
    wid = workshop['id']
    registration = {}
    for name, sex in PEOPLE:
        person = app.api('/api/v1/people', {'full_name': name, 'gender': sex})
        registration[name] = app.api(f'/api/v1/workshops/{wid}/registrations', {'person_id': person['id'], 'role': 'participant'})['id']
    cancelled = app.api('/api/v1/people', {'full_name': 'Ivy Eval', 'gender': 'female'})
    app.api(f'/api/v1/workshops/{wid}/registrations', {'person_id': cancelled['id'], 'role': 'participant', 'status': 'cancelled'})
    app.api(f'/api/v1/workshops/{wid}', {'status': 'held'}, method='PATCH')
    test = app.api(f'/api/v1/projects/{pid}/questionnaires', {
        'kind': 'knowledge_test', 'title': 'Fraud detection test', 'native_title': '伪假证件识别测试', 'anonymous': False,
        'items': [
            {'key': 'q1', 'type': 'single_choice', 'text': 'Which is a sign of a forged visa?', 'native_text': '下列哪项是伪造签证的迹象？',
             'options': [{'text': 'A hologram', 'native_text': '全息图'}, {'text': 'Blurred microprint', 'native_text': '缩微文字模糊'},
                         {'text': 'A barcode', 'native_text': '条形码'}],
             'correct_option': 2, 'max_score': None},
            {'key': 'q2', 'type': 'score', 'text': 'Examine the sample passport.', 'native_text': '检查样本护照。',
             'options': [], 'correct_option': None, 'max_score': 4},
        ]})
    survey = app.api(f'/api/v1/projects/{pid}/questionnaires', {
        'kind': 'reaction', 'title': 'Workshop feedback', 'native_title': '培训满意度调查', 'anonymous': True,
        'items': [
            {'key': 'r1', 'type': 'likert5', 'text': 'The workshop was useful for my work.', 'native_text': '本次培训对我的工作有帮助。',
             'options': [], 'correct_option': None, 'max_score': None},
            {'key': 'r2', 'type': 'likert5', 'text': 'The trainers explained clearly.', 'native_text': '培训师讲解清楚。',
             'options': [], 'correct_option': None, 'max_score': None},
            {'key': 'r3', 'type': 'text', 'text': 'What should change?', 'native_text': '有哪些需要改进？',
             'options': [], 'correct_option': None, 'max_score': None},
        ]})
    stages = app.api(f'/api/v1/workshops/{wid}/evaluations', [
        {'questionnaire_id': test['id'], 'stage': 'pre', 'opens_at': None, 'closes_at': None},
        {'questionnaire_id': test['id'], 'stage': 'post', 'opens_at': None, 'closes_at': None},
        {'questionnaire_id': survey['id'], 'stage': 'reaction', 'opens_at': None, 'closes_at': None},
    ], method='PUT')
    stage = {s['stage']: s['id'] for s in stages}

    def answer(kind, name, answers, sex=None):
        body = {'registration_id': registration[name] if name else None, 'answers': answers}
        if sex:
            body['sex'] = sex
        app.api(f'/api/v1/workshops/{wid}/evaluations/{stage[kind]}/responses', body)

    for name, (q1, q2) in PRE.items():
        answer('pre', name, {'q1': q1, 'q2': q2})
    for name, (q1, q2) in POST.items():
        answer('post', name, {'q1': q1, 'q2': q2})
    for name, (r1, r2) in REACTION.items():
        answer('reaction', name, {'r1': r1, 'r2': r2, 'r3': 'More practice with real documents.'})
    answer('reaction', None, {'r1': PAPER[0], 'r2': PAPER[1]}, sex='female')
    return project, workshop, test, survey, stage, yesterday, today


def figure_values(container):
    """{label: value text} of a figures list (the n beneath each kept apart)."""
    out = {}
    for box in container.find_elements(By.CSS_SELECTOR, '.figure'):
        name = box.find_element(By.TAG_NAME, 'dt').text
        dd = box.find_element(By.TAG_NAME, 'dd')
        n = dd.find_elements(By.CSS_SELECTOR, '.figure-n')
        out[name] = (dd.text.replace(n[0].text, '').strip() if n else dd.text.strip(), n[0].text if n else None)
    return out


def row_cells(table_el, header):
    row = table_el.find_element(By.XPATH, f".//tbody/tr[th[normalize-space()={xpath_literal(header)}]]")
    return [c.text for c in row.find_elements(By.TAG_NAME, 'td')]


def stage_section(app, stage):
    return app.d.find_element(By.CSS_SELECTOR, f'section[data-stage="{stage}"]')


def test_evaluation_report_and_indicator(app):
    project, workshop, test, survey, stage, first_day, today = set_up_evaluated_workshop(app)
    pid, wid = project['id'], workshop['id']
    app.sign_in('coord')

    # From the list of reports
    app.go('/reports')
    app.navigating(lambda: app.link('Evaluation report').click())
    assert app.heading() == 'Evaluation report'
    app.go(f'/reports/evaluation?workshop_id={wid}')
    app.wait(lambda: app.d.find_elements(By.CSS_SELECTOR, '.report-evaluation'), message='no report')
    assert Select(app.field('Project')).first_selected_option.get_attribute('value') == str(pid)
    assert Select(app.field('Workshop')).first_selected_option.get_attribute('value') == str(wid)
    report = app.d.find_element(By.CSS_SELECTOR, '.report-evaluation')
    assert report.find_element(By.TAG_NAME, 'h2').text == workshop['title']

    # Learning: pre and post (the labels are the catalog's figure.* words; found by their order)
    learning = app.d.find_element(By.XPATH, "//section[h2[starts-with(normalize-space(), 'Knowledge test:')]]")
    assert 'Fraud detection test' in learning.find_element(By.TAG_NAME, 'h2').text
    figures = list(figure_values(learning).values())
    assert figures == [
        ('56%', 'n = 5'), ('62.5%', 'n = 4'), ('4', None), ('+17.5', 'n = 4'),
        ('0.32', 'n = 4'), ('75%', 'n = 4'), ('50%', 'n = 4')], figures
    chart = learning.find_element(By.CSS_SELECTOR, 'svg.chart-pairs')
    alt = chart.get_attribute('aria-label')
    assert 'Everyone: Pre-test 45%, Post-test 62.5%' in alt, alt  # the 4 who took both
    assert 'Female: Pre-test 30%, Post-test 65%' in alt and 'Male: Pre-test 60%, Post-test 60%' in alt, alt
    by_sex = learning.find_element(By.CSS_SELECTOR, 'table.by-sex')
    assert row_cells(by_sex, 'Female') == ['2', '30%', '65%', '+35', '0.50', '100%', '50%']
    assert row_cells(by_sex, 'Male') == ['2', '60%', '60%', '0', '0.00', '50%', '50%']

    # Each stage: response rates with their n
    pre = figure_values(stage_section(app, 'pre'))
    assert pre['Invited'] == ('8', None) and pre['Responses'] == ('5', None)
    assert ('62.5%', 'n = 8') in pre.values() and pre['Mean score'] == ('56%', 'n = 5')
    post = figure_values(stage_section(app, 'post'))
    assert ('50%', 'n = 8') in post.values() and post['Mean score'] == ('62.5%', 'n = 4')
    items = stage_section(app, 'pre').find_element(By.CSS_SELECTOR, 'table.items')
    q1 = items.find_element(By.CSS_SELECTOR, 'tr[data-key="q1"]')
    assert [c.text for c in q1.find_elements(By.TAG_NAME, 'td')][:3] == ['5', '—', '60%']  # 3 of 5 chose option 2
    assert 'Option 1 1, Option 2 3 and Option 3 1' in q1.find_element(By.CSS_SELECTOR, 'svg').get_attribute('aria-label')
    q2 = items.find_element(By.CSS_SELECTOR, 'tr[data-key="q2"]')
    assert [c.text for c in q2.find_elements(By.TAG_NAME, 'td')][:2] == ['5', '2.2']  # (1+1+2+3+4)/5

    # The reaction survey: satisfaction, items as bars, men withheld in words
    reaction = stage_section(app, 'reaction')
    figures = figure_values(reaction)
    assert figures['Invited'] == ('8', None) and figures['Responses'] == ('7', None)
    values = list(figures.values())
    assert ('87.5%', 'n = 8') in values and ('3.93', 'n = 7') in values and ('57.1%', 'n = 7') in values, values
    assert 'Anonymous' in reaction.text
    r1 = reaction.find_element(By.CSS_SELECTOR, 'tr[data-key="r1"]')
    assert [c.text for c in r1.find_elements(By.TAG_NAME, 'td')][:2] == ['7', '4.0']
    assert r1.find_element(By.CSS_SELECTOR, 'svg').get_attribute('aria-label').endswith('1 0, 2 1, 3 1, 4 2 and 5 3')
    r2 = reaction.find_element(By.CSS_SELECTOR, 'tr[data-key="r2"]')
    assert [c.text for c in r2.find_elements(By.TAG_NAME, 'td')][:2] == ['7', '3.86']
    sexes = reaction.find_element(By.CSS_SELECTOR, 'table.by-sex')
    assert row_cells(sexes, 'Female') == ['5', '4.0', '60%']
    assert row_cells(sexes, 'Male') == ['withheld: fewer than 5 respondents']

    # Totals over the workshop's three evaluations
    totals = figure_values(app.section('Totals'))
    assert totals['Invited'] == ('24', None) and totals['Responses'] == ('16', None)
    assert ('66.7%', 'n = 24') in totals.values()
    app.check_screen('report-evaluation')
    screenshots(app, 'report-evaluation')
    name, body = app.download('Download CSV')
    assert name.endswith('.csv') and body
    for text in ('Download Excel workbook', 'Open printable page (HTML)'):
        href = app.link(text).get_attribute('href')
        assert '/api/v1/reports/evaluation?' in href and f'workshop_id={wid}' in href

    # The project's workshops in a period: the same figures (it has one)
    Select(app.field('Workshop')).select_by_value('')
    app.fill('From', (first_day - datetime.timedelta(days=30)).isoformat())
    app.fill('To', today.isoformat())
    app.navigating(lambda: app.button('Show report').click())
    app.wait(lambda: app.d.find_elements(By.CSS_SELECTOR, '.report-evaluation'), message='no project report')
    assert app.d.find_element(By.CSS_SELECTOR, '.report-evaluation h2').text.startswith('ERT, ')
    totals = figure_values(app.section('Totals'))
    assert totals['Responses'] == ('16', None) and ('66.7%', 'n = 24') in totals.values()

    # A questionnaire a workshop uses cannot be deleted: the server's reason is shown
    app.go(f'/questionnaires/{survey["id"]}')
    app.allow_console(rf'/api/v1/questionnaires/{survey["id"]} - Failed to load resource: .* 409')
    app.button('Delete questionnaire').click()
    app.button('Delete questionnaire', app.dialog()).click()
    app.notice('Not deleted')
    assert app.heading() == 'Questionnaire: Workshop feedback'
    assert app.api(f'/api/v1/questionnaires/{survey["id"]}')['id'] == survey['id']

    # An indicator counted from evaluations, made in the results framework's form
    outcome = app.api(f'/api/v1/projects/{pid}/results', {'level': 'outcome', 'code': '1', 'title': 'Officers detect forged documents'})
    app.go(f'/projects/{pid}/results')
    app.button('Add indicator').click()
    dialog = app.dialog()
    app.fill('Code', '1a', within=dialog)
    app.fill('Title', 'Trained officers with increased knowledge', within=dialog)
    app.choose('Source', 'Counted from evaluations', within=dialog)
    offered = [o.text for o in Select(app.field('Measure', dialog)).options]
    assert offered == ['Satisfaction (mean, 1–5)', 'Share satisfied (%)', 'Share with improved knowledge (%)',
                       'Normalized gain', 'Share reaching mastery (%)', 'Response rate (%)'], offered
    assert not app.field('Completion threshold (%)', dialog).is_displayed()
    assert not app.field('Sex', dialog).is_displayed()  # no breakdowns for evaluation indicators
    assert app.field('Training', dialog).is_displayed()  # the workshops' filter applies
    app.choose('Source', 'Counted from attendance', within=dialog)
    assert 'People trained' in [o.text for o in Select(app.field('Measure', dialog)).options]
    app.choose('Source', 'Counted from evaluations', within=dialog)
    app.choose('Measure', 'Share with improved knowledge (%)', within=dialog)
    app.check_screen('indicator-evaluation')
    screenshots(app, 'indicator-evaluation')
    app.button('Add indicator', within=dialog).click()
    app.notice('Indicator 1a Trained officers with increased knowledge added.')
    app.wait_ready()
    indicator = app.api(f'/api/v1/results/{outcome["id"]}/indicators')['items'][0]
    assert (indicator['source'], indicator['measure'], indicator['disaggregations'], indicator['completion_threshold']) == (
        'evaluation', 'improved_share', [], None)
    # Counted in the results report: 3 of the 4 paired improved
    period = {'from': (first_day - datetime.timedelta(days=30)).isoformat(), 'to': today.isoformat()}
    app.go(f'/projects/{pid}/results?from={period["from"]}&to={period["to"]}')
    row = app.wait(lambda: app.d.find_element(By.XPATH, "//table[contains(@class,'results-report')]//tr[th[contains(., '1a Trained')]]"))
    assert 'Counted from evaluations: Share with improved knowledge (%)' in row.text
    assert row.find_element(By.CSS_SELECTOR, 'td.actual').text.split('\n')[0] == '75%'


# --- the same screens in Chinese -----------------------------------------------------------------

def test_evaluation_screens_in_chinese(app):
    users = [u['username'] for u in app.api('/api/v1/users?limit=500', username='admin')['items']]
    if 'zh_eval' not in users:
        app.api('/api/v1/users', {'username': 'zh_eval', 'password': PASSWORD, 'role': 'coordinator'}, username='admin')
    app.server.users['zh_eval'] = PASSWORD
    app.api('/api/v1/me', {'language': 'zh'}, method='PATCH', username='zh_eval')
    # The workshop of the report's test, or the same made now (run alone)
    project = next((p for p in app.api('/api/v1/projects?limit=500')['items'] if p['code'] == 'ERT'), None)
    if project is None:
        project, workshop, *_ = set_up_evaluated_workshop(app)
    else:
        workshop = app.api(f'/api/v1/workshops?project_id={project["id"]}&limit=50')['items'][0]
    if not app.api(f'/api/v1/projects/{project["id"]}/results')['items']:
        app.api(f'/api/v1/projects/{project["id"]}/results', {'level': 'outcome', 'code': '1', 'title': 'Officers detect forged documents'})
    questionnaires = app.api(f'/api/v1/projects/{project["id"]}/questionnaires')['items']
    # What the records hold is data, shown as typed: the rest must be Chinese.
    data = data_texts(app, 'admin') | {q['title'] for q in questionnaires} | {
        text for q in questionnaires for i in q['items'] for text in [i['text'], *(o['text'] for o in i['options'])]}
    app.button('中文').click()
    app.wait(lambda: app.heading() == '登录', message='the sign-in page did not switch to Chinese')
    app.fill('用户名', 'zh_eval')
    app.fill('密码', PASSWORD)
    app.navigating(lambda: app.button('登录').click())
    found = []

    def look(name):
        found.extend(untranslated(app, data, name))
        app.check_screen(name)
        screenshots(app, name)

    for name, path in [
        ('zh-project-questionnaires', f'/projects/{project["id"]}?section=questionnaires'),
        ('zh-questionnaire-new', f'/projects/{project["id"]}/questionnaires/new?kind=knowledge_test'),
        ('zh-questionnaire-edit', f'/questionnaires/{questionnaires[0]["id"]}'),
        ('zh-report-evaluation', f'/reports/evaluation?workshop_id={workshop["id"]}'),
    ]:
        app.go(path)
        if name == 'zh-report-evaluation':
            app.wait(lambda: app.d.find_elements(By.CSS_SELECTOR, '.report-evaluation'), message='no report')
            assert '标准化增益' in app.d.find_element(By.TAG_NAME, 'main').text
        look(name)
    app.go(f'/projects/{project["id"]}/results')
    app.button('添加指标').click()
    dialog = app.dialog()
    app.choose('数据来源', '按培训评估统计', within=dialog)
    look('zh-indicator-evaluation')
    app.button('返回', dialog).click()
    # Back to English for whoever signs in as this user next
    app.api('/api/v1/me', {'language': 'en'}, method='PATCH', username='zh_eval')
    assert not found, '\n'.join(found)
