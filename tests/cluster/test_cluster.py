"""Several capdev instances on one PostgreSQL database, a streaming hot standby for
reports, and durability: what API.md's "PostgreSQL" section promises.

Instance A serves the primary; instance B serves the primary too and reads its
reports from the standby (serve --read-db). Concurrent clients through both try
to break each rule a single SQLite writer kept by itself.
"""
import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from cluster import Capdev, Cluster, Nginx

ADMIN_PASSWORD = 'admin-password-for-cluster-tests'
SUMMARY = '/api/v1/reports/summary?from=2000-01-01&to=2030-12-31'


@pytest.fixture(scope='module')
def binary(pytestconfig):
    path = pytestconfig.getoption('capdev_bin')
    if not path or not os.path.exists(path):
        pytest.fail('pass --capdev-bin PATH (or set CAPDEV_BIN) to the capdev executable')
    return path


@pytest.fixture(scope='module')
def cluster(binary):
    c = Cluster()
    try:
        c.start()
        db = c.primary.uri
        for command in (['migrate'], ['seed']):
            subprocess.run([binary, *command, '--db', db], check=True, capture_output=True)
        subprocess.run([binary, 'user', 'add', 'admin', '--role', 'admin', '--db', db],
                       input=ADMIN_PASSWORD + '\n', text=True, check=True, capture_output=True)
        yield c
    finally:
        c.close()


@pytest.fixture(scope='module')
def instances(binary, cluster):
    a = Capdev(binary, cluster.primary.uri)
    b = Capdev(binary, cluster.primary.uri, read_db=cluster.standby.uri)
    a.sign_in('admin', ADMIN_PASSWORD)
    b.token = a.token  # one session, checked on the primary by both
    yield a, b
    a.stop()
    b.stop()


def ok(answer, status=200):
    assert answer[0] == status, answer
    return answer[1]


def at_once(calls):
    """Runs the calls together (each a function of no arguments) and returns their
    (status, body) answers in order."""
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def no_server_errors(answers):
    failed = [a for a in answers if a[0] >= 500]
    assert not failed, failed


def figures(instance):
    """The summary report's figures, without the time it was generated (two
    reads a second apart differ there and nowhere else)."""
    report = ok(instance.call('GET', SUMMARY))
    del report['generated_at']
    return report


def new_workshop(instance, title, start='2026-11-02', end='2026-11-04'):
    project = ok(instance.call('GET', '/api/v1/projects'))['items'][0]['id']
    return ok(instance.call('POST', '/api/v1/workshops', {
        'project_id': project, 'title': title, 'kind': 'training', 'status': 'held',
        'start_date': start, 'end_date': end, 'city': 'Harbin'}), 201)


def new_person(instance, native_name):
    return ok(instance.call('POST', '/api/v1/people', {'native_name': native_name}), 201)


def test_written_through_one_instance_read_through_the_other(instances):
    a, b = instances
    workshop = new_workshop(a, '出入境管理培训班 Border management training')
    assert ok(b.call('GET', f"/api/v1/workshops/{workshop['id']}"))['title'] == workshop['title']
    person = new_person(b, '王芳')
    assert ok(a.call('GET', f"/api/v1/people/{person['id']}"))['full_name'] == 'WANG Fang'


def test_reports_read_the_standby(cluster, instances):
    a, b = instances
    cluster.caught_up()
    assert figures(b) == figures(a)
    # With the standby's replay paused, B's report (read there) does not see a
    # workshop the primary has; A's (read on the primary) does.
    cluster.standby.sql('SELECT pg_wal_replay_pause()')
    try:
        before = figures(b)
        new_workshop(a, 'Document examination seminar', '2026-10-12', '2026-10-13')
        assert figures(b) == before
        assert figures(a) != before
        # A token is checked on the primary: one issued now works on B at once.
        fresh = a.sign_in('admin', ADMIN_PASSWORD)
        assert b.call('GET', SUMMARY, token=fresh)[0] == 200
        b.token = fresh
    finally:
        cluster.standby.sql('SELECT pg_wal_replay_resume()')
    cluster.caught_up()
    assert figures(b) == figures(a)
    # Every report format runs on the standby.
    for fmt in ('csv', 'html', 'xlsx'):
        assert b.call('GET', SUMMARY + '&format=' + fmt)[0] == 200


