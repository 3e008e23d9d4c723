#!/usr/bin/env python3
"""Validate the fourth red-team set: listings/, expected.yml. Prints positives per rule.

Usage: python3 check.py   (from any directory; needs PyYAML)
"""
import collections, json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"absolute-terms", "brand-names", "external-links", "off-platform-chat",
         "keyword-stacking", "missing-modules", "erp-price-floor"}
REQ = {"software": {"Features": "function", "How to use": "usage"},
       "operation": {"What's included": "content", "Service period": "cycle", "Pricing": "price",
                     "Acceptance criteria": "acceptance"},
       "training": {"Syllabus": "course", "Instructor": "instructor", "Schedule": "time",
                    "Location": "place", "Pricing": "price"},
       "design": {"Design content": "design", "How to use": "usage", "Pricing": "price",
                  "Delivery standard": "delivery-standard"},
       "video": {"Shooting content": "shooting", "Delivery time": "delivery-time", "Pricing": "price"}}
PERIODS = {"day", "week", "month", "quarter", "year", "once"}
errors = []
def err(msg): errors.append(msg)

def load_listing(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
        if not m:
            err(f"{path}: no front matter"); return raw, None, ""
        meta = yaml.safe_load(m.group(1)); body = m.group(2)
    elif path.endswith(".json"):
        meta = json.loads(raw); body = meta.get("description", "")
        if not isinstance(body, str): err(f"{path}: description is not a string")
    else:
        err(f"{path}: unexpected extension"); return raw, None, ""
    return raw, meta, body

def count(hay, needle):
    return sum(1 for i in range(len(hay)) if hay.startswith(needle, i))

exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
seen_files, seen_ids = set(), set()
per_rule = collections.Counter(); clean = violating = 0
by_fmt = collections.Counter(); by_cat = collections.Counter()
for e in exp:
    f, lid, fnds = e.get("file"), e.get("listing"), e.get("findings")
    if set(e) != {"file", "listing", "findings"}: err(f"{f}: unexpected keys {sorted(e)}")
    if f in seen_files: err(f"{f}: duplicate file entry")
    if lid in seen_ids: err(f"{lid}: duplicate listing id")
    seen_files.add(f); seen_ids.add(lid)
    path = os.path.join(HERE, f)
    if not os.path.isfile(path): err(f"{f}: missing file"); continue
    raw, meta, body = load_listing(path)
    if meta is None: continue
    by_fmt[os.path.splitext(f)[1]] += 1
    for k in ("id", "title", "category"):
        if not meta.get(k): err(f"{f}: missing {k}")
    if meta.get("id") != lid: err(f"{f}: id {meta.get('id')} != listing {lid}")
    cat = meta.get("category")
    if cat not in REQ: err(f"{f}: bad category {cat}"); continue
    by_cat[cat] += 1
    plans = meta.get("plans") or []
    for p in plans:
        if not isinstance(p.get("price"), (int, float)) or p.get("period") not in PERIODS or not p.get("currency"):
            err(f"{f}: malformed plan {p}")
    if re.search(r"\bERP\b", meta["title"]) and not meta.get("erp"): err(f"{f}: ERP in title without erp: true")
    heads = set(re.findall(r"^## (.+?)\s*$", body, re.M))
    missing = {key for h, key in REQ[cat].items() if h not in heads and not (key == "price" and plans)}
    declared = set()
    if not isinstance(fnds, list): err(f"{f}: findings must be a list"); continue
    for x in fnds:
        r = x.get("rule")
        if r not in RULES: err(f"{f}: unknown rule {r}"); continue
        per_rule[r] += 1
        if r == "missing-modules":
            if set(x) != {"rule", "module"}: err(f"{f}: bad missing-modules entry {x}")
            declared.add(x.get("module"))
            continue
        if set(x) - {"rule", "text", "occurrence"} or not x.get("text"): err(f"{f}: bad entry {x}"); continue
        occ = x.get("occurrence", 1)
        if not isinstance(occ, int) or occ < 1: err(f"{f}: bad occurrence {occ}")
        n = count(raw, x["text"])
        if n < occ: err(f"{f}: {x['text']!r} occurs {n} times, occurrence {occ} expected")
        if r == "erp-price-floor" and not meta.get("erp"): err(f"{f}: erp-price-floor in a non-erp listing")
    if declared != missing: err(f"{f}: missing modules in file {sorted(missing)} != expected {sorted(declared)}")
    if fnds: violating += 1
    else: clean += 1
on_disk = {os.path.join("listings", n) for n in os.listdir(os.path.join(HERE, "listings"))}
for extra in sorted(on_disk - seen_files): err(f"{extra}: listing file without an expected.yml entry")

for r in sorted(RULES): print(f"{r:20s} {per_rule[r]}")
print(f"{'total positives':20s} {sum(per_rule.values())}")
print(f"listings {len(exp)} ({dict(by_fmt)}), clean {clean}, with findings {violating}; categories {dict(by_cat)}")
if errors:
    print("\n".join("ERROR " + e for e in errors)); sys.exit(1)
print("OK")
