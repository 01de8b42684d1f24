#!/usr/bin/env python3
"""The start of a morning session: 300 participants check in within a minute
(bench/run.sh, section 9; bench/checkin.sh starts the server).

On a server with an empty programme and a coordinator (--token), it creates a
project, a confirmed one-day workshop dated today in China (UTC+8) with its
one session, PARTICIPANTS people with Chinese names (pinyin and characters)
and their registrations, issues every registration its personal code, and
opens self check-in for the session (an explicit window around the run).

The run: a coordinator's screen shows the QR code of /c/SESSION_KEY?t=STEP;
a thread fetches it (GET .../checkin/qr.svg) every --qr-every seconds, turns
the SVG's modules into a PGM image and reads it with zbarimg, as a phone
would (the step code changes every 15 s). Each participant arrives at a time
drawn (seeded) from the shape of a session's start: a first wave of --wave
people at once as the code goes up (those already seated), the others
arriving ever more thinly (exponential, mean a quarter of --seconds, cut at
--seconds). At its time each participant opens its own connection (no
cookies: its own phone), POSTs {t, code} to /c/SESSION_KEY and reads the
answer; at most --in-flight are under way at once (more wait their turn, and
the wait counts). A latency is from the participant's scheduled arrival to
the answer's last byte, so a client that falls behind shows as latency.
With --work, each request's times are written to checkins.tsv and
reference.tsv there.

Afterwards: the attendance matrix must hold a present or late mark with
source self_checkin for every participant, GET .../checkin must count them
all, and every 200 must name the participant whose code was sent. A
check-in is lost if it is missing from the matrix; answered-but-failed
(non-200, connection errors) are counted apart.

The reference, on the same server right after, with the same arrival
times, connections and in-flight cap, the QR code still read every
--qr-every seconds (the same background load): each arrival PUTs a one-mark
attendance sheet on a session of another workshop, a coordinator's durable
write of one mark through the same writer (the mark, its participation row,
the audit entry, the commit), the mark alternating present/absent so that
every PUT changes it and whether it counts. --reference healthz (GET
/healthz) or none instead.

Prints one line: BENCH key=value ... (latencies in ms; p99 is the 297th of
300 sorted, nearest rank).

  checkin.py --port P --token T [--participants 300] [--seconds 60]
             [--wave 50] [--wave-seconds 0.1] [--in-flight 50]
             [--qr-every 10] [--seed 1]
             [--reference put|healthz|none] [--work DIR]
"""
import argparse
import datetime
import http.client
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# Surnames and given-name characters with their pinyin (no two given
# characters share a syllable, so no two people share a Latin name).
SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"),
            ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
            ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
            ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
            ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"),
         ("静", "jing"), ("丽", "li"), ("强", "qiang"), ("磊", "lei"),
         ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
         ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"),
         ("超", "chao"), ("霞", "xia"), ("平", "ping"), ("刚", "gang")]
CHINA = datetime.timezone(datetime.timedelta(hours=8))  # no summer time


