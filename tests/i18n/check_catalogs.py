#!/usr/bin/env python3
"""The catalogs' own test (README "Languages").

Fails when
- a key is in one catalog and not the other, or a key the code names is in
  neither;
- a key is in the catalogs and no code names it any more;
- an entry's values ({name}) differ between the languages, or its braces do
  not balance (a pattern ICU would refuse);
- an enumeration value the web app offers has no label.

A key is named in code as a string literal ("error.required",
'web.home.title'); families built at run time ("enum." + kind + "." + value,
"field." + name, "http.status_" + code, "lang." + tag, "error." + code,
"error.record." + noun, "error.referenced_by." + table) are checked by their
own rules: below, and in tests/app/i18n_test.cpp (CatalogTest), which also
has ICU read every pattern.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LANGS = ("en", "zh")
PREFIXES = ("common", "nav", "signin", "web", "error", "report", "figure",
            "checkin", "participant", "certificate", "verify",
            "field", "enum", "http", "lang", "sheet")
DYNAMIC = ("enum.", "field.", "http.status_", "lang.", "error.record.",
           "error.referenced_by.", "error.noun.", "certificate.heading.",
           "certificate.wording.")
KEY = re.compile(r"""["'`]((?:%s)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)["'`]""" % "|".join(PREFIXES))


def catalogs():
    return {lang: json.loads((ROOT / "app/i18n" / f"{lang}.json").read_text("utf-8"))
            for lang in LANGS}


def sources():
    for pattern in ("app/**/*.js", "app/**/*.cpp", "app/**/*.hpp", "domain/**/*.cpp",
                    "domain/**/*.hpp", "storage/**/*.cpp", "storage/**/*.hpp"):
        yield from ROOT.glob(pattern)


def arguments(pattern):
    """The argument names of a MessageFormat pattern (inside plural and
    select options too, but not the options' own text), or None when it does
    not parse."""
    names = set()

    def message(at, nested):
        while at < len(pattern):
            c = pattern[at]
            if c == "}":
                return at if nested else None
            if c == "{":
                at = argument(at + 1)
                if at is None:
                    return None
            else:
                at += 1
        return None if nested else at

    def argument(at):
        m = re.match(r"\s*([a-z_][a-z0-9_]*)\s*([,}])", pattern[at:])
        if not m:
            return None
        names.add(m.group(1))
        at += m.end()
        if m.group(2) == "}":
            return at
        m = re.match(r"\s*(\w+)\s*([,}])", pattern[at:])
        if not m:
            return None
        kind = m.group(1)
        at += m.end()
        if m.group(2) == "}":
            return at
        if kind not in ("plural", "select", "selectordinal"):
            end = pattern.find("}", at)
            return None if end < 0 else end + 1
        while True:
            m = re.match(r"\s*(=?[\w.-]+)\s*\{", pattern[at:])
            if not m:
                m = re.match(r"\s*\}", pattern[at:])
                return at + m.end() if m else None
            at = message(at + m.end(), True)
            if at is None:
                return None
            at += 1  # the option's "}"

    return names if message(0, False) is not None else None


def main():
    problems = []
    cats = catalogs()
    en, zh = cats["en"], cats["zh"]
    for key in sorted(set(en) ^ set(zh)):
        problems.append(f"{key}: in {'en' if key in en else 'zh'}.json only")
    for key in sorted(set(en) & set(zh)):
        a, b = arguments(en[key]), arguments(zh[key])
        if a is None or b is None:
            problems.append(f"{key}: not a MessageFormat pattern ICU reads")
        elif b - a or {n for n in a - b if not re.search(r"\{\s*%s\s*,\s*plural" % n, en[key])}:
            # A count only choosing English's plural form may go unsaid in Chinese.
            problems.append(f"{key}: values differ (en {sorted(a)}, zh {sorted(b)})")
        if not zh[key].strip() or not en[key].strip():
            problems.append(f"{key}: empty")

    named = set()
    for path in sources():
        for key in KEY.findall(path.read_text("utf-8")):
            named.add(key)
    # Each stable error code has its own message, "error.<code>".
    status = (ROOT / "domain/status.hpp").read_text("utf-8")
    for code in re.findall(r'ErrorCode k\w+\{"([a-z_]+)"\}', status):
        named.add(f"error.{code}")
    for key in sorted(named):
        if key in DYNAMIC or (key.startswith(DYNAMIC) and key.endswith(".")):
            continue
        if key not in en and key not in zh:
            problems.append(f"{key}: named in code, in no catalog")
    for key in sorted(set(en) | set(zh)):
        if key in named or key.startswith(DYNAMIC):
            continue
        problems.append(f"{key}: in the catalogs, named by no code")

    # Every enumeration value the web app offers has its label.
    format_js = (ROOT / "app/web/js/format.js").read_text("utf-8")
    enums = re.search(r"export const ENUMS = \{(.*?)\n\};", format_js, re.S)
    for kind, values in re.findall(r"(\w+): \[([^\]]*)\]", enums.group(1) if enums else ""):
        for value in re.findall(r"'([a-z_]+)'", values):
            if f"enum.{kind}.{value}" not in en:
                problems.append(f"enum.{kind}.{value}: no label")

    for p in problems:
        print(p)
    print(f"{len(en)} keys; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
