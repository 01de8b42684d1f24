"""The browser and a small vocabulary for driving the web app as a person would:
fields are found by their visible label, buttons by their text."""
import base64
import json
import os
import re
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROME_FLAGS = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--window-size=1366,768', '--lang=en-GB',
]

# Console lines the app causes on purpose. Chromium logs every 4xx answer to
# fetch as an error, and the app asks /me on load to learn whether a session
# exists (401 when signed out).
ALWAYS_ALLOWED = [
    r'/api/v1/me - Failed to load resource: the server responded with a status of 401',
]

# What axe findings fail a test.
BLOCKING_IMPACTS = {'serious', 'critical'}

# Every visible form control has a visible, non-empty <label for>; every
# visible button has text.
LABEL_CHECK = """
const bad = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden' || !el.getClientRects().length) continue;
  const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  if (!label || !label.textContent.trim() || !label.getClientRects().length) bad.push(el.outerHTML.slice(0, 160));
}
for (const b of document.querySelectorAll('button, a.btn')) {
  if (b.getClientRects().length && !b.textContent.trim()) bad.push(b.outerHTML.slice(0, 160));
}
return bad;
"""


def start_browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f'--user-data-dir={tempfile.mkdtemp(prefix="capdev-chromium-")}')
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    options.add_experimental_option('prefs', {'download.default_directory': downloads,
                                              'download.prompt_for_download': False})
    # The browser's "today" is the server's (UTC): the tests take today's attendance.
    service = Service('/usr/bin/chromedriver', env={**os.environ, 'TZ': 'UTC'})
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd('Browser.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': downloads})
    return driver


def xpath_literal(text):
    if "'" not in text:
        return f"'{text}'"
    return "concat('" + "', \"'\", '".join(text.split("'")) + "')"


