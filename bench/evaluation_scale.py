"""bench/evaluation_scale.py BINARY WORKSHOPS (by hand, not in make bench yet).
Times the evaluation report at a programme's scale: W held workshops of a project, 30
participants each, a pre-test, a post-test and an anonymous reaction survey all answered
by everyone; against the summary report (attendance) over the same workshops."""
import json, subprocess, sys, time, urllib.request, re, os, tempfile, random, statistics
from concurrent.futures import ThreadPoolExecutor
binary, W = sys.argv[1], int(sys.argv[2])
work = tempfile.mkdtemp(); db = os.path.join(work, 'c.db')
def run(*a, stdin=None): subprocess.run([binary, *a], input=stdin, text=True, check=True, capture_output=True)
run('migrate', '--db', db)
run('user', 'add', 'coord', '--role', 'coordinator', '--db', db, stdin='correct horse battery\n')
log = open(os.path.join(work, 'serve.log'), 'w')
p = subprocess.Popen([binary, 'serve', '--db', db, '--port', '0'], stdout=log, stderr=subprocess.STDOUT, text=True)
port = None
while port is None:
    time.sleep(0.2)
    m = re.search(r'listening on http://127\.0\.0\.1:(\d+)', open(os.path.join(work, 'serve.log')).read())
    if m: port = int(m.group(1))
base = f'http://127.0.0.1:{port}'
tok = json.load(urllib.request.urlopen(urllib.request.Request(base + '/api/v1/auth/login', data=json.dumps({'username': 'coord', 'password': 'correct horse battery'}).encode(), method='POST')))['token']
def api(path, body=None, method=None):
    r = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method or ('POST' if body is not None else 'GET'),
                               headers={'Authorization': 'Bearer ' + tok, 'Content-Type': 'application/json'})
    with urllib.request.urlopen(r) as a: return json.loads(a.read())
try:
    pid = api('/api/v1/projects', {'code': 'SCALE', 'title': 'Scale'})['id']
    test = api(f'/api/v1/projects/{pid}/questionnaires', {'kind': 'knowledge_test', 'title': 'T', 'items': [
        {'key': f'q{k}', 'type': 'single_choice', 'text': 'Q', 'native_text': '问', 'options': [{'text': 'A', 'native_text': '甲'}, {'text': 'B', 'native_text': '乙'}, {'text': 'C', 'native_text': '丙'}], 'correct_option': 2} for k in range(10)]})
    survey = api(f'/api/v1/projects/{pid}/questionnaires', {'kind': 'reaction', 'title': 'R', 'anonymous': True, 'items': [
        {'key': f'r{k}', 'type': 'likert5', 'text': 'R', 'native_text': '满'} for k in range(5)]})
    t0 = time.time()
    def workshop(i):
        w = api('/api/v1/workshops', {'project_id': pid, 'title': f'W{i}', 'kind': 'training', 'status': 'held', 'start_date': f'2025-{1 + i % 12:02d}-{1 + i % 27:02d}', 'end_date': f'2025-{1 + i % 12:02d}-{1 + i % 27:02d}'})
        ev = api(f'/api/v1/workshops/{w["id"]}/evaluations', [{'questionnaire_id': test['id'], 'stage': 'pre'}, {'questionnaire_id': test['id'], 'stage': 'post'}, {'questionnaire_id': survey['id'], 'stage': 'reaction'}], 'PUT')
        rnd = random.Random(i)
        for k in range(30):
            person = api('/api/v1/people', {'full_name': f'P{i}-{k}', 'gender': rnd.choice(['female', 'male'])})
            reg = api(f'/api/v1/workshops/{w["id"]}/registrations', {'person_id': person['id']})['id']
            for e, items in [(ev[0], 10), (ev[1], 10)]:
                api(f'/api/v1/workshops/{w["id"]}/evaluations/{e["id"]}/responses', {'registration_id': reg, 'answers': {f'q{j}': rnd.randint(1, 3) for j in range(items)}})
            api(f'/api/v1/workshops/{w["id"]}/evaluations/{ev[2]["id"]}/responses', {'registration_id': reg, 'answers': {f'r{j}': rnd.randint(1, 5) for j in range(5)}})
    with ThreadPoolExecutor(4) as pool: list(pool.map(workshop, range(W)))
    print(f'set up {W} workshops in {time.time() - t0:.0f} s', flush=True)
    def timed(path, n=7):
        out = []
        for _ in range(n):
            s = time.perf_counter(); api(path); out.append((time.perf_counter() - s) * 1000)
        return statistics.median(out)
    q = f'project_id={pid}&from=2025-01-01&to=2025-12-31'
    ev = timed(f'/api/v1/reports/evaluation?{q}')
    sm = timed(f'/api/v1/reports/summary?{q}')
    one = timed(f'/api/v1/reports/evaluation?workshop_id=1')
    print(f'evaluation report, {W} workshops, {W*90} answers: median {ev:.1f} ms; summary report (reference) {sm:.1f} ms; ratio {ev/sm:.2f}; one workshop {one:.1f} ms')
finally:
    p.terminate()