def test_reports_read_the_primary_while_the_standby_is_down(cluster, instances):
    a, b = instances
    cluster.standby.stop('immediate')
    try:
        assert figures(b) == figures(a)
        assert any('read replica is unreachable' in line for line in b.lines)
    finally:
        cluster.standby.start()
    cluster.caught_up()
    assert figures(b) == figures(a)


def test_an_organization_name_is_taken_once(instances):
    a, b = instances
    name = 'Heilongjiang Provincial Public Security Department'
    spellings = [name, name.upper(), name.lower(), name] * 2
    answers = at_once([lambda i=i, n=n: (a if i % 2 else b).call(
        'POST', '/api/v1/organizations', {'name': n, 'kind': 'government'})
        for i, n in enumerate(spellings)])
    no_server_errors(answers)
    assert sorted(s for s, _ in answers) == [201] + [409] * 7, answers
    found = ok(a.call('GET', '/api/v1/organizations?q=heilongjiang+provincial'))['items']
    assert len(found) == 1


def test_a_name_is_one_organizations_across_names_and_aliases(instances):
    a, b = instances
    # The same Chinese name as one's alias and another's native name, at once.
    answers = at_once([
        lambda: a.call('POST', '/api/v1/organizations', {
            'name': 'Jilin Exit-Entry Administration', 'kind': 'government',
            'aliases': ['吉林省出入境管理局']}),
        lambda: b.call('POST', '/api/v1/organizations', {
            'name': 'Jilin Provincial Exit and Entry Bureau', 'kind': 'government',
            'native_name': '吉林省出入境管理局'}),
    ] * 3)
    no_server_errors(answers)
    assert sorted(s for s, _ in answers) == [201] + [409] * 5, answers
    found = ok(a.call('GET', '/api/v1/organizations?q=' + quote('吉林省出入境管理局')))
    assert len(found['items']) == 1, found


def test_a_person_is_registered_once_per_workshop(instances):
    a, b = instances
    workshop = new_workshop(a, 'Visa policy workshop', '2026-09-07', '2026-09-08')
    person = new_person(a, '李伟')
    path = f"/api/v1/workshops/{workshop['id']}/registrations"
    body = {'person_id': person['id'], 'role': 'participant', 'status': 'registered'}
    answers = at_once([lambda i=i: (a if i % 2 else b).call('POST', path, body) for i in range(8)])
    no_server_errors(answers)
    assert sorted(s for s, _ in answers) == [201] + [409] * 7, answers
    assert len(ok(a.call('GET', path))['items']) == 1


def test_a_certificate_is_issued_once_per_person_and_kind(instances):
    a, b = instances
    workshop = new_workshop(a, 'Document examination training', '2026-07-06', '2026-07-06')
    w = f"/api/v1/workshops/{workshop['id']}"
    people = [new_person(a, name)['id'] for name in ('王芳', '李娜', '张敏', '陈杰', '刘洋')]
    for person in people:
        ok(a.call('POST', w + '/registrations',
                  {'person_id': person, 'role': 'participant', 'status': 'registered'}), 201)
    session = ok(a.call('GET', w + '/sessions'))['items'][0]['id']
    ok(a.call('PUT', f'{w}/sessions/{session}/attendance',
              [{'person_id': p, 'status': 'present'} for p in people]))
    answers = at_once([lambda i=i: (a if i % 2 else b).call(
        'POST', w + '/certificates', {'kind': 'attendance'}) for i in range(8)])
    no_server_errors(answers)
    assert all(s == 200 for s, _ in answers), answers
    # Whoever won each race, every answer names the same five certificates.
    codes = {frozenset(c['code'] for c in body['issued']) for _, body in answers}
    assert len(codes) == 1 and len(next(iter(codes))) == 5, codes
    assert sum(body['created'] for _, body in answers) == 5
    assert len(ok(b.call('GET', w + '/certificates'))['items']) == 5