class App:
    def __init__(self, driver, server, screens_dir):
        self.d = driver
        self.server = server
        self.screens_dir = screens_dir
        self.allowed = list(ALWAYS_ALLOWED)
        self.tokens = {}

    # --- navigation --------------------------------------------------------------

    def start(self):
        self.d.set_window_size(1366, 768)
        self.d.get(self.server.base_url + '/')
        # Each test starts in the browser's language, whatever one before chose.
        if self.d.execute_script("const had = localStorage.getItem('capdev.language'); localStorage.clear(); return had"):
            self.d.refresh()
        self.wait_ready()

    def wait(self, condition, timeout=10, message=''):
        # Screens redraw parts of themselves after each save: look again.
        return WebDriverWait(self.d, timeout, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)
                             ).until(lambda d: condition(), message)

    def wait_ready(self):
        """Until the current screen has its heading and nothing is still loading."""
        self.wait(lambda: self.d.execute_script(
            "const v = document.querySelector('main .view:not([data-stale])');"
            "return !!v && !!v.querySelector('h1') && !document.querySelector('main .loading');"),
            message='screen did not finish loading')

    def navigating(self, action):
        """Runs an action that leads to another screen, and waits for it."""
        self.d.execute_script("document.querySelector('main .view')?.setAttribute('data-stale', '')")
        action()
        self.wait_ready()

    def go(self, path):
        target = f'{self.server.base_url}/#{path}'
        # The same hash again is no navigation: load the page afresh instead.
        self.navigating(self.d.refresh if self.d.current_url == target else lambda: self.d.get(target))

    def heading(self):
        return self.d.find_element(By.CSS_SELECTOR, 'main h1').text

    # --- finding things as a person would ------------------------------------------

    def field(self, label, within=None):
        root = within or self.d
        prefix = '.' if within else ''
        lab = root.find_element(By.XPATH, f'{prefix}//label[normalize-space()={xpath_literal(label)}]')
        return self.d.find_element(By.ID, lab.get_attribute('for'))

    def fill(self, label, value, within=None):
        el = self.field(label, within)
        if el.get_attribute('type') in ('date', 'time'):
            # Typed dates follow the browser's locale; set the value as a picker would.
            self.d.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, value)
        else:
            el.clear()
            el.send_keys(value)
        return el

    def choose(self, label, text, within=None):
        Select(self.field(label, within)).select_by_visible_text(text)

    def button(self, text, within=None):
        root = within or self.d
        prefix = '.' if within else ''
        return root.find_element(By.XPATH, f'{prefix}//button[normalize-space()={xpath_literal(text)}]')

    def link(self, text, within=None):
        root = within or self.d
        prefix = '.' if within else ''
        return root.find_element(By.XPATH, f'{prefix}//a[normalize-space()={xpath_literal(text)}]')

    def open_participant_import(self, workshop_id):
        """The workshop's page with its participant-list import opened: its Registrations section."""
        self.go(f'/workshops/{workshop_id}')
        registrations = self.section('Registrations')
        summary = './/summary[contains(., "Import a participant list")]'
        self.wait(lambda: registrations.find_elements(By.XPATH, summary))
        registrations.find_element(By.XPATH, summary).click()
        return registrations

    def section(self, title):
        return self.d.find_element(By.XPATH, f'//section[h2[normalize-space()={xpath_literal(title)}]]')

    def click(self, css):
        """Clicks the element a CSS selector finds, again if a redraw replaced it meanwhile."""
        def attempt():
            self.d.find_element(By.CSS_SELECTOR, css).click()
            return True
        self.wait(attempt, message=f'nothing to click at {css}')

    def dialog(self):
        return self.wait(lambda: self.d.find_element(By.CSS_SELECTOR, 'dialog[open]'))

    def pick(self, label, typed, option, within=None):
        """Types into a picker and chooses the option whose text starts with `option`."""
        box = self.fill(label, typed, within)
        listbox = self.d.find_element(By.ID, box.get_attribute('aria-controls'))

        def click_option():  # the list redraws as results arrive: retried until it holds still
            choice = next((li for li in listbox.find_elements(By.CSS_SELECTOR, 'li[role=option]')
                           if li.text.startswith(option)), None)
            if choice is None:
                return False
            choice.click()
            return True
        self.wait(click_option, message=f'no option "{option}" for "{typed}"')
        return box

    def notice(self, text, timeout=10):
        """Waits for the feedback message that contains `text`."""
        self.wait(lambda: text in self.d.find_element(By.ID, 'notices').text, timeout,
                  message=f'no notice with "{text}"; saw: {self.d.find_element(By.ID, "notices").text!r}')

    # --- checks -----------------------------------------------------------------------

    def allow_console(self, pattern):
        self.allowed.append(pattern)

    def assert_console_clean(self):
        errors = [entry['message'] for entry in self.d.get_log('browser')
                  if entry['level'] == 'SEVERE' and not any(re.search(p, entry['message']) for p in self.allowed)]
        assert not errors, 'browser console errors:\n' + '\n'.join(errors)

    def check_screen(self, name):
        """axe finds nothing serious, every control is labelled, the console is clean."""
        self.screenshot(name)
        if not self.d.execute_script('return typeof axe !== "undefined"'):  # once per page load
            self.d.execute_script(self.d.axe_source)
        violations = self.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) => ({"
            "  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))}))));")
        blocking = [v for v in violations if v['impact'] in BLOCKING_IMPACTS]
        assert not blocking, f'{name}: axe found\n' + json.dumps(blocking, indent=1)
        unlabeled = self.d.execute_script(LABEL_CHECK)
        assert not unlabeled, f'{name}: controls without a visible label or text:\n' + '\n'.join(unlabeled)
        self.assert_console_clean()

    def screenshot(self, name):
        if not self.screens_dir:
            return
        os.makedirs(self.screens_dir, exist_ok=True)
        width = self.d.execute_script('return window.innerWidth')
        height = min(self.d.execute_script('return document.documentElement.scrollHeight'), 8000)
        shot = self.d.execute_cdp_cmd('Page.captureScreenshot', {
            'captureBeyondViewport': True, 'clip': {'x': 0, 'y': 0, 'width': width, 'height': height, 'scale': 1}})
        with open(os.path.join(self.screens_dir, f'{name}.png'), 'wb') as out:
            out.write(base64.b64decode(shot['data']))

    # --- session ------------------------------------------------------------------------

    def sign_in(self, username):
        if self.heading() != 'Sign in':
            self.go('/signin')
        self.fill('Username', username)
        self.fill('Password', self.server.users[username])
        self.navigating(lambda: self.button('Sign in').click())
        self.notice(f'Signed in as {username}')

    def signed_in(self):
        # Not on a participant's page (no navigation there).
        return self.d.execute_script("const nav = document.getElementById('nav'); return !!nav && !nav.hidden")

    def sign_out_if_needed(self):
        if self.signed_in():  # in whichever language the screen is
            self.navigating(lambda: self.d.find_element(By.CSS_SELECTOR, '#account button:last-child').click())

    # --- downloads and the API (to check what was saved) ------------------------------------

    def clear_downloads(self):
        for name in os.listdir(self.d.downloads):
            os.remove(os.path.join(self.d.downloads, name))

    def download(self, link_text):
        """Clicks a download link; returns the saved file's bytes."""
        self.clear_downloads()
        self.link(link_text).click()

        def done():
            names = [n for n in os.listdir(self.d.downloads) if not n.endswith('.crdownload')]
            return names[0] if names else None
        name = self.wait(done, 15, message=f'{link_text}: nothing downloaded')
        time.sleep(0.2)
        with open(os.path.join(self.d.downloads, name), 'rb') as f:
            return name, f.read()

    def api(self, path, body=None, method=None, username='coord'):
        """The JSON API with a bearer token: to check what the app saved, or to set up data."""
        if username not in self.tokens:
            login = json.dumps({'username': username, 'password': self.server.users[username]}).encode()
            request = urllib.request.Request(self.server.base_url + '/api/v1/auth/login', data=login, method='POST')
            with urllib.request.urlopen(request, timeout=10) as answer:
                self.tokens[username] = json.load(answer)['token']
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.server.base_url + path, data=data, method=method or ('POST' if data else 'GET'),
                                         headers={'Authorization': f'Bearer {self.tokens[username]}',
                                                  'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=10) as answer:
            text = answer.read()
            return json.loads(text) if text else None
