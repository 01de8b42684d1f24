#!/usr/bin/env python3
"""No interface text outside the catalogs (README "Languages").

The rule: in the web app's code (app/web/js, app/web/index.html) a string or
template literal holding words a person would read — a capitalised word
("Save") or two words with a space between them ("not saved") — is text, and
text lives in the catalogs, reached by t('key'). What is not text: catalog
keys, CSS classes and selectors, attribute and event names, media types, and
the few tokens in ALLOWED below. The texts `${...}` puts in are checked where
they are written. A line that must hold such a literal for another reason
says why in a comment holding "text-ok".
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ALLOWED = {
    # Keyboard keys, HTTP headers and media types: protocol, not text.
    "Enter", "Escape", "Tab", "Home", "End", "Content-Type", "Accept",
    "Accept-Language", "X-CSRF-Token", "Retry-After",
    # What the app is called, in every language.
    "capdev",
}
CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?![\w-])")
TWO_WORDS = re.compile(r"(?<![\w.#/:-])[a-z]{2,} [a-z]{2,}(?![\w-])")


def literals(line):
    """The string and template literals of one line (template text without
    its ${...} parts), and the line's code without comments."""
    out, at, n = [], 0, len(line)
    while at < n:
        c = line[at]
        if line.startswith("//", at):
            break
        if c in "'\"`":
            end, text, depth = at + 1, "", 0
            while end < n:
                d = line[end]
                if d == "\\":
                    text += line[end:end + 2]
                    end += 2
                    continue
                if c == "`" and line.startswith("${", end):
                    depth, end = 1, end + 2
                    while end < n and depth:
                        depth += {"{": 1, "}": -1}.get(line[end], 0)
                        end += 1
                    text += " \0 "
                    continue
                if d == c:
                    break
                text += d
                end += 1
            out.append(text)
            at = end + 1
            continue
        at += 1
    return out


def is_text(literal):
    if literal in ALLOWED or literal.startswith(("#", ".", "[", "/", "http")):
        return False
    if re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", literal):  # a catalog key
        return False
    return bool(CAPITALISED.search(literal) or TWO_WORDS.search(literal))


def findings(path):
    in_block = False
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if stripped.startswith(("import ", "export {", "//", "*")) or "text-ok" in line:
            continue
        for literal in literals(line):
            if is_text(literal):
                yield number, literal


def html_findings(path):
    # Text between tags in the page the app starts from.
    text = path.read_text("utf-8")
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", text, flags=re.S)
    body = re.sub(r"<noscript>.*?</noscript>", "", body, flags=re.S)  # says it twice, in both
    for m in re.finditer(r">([^<>]+)<", body):
        words = m.group(1).strip()
        if words and words not in ALLOWED and (CAPITALISED.search(words) or TWO_WORDS.search(words)):
            yield text[:m.start()].count("\n") + 1, words


def main():
    problems = []
    for path in sorted((ROOT / "app/web/js").rglob("*.js")):
        for number, literal in findings(path):
            problems.append(f"{path.relative_to(ROOT)}:{number}: {literal!r}")
    index = ROOT / "app/web/index.html"
    for number, words in html_findings(index):
        problems.append(f"{index.relative_to(ROOT)}:{number}: {words!r}")
    for p in problems:
        print(p)
    print(f"{len(problems)} texts outside the catalogs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
