#!/usr/bin/env python3
"""100 certificates in one PDF (bench/run.sh, section 10; bench/certificates.sh
starts the server).

On a server with an empty programme and a coordinator (--token), it creates a
project with a template (two signatories with signature images and a logo), a
held one-day workshop with a long title in both scripts, its trainer and
organizer institutions, and COUNT participants with Chinese names (long ones
among them), marks them all present and issues their certificates of
attendance. Then, RUNS times each, alternating: GET the workshop's
certificates as one PDF (every page drawn, fonts subset, QR codes) and, as
the reference, GET the same register as JSON (the same reads and the same
request path, nothing drawn). Prints one BENCH line: the medians in ms, the
PDF's pages and bytes.
"""
import argparse
import base64
import json
import statistics
import subprocess
import tempfile
import time
import struct
import urllib.request
import zlib

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["芳", "伟", "娜娜", "志强", "秀英", "敏", "静", "丽", "强", "磊"]
LONG = ["阿卜杜热合曼·买买提明", "欧阳娜娜", "司马相如", "诸葛亮明"]


def png(width, height):
    """A grey rectangle as a PNG (a stand-in for a scanned signature)."""
    raw = b"".join(b"\x00" + bytes([90, 90, 90]) * width for _ in range(height))
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    base = f"http://127.0.0.1:{a.port}"

    def call(method, path, body=None):
        req = urllib.request.Request(
            base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": "Bearer " + a.token,
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            raw = r.read()
            return json.loads(raw) if "json" in r.headers["content-type"] else raw

    project = call("POST", "/api/v1/projects", {
        "code": "CERT", "title": "EU-China Dialogue on Migration and Mobility Support Project",
        "native_title": "支持中欧人员往来和移民领域对话项目"})["id"]
    sig = base64.b64encode(png(300, 90)).decode()
    call("PUT", f"/api/v1/projects/{project}/certificate-template", {
        "signatories": [{"name": "Pär Sjöström", "title": "Chief of Mission, IOM China",
                         "signature_image": sig},
                        {"name": "刘明", "title": "公安部出入境管理局副局长", "signature_image": sig}],
        "logo_image": base64.b64encode(png(240, 120)).decode()})
    orgs = [call("POST", "/api/v1/organizations", {"name": n, "native_name": z, "kind": "intergovernmental"})["id"]
            for n, z in (("International Organization for Migration", "国际移民组织"),
                         ("European Border and Coast Guard Agency", "欧洲边境和海岸警卫局"))]
    workshop = call("POST", "/api/v1/workshops", {
        "project_id": project, "kind": "training", "status": "held",
        "title": "Training Workshop on Integrated Border Management and Document Examination "
                 "for Senior Officials of the Exit and Entry Administration",
        "native_title": "出入境管理局高级官员综合边境管理与证件检验培训班",
        "start_date": "2025-03-10", "end_date": "2025-03-10", "city": "Xiamen"})["id"]
    w = f"/api/v1/workshops/{workshop}"
    call("PUT", w + "/organizations", [{"organization_id": orgs[0], "role": "organizer"},
                                       {"organization_id": orgs[1], "role": "trainer"}])
    sheet = []
    for i in range(a.count):
        name = LONG[i % len(LONG)] if i % 10 == 0 else \
            SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        pid = call("POST", "/api/v1/people", {"native_name": name})["id"]
        call("POST", w + "/registrations", {"person_id": pid, "role": "participant",
                                            "status": "registered"})
        sheet.append({"person_id": pid, "status": "present"})
    session = call("GET", w + "/sessions")
    sessions = session["items"] if isinstance(session, dict) else session
    call("PUT", f"{w}/sessions/{sessions[0]['id']}/attendance", sheet)
    issued = call("POST", w + "/certificates", {"kind": "attendance"})
    assert issued["created"] == a.count, issued["created"]

    pdf_ms, json_ms, pdf = [], [], b""
    for _ in range(a.runs):
        t = time.perf_counter()
        pdf = call("GET", w + "/certificates?format=pdf")
        pdf_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        call("GET", w + "/certificates")
        json_ms.append((time.perf_counter() - t) * 1000)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    pages = next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "0")
    print(f"BENCH pdf_ms={statistics.median(pdf_ms):.1f} json_ms={statistics.median(json_ms):.1f} "
          f"first_pdf_ms={pdf_ms[0]:.1f} pages={pages} bytes={len(pdf)}")


if __name__ == "__main__":
    main()
