"""Fixtures for the browser tests: a fresh capdev server and one headless Chromium.

Options (or environment variables):
  --capdev-bin  CAPDEV_BIN         the capdev executable (required)
  --js-dir      CAPDEV_TESTS_JS    tests/js, holding node_modules/axe-core (default: ../js)
  --web-dir     CAPDEV_WEB_DIR     serve the web app from this folder instead of the
                                   compiled-in copy (development only)
  --screens-dir CAPDEV_SCREENS_DIR save a PNG of every screen visited here
  --capdev-db   CAPDEV_WEB_DB      an empty database to run on instead of a fresh
                                   SQLite file (a postgresql:// URI: the web app on
                                   PostgreSQL, by hand; make test runs SQLite)
"""
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading

import pytest

from helpers import App, start_browser

HERE = os.path.dirname(os.path.abspath(__file__))
ADMIN_PASSWORD = 'admin-password-for-tests'
COORD_PASSWORD = 'coordinator-password-for-tests'


def pytest_addoption(parser):
    parser.addoption('--capdev-bin', default=os.environ.get('CAPDEV_BIN'))
    parser.addoption('--js-dir', default=os.environ.get('CAPDEV_TESTS_JS', os.path.join(HERE, '..', 'js')))
    parser.addoption('--web-dir', default=os.environ.get('CAPDEV_WEB_DIR'))
    parser.addoption('--screens-dir', default=os.environ.get('CAPDEV_SCREENS_DIR'))
    parser.addoption('--capdev-db', default=os.environ.get('CAPDEV_WEB_DB'))


class Server:
    def __init__(self, base_url, db):
        self.base_url = base_url
        self.db = db
        self.users = {'admin': ADMIN_PASSWORD, 'coord': COORD_PASSWORD}


@pytest.fixture(scope='session')
def server(pytestconfig):
    binary = pytestconfig.getoption('capdev_bin')
    if not binary or not os.path.exists(binary):
        pytest.fail('pass --capdev-bin PATH (or set CAPDEV_BIN) to the capdev executable')
    work = tempfile.mkdtemp(prefix='capdev-web-')
    db = pytestconfig.getoption('capdev_db') or os.path.join(work, 'capdev.db')

    def run(*args, stdin=None):
        subprocess.run([binary, *args], input=stdin, text=True, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)

    run('migrate', '--db', db)
    run('seed', '--db', db)
    run('user', 'add', 'admin', '--role', 'admin', '--db', db, stdin=ADMIN_PASSWORD + '\n')
    run('user', 'add', 'coord', '--role', 'coordinator', '--db', db, stdin=COORD_PASSWORD + '\n')

    # The sessions' times are UTC, as the browser's today is (helpers.start_browser).
    command = [binary, 'serve', '--db', db, '--port', '0', '--time-zone', 'UTC']
    if pytestconfig.getoption('web_dir'):
        command += ['--web-dir', pytestconfig.getoption('web_dir')]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()

    def drain():  # keeps reading so the server never blocks on a full pipe
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=drain, daemon=True).start()
    port = None
    seen = []
    while port is None:
        try:
            line = lines.get(timeout=15)
        except queue.Empty:
            break
        seen.append(line)
        match = re.search(r'listening on http://127\.0\.0\.1:(\d+)', line)
        if match:
            port = int(match.group(1))
    if port is None:
        process.kill()
        pytest.fail('capdev serve did not start:\n' + ''.join(seen))
    yield Server(f'http://127.0.0.1:{port}', db)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope='session')
def browser(pytestconfig):
    axe_path = os.path.join(pytestconfig.getoption('js_dir'), 'node_modules', 'axe-core', 'axe.min.js')
    if not os.path.exists(axe_path):
        pytest.fail(f'{axe_path} is missing: run `npm ci` in tests/js')
    downloads = tempfile.mkdtemp(prefix='capdev-downloads-')
    driver = start_browser(downloads)
    driver.axe_source = open(axe_path, encoding='utf-8').read()
    driver.downloads = downloads
    yield driver
    driver.quit()
    shutil.rmtree(downloads, ignore_errors=True)


@pytest.fixture
def app(server, browser, pytestconfig):
    """A signed-out browser on the app, checked for console errors at the end."""
    application = App(browser, server, pytestconfig.getoption('screens_dir'))
    application.start()
    yield application
    application.assert_console_clean()
    application.sign_out_if_needed()
