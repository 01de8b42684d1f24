"""Lists as a coordinator reads them: workshops newest first; the People list
naming the agencies an import has just created; each person's organization in
the registrations and the sign-in grid, so that two people of one name are
told apart; a city typed in another case offered as other workshops spell it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

_counter = [0]


def project(app, title):
    _counter[0] += 1
    return app.api('/api/v1/projects', {'code': f'LIST-{_counter[0]}', 'title': title})


def held(app, project_id, title, start, city='Xiamen'):
    body = {'project_id': project_id, 'title': title, 'kind': 'training', 'status': 'held', 'city': city}
    if start:
        body.update(start_date=start, end_date=start)
    return app.api('/api/v1/workshops', body)


def column(table, header):
    """The texts of a table's column, by its header."""
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, 'thead th')]
    i = headers.index(header)
    return [row.find_elements(By.CSS_SELECTOR, 'th, td')[i].text for row in table.find_elements(By.CSS_SELECTOR, 'tbody tr')]


def test_the_workshop_list_shows_the_newest_first(app):
    p = project(app, 'Border management, three years')
    for title, start in [('Xiamen 2026', '2026-11-30'), ('Harbin, date unknown', None), ('Langfang 2012', '2012-11-06'),
                         ('Chengdu 2026', '2026-12-01'), ('Hangzhou 2017', '2017-09-08')]:
        held(app, p['id'], title, start)
    app.sign_in('coord')
    app.go(f'/workshops?project_id={p["id"]}')
    titles = column(app.d.find_element(By.CSS_SELECTOR, 'main table'), 'Title')
    assert titles == ['Chengdu 2026', 'Xiamen 2026', 'Hangzhou 2017', 'Langfang 2012', 'Harbin, date unknown'], titles
    app.check_screen('workshops-newest-first')


def test_people_and_the_workshop_name_each_persons_organization(app, tmp_path):
    p = project(app, 'Exit-entry administration')
    w = held(app, p['id'], 'Document examination, Kunming', '2026-05-18', city='Kunming')
    # Two people of one name, from two agencies; the second agency is new.
    known = app.api('/api/v1/organizations', {'name': 'Yunnan Provincial Public Security Department', 'kind': 'government'})
    new_agency = 'Guangxi Border Defence Corps Training Office'
    path = tmp_path / 'participants.csv'
    path.write_text('No.,Name,Native name,Gender,Organization,Position\r\n'
                    f'1,LI Wei,李伟,male,{known["name"]},Section chief\r\n'
                    f'2,LI Wei,李伟,male,{new_agency},Inspector\r\n', encoding='utf-8')

    app.sign_in('coord')
    app.go('/people')  # the organizations are loaded once here, before the import
    registrations = app.open_participant_import(w['id'])
    app.field('Participant list (CSV or Excel)', registrations).send_keys(str(path))
    app.button('Import', registrations).click()
    app.notice('1 agency not recognised')
    app.field('Create every agency not recognised as a new organization of kind Other').click()
    app.wait(lambda: app.button('Confirm import').is_enabled())
    app.button('Confirm import').click()
    app.wait(lambda: len(app.section('Registrations').find_elements(By.CSS_SELECTOR, 'table tbody tr')) == 2)

    # The registrations and the grid tell the two LI Wei apart by their agency
    table = app.section('Registrations').find_element(By.XPATH, './/table[thead//th[normalize-space()="Role"]]')
    assert sorted(column(table, 'Organization')) == sorted([known['name'], new_agency])
    grid_rows = [th.text for th in app.d.find_elements(By.CSS_SELECTOR, '#attendance table tbody th[scope=row]')]
    assert any(known['name'] in r for r in grid_rows) and any(new_agency in r for r in grid_rows), grid_rows
    app.screenshot('workshop-organizations')

    # The People list names the agency the import created, without a reload
    app.navigating(lambda: app.link('People').click())
    app.fill('Name', 'LI Wei')
    app.navigating(lambda: app.button('Search').click())
    organizations = column(app.d.find_element(By.CSS_SELECTOR, 'main table'), 'Organization')
    assert new_agency in organizations and known['name'] in organizations, organizations


def test_a_city_typed_in_another_case_offers_the_existing_spelling(app):
    p = project(app, 'Counter-trafficking')
    held(app, p['id'], 'Passport examination, Harbin', '2013-06-10', city='Harbin')
    app.sign_in('coord')
    app.go('/workshops/new')
    city = app.fill('City', 'harbin')
    city.send_keys(Keys.TAB)
    offer = app.wait(lambda: app.button('Use “Harbin”'))
    assert 'Other workshops write it “Harbin”.' in offer.find_element(By.XPATH, '..').text
    app.screenshot('workshop-city-spelling')
    offer.click()
    assert app.field('City').get_attribute('value') == 'Harbin'
    assert not offer.is_displayed()
    # The same spelling is offered nothing
    city = app.fill('City', 'Harbin')
    city.send_keys(Keys.TAB)
    app.fill('Title', 'Another')
    assert not [b for b in app.d.find_elements(By.CSS_SELECTOR, '.spelling-offer') if b.is_displayed()]