def test_a_user_holds_at_most_20_feed_tokens(instances):
    a, b = instances
    answers = at_once([lambda i=i: (a if i % 2 else b).call('POST', '/api/v1/auth/calendar-token')
                       for i in range(26)])
    no_server_errors(answers)
    assert sorted(s for s, _ in answers) == [200] * 20 + [409] * 6, answers
    assert len(ok(b.call('GET', '/api/v1/auth/calendar-tokens'))['items']) == 20


def test_submissions_are_each_kept_as_sent(instances):
    a, b = instances
    funder = ok(a.call('GET', '/api/v1/organizations?q=European+Commission'))['items'][0]['id']
    body = {'report': 'funder', 'note': 'Q3 report',
            'params': {'organization_id': funder, 'from': '2012-01-01', 'to': '2026-12-31'}}
    answers = at_once([lambda i=i: (a if i % 2 else b).call('POST', '/api/v1/reports/submissions', body)
                       for i in range(6)])
    no_server_errors(answers)
    assert [s for s, _ in answers] == [201] * 6, answers
    ids = {body['id'] for _, body in answers}
    assert len(ids) == 6
    listed = {s['id'] for s in ok(a.call('GET', '/api/v1/reports/submissions'))['items']}
    assert ids <= listed
    first = answers[0][1]
    kept = a.call('GET', f"/api/v1/reports/submissions/{first['id']}")
    assert kept[0] == 200


def test_host_lists_imported_through_both_instances_at_once(instances):
    a, b = instances
    workshop = new_workshop(a, 'Border control training', '2026-07-06', '2026-07-07')
    path = f"/api/v1/workshops/{workshop['id']}/registrations/import?dry_run=false"
    surnames = '王李张刘陈杨赵黄'
    given = '伟芳娜敏静丽强磊军洋'
    lists = [[f'{surnames[k]}{given[j]}{"甲乙"[k % 2]}' for j in range(10)] for k in range(8)]
    # A host agency's list each: a title row above the header, 10 Chinese names.
    answers = at_once([lambda k=k: (a if k % 2 else b).call(
        'POST', path, csv='培训班学员名单\n姓名,性别\n' + ''.join(n + ',女\n' for n in lists[k]))
        for k in range(8)])
    no_server_errors(answers)
    # An import refuses to save when records changed while it read its list
    # (409: import again); those saved each report their own list, whether or
    # not their writes ran again after losing a race.
    saved = [report for status, report in answers if status == 200]
    assert all(status in (200, 409) for status, _ in answers), answers
    assert saved
    for report in saved:
        assert report['summary']['actions']['create_person'] == 10, report['summary']
        created = [row for row in report['rows'] if row['action'] == 'create_person']
        assert len({row['person_id'] for row in created}) == 10  # the title row is skipped
    registered = ok(a.call('GET', f"/api/v1/workshops/{workshop['id']}/registrations?limit=100"))
    assert len(registered['items']) == 10 * len(saved)


