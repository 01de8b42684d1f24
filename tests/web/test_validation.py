"""A rule the server enforces is explained on the form, next to the field it
names, with everything typed kept and nothing saved."""
import urllib.parse

from selenium.webdriver.common.by import By


def test_end_date_before_start_date_is_explained_and_nothing_saved(app):
    app.sign_in('coord')
    app.go('/workshops/new')
    app.fill('Title', 'Workshop with dates the wrong way round')
    app.choose('Project', 'EUCDMM — EU-China Dialogue on Migration and Mobility Support Project')
    app.fill('Start date', '2027-03-10')
    app.fill('End date', '2027-03-05')
    app.fill('City', 'Chengdu')
    app.allow_console(r'/api/v1/workshops - Failed to load resource: .* 422')
    app.button('Create workshop').click()

    end = app.field('End date')
    app.wait(lambda: end.get_attribute('aria-invalid') == 'true', message='End date not marked invalid')
    wrapper = end.find_element(By.XPATH, './ancestor::div[@data-field="end_date"]')
    error = wrapper.find_element(By.CSS_SELECTOR, '.field-error')
    assert error.is_displayed() and 'start date' in error.text
    assert error.get_attribute('id') in end.get_attribute('aria-describedby')
    assert app.d.switch_to.active_element == end
    summary = app.d.find_element(By.CSS_SELECTOR, '.form-summary')
    assert summary.is_displayed() and summary.text.startswith('Not saved.')
    # nothing lost
    assert app.heading() == 'New workshop'
    assert app.field('Title').get_attribute('value') == 'Workshop with dates the wrong way round'
    assert app.field('City').get_attribute('value') == 'Chengdu'
    assert app.field('Start date').get_attribute('value') == '2027-03-10'
    assert app.field('End date').get_attribute('value') == '2027-03-05'
    app.check_screen('workshop-form-error')
    # nothing saved
    assert app.api('/api/v1/workshops?' + urllib.parse.urlencode({'city': 'Chengdu'}))['items'] == []

    # Fixing the field is enough: the rest was kept
    app.fill('End date', '2027-03-12')
    app.navigating(lambda: app.button('Create workshop').click())
    app.notice('Workshop created.')
    assert app.heading() == 'Workshop with dates the wrong way round'
    assert len(app.api('/api/v1/workshops?' + urllib.parse.urlencode({'city': 'Chengdu'}))['items']) == 1