def person(n):
    """The n-th participant (n < 400): {full_name, native_name, gender}."""
    s, sp = SURNAMES[n % len(SURNAMES)]
    g1, p1 = GIVEN[(n // len(SURNAMES)) % len(GIVEN)]
    g2, p2 = GIVEN[(n * 7 + 3) % len(GIVEN)]
    return {"full_name": f"{sp.upper()} {(p1 + p2).capitalize()}",
            "native_name": s + g1 + g2,
            "gender": "female" if n % 2 else "male"}


class Api:
    """The coordinator's client: one keep-alive connection, bearer token."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, expect=(200, 201), raw=False):
        headers = {"Authorization": "Bearer " + self.token}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):  # once more on a connection the server closed
            try:
                self.conn.request(method, path, data, headers)
                r = self.conn.getresponse()
                payload = r.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                if attempt:
                    raise
        if r.status not in expect:
            raise RuntimeError(f"{method} {path}: {r.status} {payload[:300]!r}")
        if raw:
            return payload
        return json.loads(payload) if payload else None


def iso_z(t):
    return datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


def set_up(api, participants):
    today = datetime.datetime.now(CHINA).date()
    project = api.call("POST", "/api/v1/projects",
                       {"code": "CHECKIN", "title": "Self check-in benchmark"})["id"]
    workshop = api.call("POST", "/api/v1/workshops", {
        "project_id": project, "title": "出入境管理培训班 Border management training",
        "kind": "training", "status": "confirmed", "city": "Kunming",
        "start_date": today.isoformat(), "end_date": today.isoformat()})["id"]
    sessions = api.call("GET", f"/api/v1/workshops/{workshop}/sessions")["items"]
    session = sessions[0]["id"]
    names = {}
    for n in range(participants):
        p = api.call("POST", "/api/v1/people", person(n))
        api.call("POST", f"/api/v1/workshops/{workshop}/registrations",
                 {"person_id": p["id"], "role": "participant", "status": "registered"})
        names[p["id"]] = p["full_name"]
    issued = api.call("POST", f"/api/v1/workshops/{workshop}/links", {})["issued"]
    links = api.call("GET", f"/api/v1/workshops/{workshop}/links")["items"]
    if issued != participants or len(links) != participants:
        raise RuntimeError(f"links: {issued} issued, {len(links)} listed")
    codes = [(l["code"], l["person_id"], names[l["person_id"]]) for l in links]
    # The reference's workshop: held three days ago, one participant.
    past = (today - datetime.timedelta(days=3)).isoformat()
    ref_workshop = api.call("POST", "/api/v1/workshops", {
        "project_id": project, "title": "Reference workshop", "kind": "training",
        "status": "held", "start_date": past, "end_date": past})["id"]
    ref_session = api.call("GET", f"/api/v1/workshops/{ref_workshop}/sessions")["items"][0]["id"]
    api.call("POST", f"/api/v1/workshops/{ref_workshop}/registrations",
             {"person_id": next(iter(names)), "role": "participant", "status": "registered"})
    return {"workshop": workshop, "session": session, "codes": codes,
            "ref_path": f"/api/v1/workshops/{ref_workshop}/sessions/{ref_session}/attendance",
            "ref_person": next(iter(names))}


def qr_modules(svg):
    """The dark modules of capdev's QR SVG (app/formats/qr_svg.cpp: one
    "Mx yhNv1h-Nz" run a row segment): (size, rows of 0/1)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    d = re.search(r'<path[^>]* d="([^"]*)"', svg).group(1)
    grid = [[0] * size for _ in range(size)]
    runs = re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", d)
    if not runs:
        raise RuntimeError("qr.svg: no modules")
    for x, y, run in runs:
        for i in range(int(run)):
            grid[int(y)][int(x) + i] = 1
    return size, grid


def read_qr(svg, work):
    """The text of the QR code, read by zbarimg from the SVG drawn as a PGM."""
    size, grid = qr_modules(svg)
    scale = 6
    rows = []
    for row in grid:
        line = bytes(0 if dark else 255 for dark in row for _ in range(scale))
        rows.extend([line] * scale)
    path = os.path.join(work, "qr.pgm")
    with open(path, "wb") as f:
        f.write(b"P5 %d %d 255\n" % (size * scale, size * scale) + b"".join(rows))
    out = subprocess.run(["zbarimg", "--raw", "-q", path], capture_output=True,
                         text=True, timeout=30)
    text = out.stdout.strip()
    if out.returncode != 0 or not text:
        raise RuntimeError(f"zbarimg read nothing: {out.stderr.strip()[:200]}")
    return text


class Screen:
    """The coordinator's check-in screen: the current /c/KEY?t=STEP, read
    from the QR code every `every` seconds by a thread of its own."""

    def __init__(self, port, token, workshop, session, work, every):
        self.api = Api(port, token)
        self.path = f"/api/v1/workshops/{workshop}/sessions/{session}/checkin/qr.svg"
        self.work, self.every = work, every
        self.lock = threading.Lock()
        self.codes, self.reads, self.read_ms, self.error = set(), 0, [], None
        self.stopping = threading.Event()
        self.refresh()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def refresh(self):
        t0 = time.monotonic()
        svg = self.api.call("GET", self.path, raw=True).decode()
        url = read_qr(svg, self.work)
        m = re.fullmatch(r"https?://[^/]+(/c/[^?]+)\?t=(.+)", url)
        if not m:
            raise RuntimeError(f"unexpected QR text {url!r}")
        with self.lock:
            self.current = (m.group(1), m.group(2))
            self.codes.add(m.group(2))
            self.reads += 1
            self.read_ms.append((time.monotonic() - t0) * 1000)

    def loop(self):
        while not self.stopping.wait(self.every):
            try:
                self.refresh()
            except Exception as e:  # noqa: BLE001 (reported, the old code kept)
                self.error = repr(e)

    def now(self):
        with self.lock:
            return self.current

    def stop(self):
        self.stopping.set()
        self.thread.join()


def arrivals(n, seconds, wave, wave_seconds, seed):
    """Seeded arrival times (s from the start), sorted: `wave` of them within
    the first wave_seconds, the rest exponential with mean seconds/4, cut at
    seconds."""
    rng = random.Random(seed)
    times = [rng.uniform(0, wave_seconds) for _ in range(min(wave, n))]
    while len(times) < n:
        t = rng.expovariate(4 / seconds)
        if t < seconds:
            times.append(t)
    return sorted(times)


def percentile(values, p):
    """Nearest rank: the ceil(p/100 * n)-th smallest."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)] if s else float("nan")


def drive(port, times, in_flight, request):
    """Sends request(i) (-> (method, path, body, headers)) at each time of
    `times` from now, each on a connection of its own, at most in_flight at
    once. Returns per request (status, latency_ms, service_ms, body, error)
    and the most in flight."""
    results = [None] * len(times)
    busy, most, lock = [0], [0], threading.Lock()

    def one(i, due):
        with lock:
            busy[0] += 1
            most[0] = max(most[0], busy[0])
        started = time.monotonic()
        method, path, body, headers = request(i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        status, payload, error = None, b"", None
        try:
            conn.request(method, path, body, headers)
            r = conn.getresponse()
            status, payload = r.status, r.read()
        except (OSError, http.client.HTTPException) as e:
            error = repr(e)
        finally:
            conn.close()
        done = time.monotonic()
        with lock:
            busy[0] -= 1
        results[i] = (status, (done - due) * 1000, (done - started) * 1000, payload, error)

    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        start = time.monotonic() + 0.05
        for i, t in enumerate(times):
            due = start + t
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, i, due)
    return results, most[0]


def dump(path, times, results):
    """Each request's arrival (s), latency and service time (ms), status."""
    with open(path, "w") as f:
        f.write("arrival_s\tlatency_ms\tservice_ms\tstatus\n")
        for t, r in zip(times, results):
            f.write(f"{t:.3f}\t{r[1]:.2f}\t{r[2]:.2f}\t{r[0] or r[4]}\n")


def summary(prefix, results, most):
    lat = [r[1] for r in results]
    service = [r[2] for r in results]
    return {f"{prefix}ok": sum(1 for r in results if r[0] == 200),
            f"{prefix}non200": sum(1 for r in results if r[0] is not None and r[0] != 200),
            f"{prefix}errors": sum(1 for r in results if r[4] is not None),
            f"{prefix}p50_ms": round(percentile(lat, 50), 1),
            f"{prefix}p90_ms": round(percentile(lat, 90), 1),
            f"{prefix}p99_ms": round(percentile(lat, 99), 1),
            f"{prefix}max_ms": round(max(lat), 1),
            f"{prefix}service_p99_ms": round(percentile(service, 99), 1),
            f"{prefix}in_flight_max": most}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--participants", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--wave", type=int, default=50)
    ap.add_argument("--wave-seconds", type=float, default=0.1)
    ap.add_argument("--in-flight", type=int, default=50)
    ap.add_argument("--qr-every", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reference", choices=["put", "healthz", "none"], default="put")
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    if a.participants > len(SURNAMES) * len(GIVEN):
        sys.exit(f"checkin.py: at most {len(SURNAMES) * len(GIVEN)} participants")
    work = a.work or tempfile.mkdtemp(prefix="capdev-checkin.")

    api = Api(a.port, a.token)
    t0 = time.monotonic()
    setup = set_up(api, a.participants)
    setup_s = time.monotonic() - t0
    # Open from ten minutes ago for an hour; late from three quarters of the
    # run on, so that the stragglers are marked late.
    now = time.time()
    api.call("POST", f"/api/v1/workshops/{setup['workshop']}/sessions/"
             f"{setup['session']}/checkin",
             {"opens_at": iso_z(now - 600), "closes_at": iso_z(now + 3600),
              "late_after": iso_z(now + 2 + 0.75 * a.seconds)})
    out = {"participants": a.participants, "setup_s": round(setup_s, 1)}

    times = arrivals(a.participants, a.seconds, a.wave, a.wave_seconds, a.seed)
    out["arrived_first_20s"] = sum(1 for t in times if t < 20)
    screen = Screen(a.port, a.token, setup["workshop"], setup["session"], work, a.qr_every)
    codes = setup["codes"]
    order = list(range(a.participants))
    random.Random(a.seed + 1).shuffle(order)  # who arrives when

    def checkin(i):
        path, step = screen.now()
        code = codes[order[i]][0]
        return ("POST", path, json.dumps({"t": step, "code": code}).encode(),
                {"Content-Type": "application/json"})

    results, most = drive(a.port, times, a.in_flight, checkin)
    with screen.lock:
        out_qr = {"qr_reads": screen.reads, "qr_codes": len(screen.codes),
                  "qr_read_max_ms": round(max(screen.read_ms), 1)}
    dump(os.path.join(work, "checkins.tsv"), times, results)
    out.update(summary("", results, most))
    out.update(out_qr)
    if screen.error:
        out["qr_error"] = 1

    # Every 200 names the participant whose code was sent.
    wrong = 0
    for i, r in enumerate(results):
        if r[0] == 200:
            answer = json.loads(r[3])
            if (answer["person"]["full_name"] != codes[order[i]][2]
                    or answer["source"] != "self_checkin"):
                wrong += 1
    out["wrong_person"] = wrong
    failures = {}
    for r in results:
        if r[0] != 200:
            key = str(r[0]) if r[4] is None else r[4].split("(")[0]
            failures[key] = failures.get(key, 0) + 1
    if failures:
        out["failures"] = ",".join(f"{k}:{v}" for k, v in sorted(failures.items()))

    # Nothing lost: the matrix and the check-in count.
    w, s = setup["workshop"], setup["session"]
    matrix = api.call("GET", f"/api/v1/workshops/{w}/attendance")
    column = [x["id"] for x in matrix["sessions"]].index(s)
    marks = {"present": 0, "late": 0}
    self_marked = 0
    for row in matrix["rows"]:
        status, source = row["marks"][column], row["sources"][column]
        if status in marks:
            marks[status] += 1
            self_marked += source == "self_checkin"
    state = api.call("GET", f"/api/v1/workshops/{w}/sessions/{s}/checkin")
    out["marked"] = marks["present"] + marks["late"]
    out["present"], out["late"] = marks["present"], marks["late"]
    out["self_checkin"] = self_marked
    out["lost"] = a.participants - self_marked
    out["checked_in"] = state["checked_in"]
    out["registered"] = state["registered"]
    out["flags"] = len(state["flags"])

    if a.reference != "none":
        if a.reference == "put":
            auth = {"Authorization": "Bearer " + a.token,
                    "Content-Type": "application/json"}

            def reference(i):
                status = "absent" if i % 2 else "present"
                body = json.dumps([{"person_id": setup["ref_person"], "status": status}])
                return ("PUT", setup["ref_path"], body.encode(), auth)
        else:
            def reference(i):
                return ("GET", "/healthz", None, {})
        ref, ref_most = drive(a.port, times, a.in_flight, reference)
        dump(os.path.join(work, "reference.tsv"), times, ref)
        out.update(summary("ref_", ref, ref_most))
    # The screen stays up through the reference: the same background load
    # (its GETs of the QR code, zbarimg's reading) in both runs.
    screen.stop()
    print("BENCH " + " ".join(f"{k}={v}" for k, v in out.items()))
    ok = (out["ok"] == a.participants and out["lost"] == 0 and wrong == 0
          and out["checked_in"] == a.participants)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
