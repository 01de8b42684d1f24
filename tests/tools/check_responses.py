"""Validates recorded HTTP responses against the OpenAPI document.

usage: check_responses.py OPENAPI.json CASES.json

CASES is a JSON array of {"path": template, "method": "get", "status": 200,
"content_type": "...", "body": "..."}. Each JSON body is validated (JSON
Schema 2020-12) against the schema the document declares for that path,
method and status. Prints every mismatch; exits 1 if there is any.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    cases = json.load(open(sys.argv[2], encoding="utf-8"))
    failures = 0
    for case in cases:
        where = f'{case["method"].upper()} {case["path"]} {case["status"]}'
        operation = doc["paths"].get(case["path"], {}).get(case["method"])
        if operation is None:
            print(f"{where}: not in the document")
            failures += 1
            continue
        response = operation["responses"].get(str(case["status"]))
        if response is None:
            print(f"{where}: status not documented")
            failures += 1
            continue
        if "$ref" in response:
            response = doc["components"]["responses"][response["$ref"].split("/")[-1]]
        media = case["content_type"].split(";")[0].strip()
        content = response.get("content", {})
        if media not in content:
            if case["body"]:
                print(f"{where}: content type {media} not documented")
                failures += 1
            continue
        if not media.endswith("json"):
            continue
        schema = dict(content[media]["schema"])
        schema["components"] = doc["components"]  # so "#/components/..." resolves
        errors = sorted(Draft202012Validator(schema).iter_errors(json.loads(case["body"])), key=str)
        for error in errors[:3]:
            print(f"{where}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
        failures += bool(errors)
    print(f"responses checked: {len(cases) - failures} match, {failures} do not")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
