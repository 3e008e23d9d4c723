#!/usr/bin/env python3
"""Validate the twelfth red-team set (brand-names only): listings, expected.yml, required modules.

Usage: python3 check.py      (exit status 0 when valid, 1 otherwise)
"""
import collections, os, re, sys

try:
    import yaml
except ImportError:
    sys.exit("check.py needs PyYAML (apt-get install python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = {"software", "operation", "training", "design", "video"}

# Required modules per category and language: (zh-Hans, zh-Hant, en)
REQUIRED = {
    "software": [("功能介绍", "功能介紹", "Features"), ("使用流程", "使用流程", "How to use")],
    "operation": [("服务内容", "服務內容", "What's included"), ("服务周期", "服務週期", "Service period"),
                  ("价格", "價格", "Pricing"), ("验收标准", "驗收標準", "Acceptance criteria")],
    "training": [("课程内容", "課程內容", "Syllabus"), ("讲师", "講師", "Instructor"),
                 ("上课时间", "上課時間", "Schedule"), ("上课地点", "上課地點", "Location"),
                 ("价格", "價格", "Pricing")],
    "design": [("设计内容", "設計內容", "Design content"), ("使用方法", "使用方法", "How to use"),
               ("价格", "價格", "Pricing"), ("交付标准", "交付標準", "Delivery standard")],
    "video": [("拍摄内容", "拍攝內容", "Shooting content"), ("交付时间", "交付時間", "Delivery time"),
              ("价格", "價格", "Pricing")],
}
LANGS = ("zh-Hans", "zh-Hant", "en")
TARGET = {"listings": 50, "zh-Hans": 20, "zh-Hant": 10, "en": 20, "per_category": 10, "clean": 25, "violating": 25}

errors = []
def err(msg): errors.append(msg)

def occurrences(text, needle):
    out, k = [], text.find(needle)
    while k >= 0:
        out.append(k)
        k = text.find(needle, k + 1)
    return out

def parse_listing(path):
    raw = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
    if not m:
        err(f"{path}: no YAML front matter")
        return raw, {}, ""
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        err(f"{path}: front matter: {e}")
        fm = {}
    return raw, fm, m.group(2)

def language(category, headings):
    for i, lang in enumerate(LANGS):
        if all(req[i] in headings for req in REQUIRED[category]):
            return lang
    return None

exp_path = os.path.join(HERE, "expected.yml")
expected = yaml.safe_load(open(exp_path, encoding="utf-8"))
if not isinstance(expected, list):
    sys.exit("expected.yml: top level must be a list")

listing_dir = os.path.join(HERE, "listings")
files_on_disk = sorted(f"listings/{f}" for f in os.listdir(listing_dir) if f.endswith(".md"))
files_expected = [e.get("file") for e in expected]
for f in sorted(set(files_on_disk) - set(files_expected)):
    err(f"{f}: listing has no entry in expected.yml")
for f, n in collections.Counter(files_expected).items():
    if n > 1:
        err(f"{f}: {n} entries in expected.yml")

ids = collections.Counter()
stats = collections.Counter()
by_lang, by_cat = collections.Counter(), collections.Counter()
findings_by_lang, clean_by_lang = collections.Counter(), collections.Counter()
texts = collections.Counter()

for e in expected:
    if set(e) != {"file", "listing", "findings"}:
        err(f"expected entry keys {sorted(e)} (want file, listing, findings)")
    f = e.get("file")
    path = os.path.join(HERE, f or "")
    if not f or not os.path.isfile(path):
        err(f"{f}: file missing")
        continue
    raw, fm, body = parse_listing(path)
    lid = fm.get("id")
    ids[lid] += 1
    if e.get("listing") != lid:
        err(f"{f}: expected.yml listing {e.get('listing')!r} != front matter id {lid!r}")
    if os.path.basename(f) != f"{lid}.md":
        err(f"{f}: file name does not match id {lid!r}")
    for key in ("id", "title", "category"):
        if not fm.get(key):
            err(f"{f}: front matter lacks {key}")
    cat = fm.get("category")
    if cat not in CATEGORIES:
        err(f"{f}: unknown category {cat!r}")
        continue
    ab = fm.get("authorized_brands", [])
    if not isinstance(ab, list):
        err(f"{f}: authorized_brands must be a list")
        ab = []
    if "⟦" in raw or "⟧" in raw:
        err(f"{f}: leftover marker")
    headings = {h.strip() for h in re.findall(r"^## +(.+)$", body, re.M)}
    lang = language(cat, headings)
    if lang is None:
        missing = [req for req in REQUIRED[cat] if not any(x in headings for x in req)]
        err(f"{f}: required modules missing or mixed-language: {missing}")
        continue
    by_lang[lang] += 1
    by_cat[cat] += 1

    fins = e.get("findings")
    if not isinstance(fins, list):
        err(f"{f}: findings must be a list")
        continue
    if len(fins) > 3:
        err(f"{f}: {len(fins)} findings (at most 3 per listing)")
    seen = set()
    for fd in fins:
        if not isinstance(fd, dict) or fd.get("rule") != "brand-names":
            err(f"{f}: finding {fd!r} is not a brand-names finding")
            continue
        extra = set(fd) - {"rule", "text", "occurrence"}
        if extra:
            err(f"{f}: finding has unknown keys {sorted(extra)}")
        t = fd.get("text")
        if not isinstance(t, str) or not t:
            err(f"{f}: finding without text")
            continue
        occ = occurrences(raw, t)
        n = fd.get("occurrence")
        if not occ:
            err(f"{f}: text {t!r} not in file")
        elif n is None and len(occ) > 1:
            err(f"{f}: text {t!r} occurs {len(occ)} times; give occurrence")
        elif n is not None and not (isinstance(n, int) and 1 <= n <= len(occ)):
            err(f"{f}: text {t!r} occurrence {n!r} out of range 1..{len(occ)}")
        if (t, n or 1) in seen:
            err(f"{f}: duplicate finding {t!r} occurrence {n or 1}")
        seen.add((t, n or 1))
        if t in ab:
            err(f"{f}: finding {t!r} is an authorized brand of this listing")
        texts[t] += 1
    if fins:
        stats["violating"] += 1
        findings_by_lang[lang] += len(fins)
    else:
        stats["clean"] += 1
        clean_by_lang[lang] += 1
    stats["findings"] += len(fins)
    if ab:
        stats["with authorized_brands"] += 1

for lid, n in ids.items():
    if n > 1:
        err(f"id {lid!r} used {n} times")

total = sum(by_lang.values())
print(f"listings: {total} (en {by_lang['en']}, zh-Hans {by_lang['zh-Hans']}, zh-Hant {by_lang['zh-Hant']})")
print("categories: " + ", ".join(f"{c} {by_cat[c]}" for c in sorted(CATEGORIES)))
print(f"clean: {stats['clean']} (en {clean_by_lang['en']}, zh-Hans {clean_by_lang['zh-Hans']}, zh-Hant {clean_by_lang['zh-Hant']})")
print(f"violating: {stats['violating']}")
print(f"expected findings: {stats['findings']} (en {findings_by_lang['en']}, zh-Hans {findings_by_lang['zh-Hans']}, zh-Hant {findings_by_lang['zh-Hant']})")
print(f"listings with authorized_brands: {stats['with authorized_brands']}")
print(f"distinct finding texts: {len(texts)}")

for key, want, got in [("listings", TARGET["listings"], total), ("en", TARGET["en"], by_lang["en"]),
                       ("zh-Hans", TARGET["zh-Hans"], by_lang["zh-Hans"]), ("zh-Hant", TARGET["zh-Hant"], by_lang["zh-Hant"]),
                       ("clean", TARGET["clean"], stats["clean"]), ("violating", TARGET["violating"], stats["violating"])]:
    if want != got:
        err(f"{key}: {got}, target {want}")
for c in CATEGORIES:
    if by_cat[c] != TARGET["per_category"]:
        err(f"category {c}: {by_cat[c]}, target {TARGET['per_category']}")

if errors:
    print(f"\n{len(errors)} problem(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
