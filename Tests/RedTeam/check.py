#!/usr/bin/env python3
"""Validate the red-team set: listings/*.md against expected.yml.

Checks that every listing parses (YAML front matter with the listing-lint keys), that every listing has
exactly one entry in expected.yml and vice versa, that every expected `text` occurs in the file at least
`occurrence` times (occurrences are counted on the raw file, front matter included, overlapping, 1-based),
that `missing-modules` findings name a module the listing's category requires, and that every rule has at
least MIN_POSITIVE listings with a finding. Prints per-rule counts. Exit status 1 on any error.

    python3 Tests/RedTeam/check.py [-v]
"""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_POSITIVE = 8
RULES = ["absolute-terms", "brand-names", "external-links", "off-platform-chat",
         "keyword-stacking", "missing-modules", "erp-price-floor"]
MODULES = {
    "software": ["function", "usage"],
    "operation": ["content", "cycle", "price", "acceptance"],
    "training": ["course", "instructor", "time", "place", "price"],
    "design": ["design", "usage", "price", "delivery-standard"],
    "video": ["shooting", "delivery-time", "price"],
}
PERIODS = {"day", "week", "month", "quarter", "year", "once"}
FM_KEYS = {"id", "title", "category", "provider", "erp", "authorized_brands", "plans"}
# Characters that only occur in Traditional Chinese text (rough, for the language tally only).
TRAD = set("們個說價時課設計處與體點級際後書圖檔務營週繳網鋪裝運講費標準鏡頭攝導覽證據號碼進銷倉庫統調撥"
           "貨異動場會視覺話顏節慶詳頁長寬廣關鍵報產讀環練黃區範華車傳間單規則歷驗採購類")

errors = []


def err(msg):
    errors.append(msg)


def occurrences(doc, text):
    n, i = 0, doc.find(text)
    while i != -1:
        n += 1
        i = doc.find(text, i + 1)
    return n


def language(doc):
    if any(ch in TRAD for ch in doc):
        return "zh-Hant"
    if re.search(r"[\u4e00-\u9fff]", doc):
        return "zh-Hans"
    return "en"


def parse_listing(path):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    m = re.match(r"\A---\n(.*?)\n---\n(.*)\Z", doc, re.S)
    if not m:
        err(f"{path}: no front matter")
        return doc, {}, ""
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        err(f"{path}: front matter does not parse: {e}")
        return doc, {}, ""
    for k in ("id", "title", "category"):
        if k not in fm:
            err(f"{path}: front matter lacks {k}")
    for k in fm:
        if k not in FM_KEYS:
            err(f"{path}: unknown front matter key {k}")
    if fm.get("category") not in MODULES:
        err(f"{path}: bad category {fm.get('category')!r}")
    if "erp" in fm and not isinstance(fm["erp"], bool):
        err(f"{path}: erp is not a bool")
    if "authorized_brands" in fm and not isinstance(fm["authorized_brands"], list):
        err(f"{path}: authorized_brands is not a list")
    for p in fm.get("plans") or []:
        if not isinstance(p, dict) or set(p) - {"name", "price", "currency", "period"}:
            err(f"{path}: bad plan {p!r}")
            continue
        if not isinstance(p.get("price"), (int, float)):
            err(f"{path}: plan price is not a number: {p!r}")
        if p.get("period") not in PERIODS:
            err(f"{path}: bad plan period {p!r}")
    return doc, fm, m.group(2)


def main():
    verbose = "-v" in sys.argv
    with open(os.path.join(HERE, "expected.yml"), encoding="utf-8") as f:
        expected = yaml.safe_load(f)
    files = sorted(f"listings/{n}" for n in os.listdir(os.path.join(HERE, "listings")) if n.endswith(".md"))
    seen = set()
    per_rule_findings = collections.Counter()
    per_rule_listings = collections.Counter()
    categories = collections.Counter()
    langs = collections.Counter()
    clean = 0
    for entry in expected:
        rel = entry.get("file")
        if rel in seen:
            err(f"{rel}: listed twice in expected.yml")
        seen.add(rel)
        path = os.path.join(HERE, rel)
        if not os.path.exists(path):
            err(f"{rel}: file does not exist")
            continue
        doc, fm, body = parse_listing(path)
        if fm.get("id") != entry.get("listing"):
            err(f"{rel}: listing {entry.get('listing')!r} but front matter id {fm.get('id')!r}")
        categories[fm.get("category")] += 1
        langs[language(doc)] += 1
        findings = entry.get("findings")
        if findings is None:
            err(f"{rel}: no findings key (use findings: [] for a clean listing)")
            findings = []
        if not findings:
            clean += 1
        rules_here = set()
        wanted = collections.defaultdict(set)
        for fd in findings:
            rule = fd.get("rule")
            if rule not in RULES:
                err(f"{rel}: unknown rule {rule!r}")
                continue
            rules_here.add(rule)
            per_rule_findings[rule] += 1
            if rule == "missing-modules":
                mod = fd.get("module")
                if mod not in MODULES.get(fm.get("category"), []):
                    err(f"{rel}: module {mod!r} is not required for category {fm.get('category')!r}")
                if "text" in fd:
                    err(f"{rel}: missing-modules finding carries a text")
                if mod in [f.get("module") for f in findings if f is not fd and f.get("rule") == rule]:
                    err(f"{rel}: module {mod} listed twice")
                continue
            text = fd.get("text")
            if not isinstance(text, str) or not text:
                err(f"{rel}: {rule} finding without text")
                continue
            occ = fd.get("occurrence", 1)
            n = occurrences(doc, text)
            if n < occ:
                err(f"{rel}: {rule} text {text!r} occurs {n} time(s), occurrence {occ} wanted")
            if occ in wanted[(rule, text)]:
                err(f"{rel}: {rule} {text!r} occurrence {occ} listed twice")
            wanted[(rule, text)].add(occ)
        for rule in rules_here:
            per_rule_listings[rule] += 1
        if verbose:
            for (rule, text), occs in wanted.items():
                n = occurrences(doc, text)
                if n > len(occs):
                    print(f"note: {rel}: {rule} {text!r} occurs {n}x, expected at occurrence(s) "
                          f"{sorted(occs)} only (the others are intentional non-findings)")
    for rel in files:
        if rel not in seen:
            err(f"{rel}: not in expected.yml")

    total = len(expected)
    print(f"listings: {total}  clean (hard negatives): {clean} ({100 * clean / max(total, 1):.0f}%)  "
          f"with violations: {total - clean}")
    print("categories: " + ", ".join(f"{k} {v}" for k, v in sorted(categories.items(), key=str)))
    print("languages (rough): " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    print(f"{'rule':<20} {'listings':>8} {'findings':>8}")
    for rule in RULES:
        print(f"{rule:<20} {per_rule_listings[rule]:>8} {per_rule_findings[rule]:>8}")
        if per_rule_listings[rule] < MIN_POSITIVE:
            err(f"rule {rule}: only {per_rule_listings[rule]} positive listings (< {MIN_POSITIVE})")
    print(f"{'total':<20} {'':>8} {sum(per_rule_findings.values()):>8}")
    for e in errors:
        print("ERROR: " + e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
