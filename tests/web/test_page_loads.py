"""What a page load costs and asks for: the app never downloads the OpenAPI
document (the routes it uses are the same binary's), and every printable page
says it has no icon, so the browser asks for no /favicon.ico that is not
there."""
from selenium.webdriver.common.by import By


def test_no_screen_downloads_the_openapi_document(app):
    app.sign_in('admin')
    for path in ['/', '/workshops', '/people', '/organizations', '/projects', '/calendar', '/reports', '/users']:
        app.go(path)
    workshop = app.api('/api/v1/workshops?limit=1', username='admin')['items'][0]
    person = app.api('/api/v1/people?limit=1', username='admin')['items'][0]
    app.go(f'/workshops/{workshop["id"]}')
    app.go(f'/people/{person["id"]}')
    app.d.refresh()
    app.wait_ready()
    loaded = app.d.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert loaded, 'the browser reported no resources'
    assert not [u for u in loaded if 'openapi' in u], loaded


def test_printable_pages_declare_no_icon(app):
    app.sign_in('coord')
    workshop = app.api('/api/v1/workshops?limit=1')['items'][0]
    funder = app.api('/api/v1/organizations?q=European%20Commission')['items'][0]
    pages = [f'/api/v1/workshops/{workshop["id"]}/attendance?format=html',
             f'/api/v1/reports/attendance?workshop_id={workshop["id"]}&format=html',
             f'/api/v1/reports/funder?organization_id={funder["id"]}&from=2007-01-01&to=2030-12-31&format=html',
             '/api/v1/reports/summary?from=2007-01-01&to=2030-12-31&format=html']
    for page in pages:
        app.d.get(app.server.base_url + page)
        icons = app.d.find_elements(By.CSS_SELECTOR, 'link[rel~=icon]')
        assert icons and icons[0].get_attribute('href').startswith('data:'), page
    app.d.get(app.server.base_url + '/')
    app.wait_ready()