def test_participation_counts_hold_under_concurrent_sheets(binary, cluster, instances):
    a, b = instances
    workshop = new_workshop(a, 'Anti-trafficking training', '2026-08-03', '2026-08-05')
    sessions = ok(a.call('GET', f"/api/v1/workshops/{workshop['id']}/sessions"))['items']
    assert len(sessions) == 3
    people = [new_person(a, name)['id'] for name in
              ('张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴敏', '徐强', '孙悦')]
    for person in people:
        ok(a.call('POST', f"/api/v1/workshops/{workshop['id']}/registrations",
                  {'person_id': person, 'role': 'participant', 'status': 'registered'}), 201)
    marks = ('present', 'late', 'absent', 'excused')

    def sheet(k):
        return [{'person_id': p, 'status': marks[(k + j) % 4]} for j, p in enumerate(people)]

    calls = []
    for k in range(24):
        session = sessions[k % 3]['id']
        path = f"/api/v1/workshops/{workshop['id']}/sessions/{session}/attendance"
        calls.append(lambda k=k, path=path: (a if k % 2 else b).call('PUT', path, sheet(k)))
    answers = at_once(calls)
    no_server_errors(answers)
    assert all(s == 200 for s, _ in answers), answers
    # Participant-days worked out from the marks the grid holds now.
    grid = ok(a.call('GET', f"/api/v1/workshops/{workshop['id']}/attendance"))
    attended = sum(1 for row in grid['rows'] for mark in row['marks']
                   if mark in ('present', 'late'))
    report = ok(a.call('GET', f"/api/v1/reports/attendance?workshop_id={workshop['id']}"))
    assert report['totals']['participant_days'] == attended
    # And capdev check recounts the participation table against the marks.
    subprocess.run([binary, 'check', '--db', cluster.primary.uri], check=True, capture_output=True)


def test_an_acknowledged_write_survives_killing_capdev_and_postgres(binary, cluster, instances):
    _, b = instances
    c = Capdev(binary, cluster.primary.uri)
    c.token = b.token
    written = [new_person(c, name) for name in ('马丽', '郭涛', '何静', '高峰', '林娜')]
    c.kill()  # SIGKILL right after the last answer
    cluster.primary.stop('immediate')
    cluster.primary.start()
    d = Capdev(binary, cluster.primary.uri)
    try:
        d.token = b.token
        for person in written:
            kept = ok(d.call('GET', f"/api/v1/people/{person['id']}"))
            assert kept['native_name'] == person['native_name']
            assert kept['full_name'] == person['full_name']
        # B's connections died with the server: it opens new ones.
        assert ok(b.call('GET', f"/api/v1/people/{written[0]['id']}"))['id'] == written[0]['id']
        assert b.call('POST', '/api/v1/people', {'native_name': '罗军'})[0] == 201
    finally:
        d.stop()


def test_the_sample_nginx_spreads_requests_and_keeps_login_limits(binary, cluster):
    extra = ['--trusted-proxy', '127.0.0.1', '--max-connections-per-address', '512',
             '--login-failures', '3']
    a = Capdev(binary, cluster.primary.uri, extra=extra)
    b = Capdev(binary, cluster.primary.uri, read_db=cluster.standby.uri, extra=extra)
    sample = os.path.join(os.path.dirname(__file__), '..', '..', 'scripts', 'nginx-capdev.conf')
    nginx = Nginx(cluster.root, sample, (a.port, b.port))
    try:
        subprocess.run([binary, 'user', 'add', 'lin', '--role', 'viewer', '--db',
                        cluster.primary.uri], input='lin-password-for-tests\n', text=True,
                       check=True, capture_output=True)
        token = ok(nginx.call('POST', '/api/v1/auth/login',
                              {'username': 'admin', 'password': ADMIN_PASSWORD}))['token']
        for _ in range(12):
            ok(nginx.call('GET', '/api/v1/workshops', token=token))
        assert ok(nginx.call('GET', SUMMARY, token=token))['totals']
        served = [sum('GET /api/v1/workshops 200' in line for line in x.lines) for x in (a, b)]
        assert min(served) > 0, served  # both instances answered
        # A client cannot pose as another through the proxy: nginx appends
        # the address it saw, and that is the one capdev counts.
        for _ in range(3):
            assert nginx.call('POST', '/api/v1/auth/login',
                              {'username': 'lin', 'password': 'a wrong guess'},
                              forwarded_for='203.0.113.7')[0] == 401
        assert nginx.call('POST', '/api/v1/auth/login',
                          {'username': 'lin', 'password': 'lin-password-for-tests'},
                          forwarded_for='203.0.113.8')[0] == 429
    finally:
        nginx.stop()
        a.stop()
        b.stop()
