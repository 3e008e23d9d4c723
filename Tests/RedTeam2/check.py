#!/usr/bin/env python3
"""Validates the RedTeam2 listings and expected.yml; prints positives per rule (each must be >= 10).

Exit status 0 when everything is consistent, 1 otherwise. Needs PyYAML.
"""
import collections
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = ["absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking"]
CATEGORIES = {"software", "operation", "training", "design", "video"}
# Headings used in this set for each category's required modules (Simplified, Traditional, English).
MODULES = {
    "software": [{"功能介绍", "功能介紹", "Features"}, {"使用流程", "How to use"}],
    "operation": [{"服务内容", "服務內容", "Service content"}, {"服务周期", "服務週期", "Service period"},
                  {"价格", "價格", "Price"}, {"验收标准", "驗收標準", "Acceptance criteria"}],
    "training": [{"课程内容", "課程內容", "Course content"}, {"讲师", "講師", "Instructor"},
                 {"上课时间", "上課時間", "Schedule"}, {"上课地点", "上課地點", "Location"},
                 {"价格", "價格", "Price"}],
    "design": [{"设计内容", "設計內容", "Design content"}, {"使用方法", "How to use"},
               {"价格", "價格", "Price"}, {"交付标准", "交付標準", "Delivery standard"}],
    "video": [{"拍摄内容", "拍攝內容", "Shooting content"}, {"交付时间", "交付時間", "Delivery time"},
              {"价格", "價格", "Price"}],
}

errors = []


def err(msg):
    errors.append(msg)


def check_listing(rec, where):
    for k in ("id", "title", "category", "description"):
        if not isinstance(rec.get(k), str) or not rec[k].strip():
            err(f"{where}: missing or empty {k}")
            return None
    if rec["category"] not in CATEGORIES:
        err(f"{where}: bad category {rec['category']}")
    if rec.get("erp") is True:
        err(f"{where}: erp: true is out of scope")
    if re.search(r"erp", rec["title"], re.I):
        err(f"{where}: ERP in title")
    heads = set(h.strip() for h in re.findall(r"^##[ \t]+(.+?)\s*$", rec["description"], re.M))
    for alts in MODULES.get(rec["category"], []):
        if not heads & alts:
            err(f"{where}: missing module {sorted(alts)[0]}")
    return rec["id"]


def load_listings():
    """Returns {file: {listing_id: text_to_search}} (whole file, or the listing's own line for .jsonl)."""
    out = {}
    ldir = os.path.join(HERE, "listings")
    for name in sorted(os.listdir(ldir)):
        rel, path = f"listings/{name}", os.path.join(ldir, name)
        raw = open(path, encoding="utf-8").read()
        out[rel] = {}
        if name.endswith(".md"):
            m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
            if not m:
                err(f"{rel}: no front matter")
                continue
            fm = yaml.safe_load(m.group(1))
            fm["description"] = m.group(2)
            lid = check_listing(fm, rel)
            if lid:
                out[rel][lid] = raw
        elif name.endswith(".jsonl"):
            for i, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError as e:
                    err(f"{rel}:{i}: bad JSON: {e}")
                    continue
                lid = check_listing(rec, f"{rel}:{i}")
                if lid:
                    out[rel][lid] = line
        elif name.endswith(".json"):
            try:
                rec = json.loads(raw)
            except ValueError as e:
                err(f"{rel}: bad JSON: {e}")
                continue
            lid = check_listing(rec, rel)
            if lid:
                out[rel][lid] = raw
        else:
            err(f"{rel}: unexpected file")
    return out


def count(hay, needle):
    n, i = 0, hay.find(needle)
    while i != -1:
        n += 1
        i = hay.find(needle, i + 1)
    return n


def main():
    files = load_listings()
    ids = collections.Counter(lid for f in files.values() for lid in f)
    for lid, n in ids.items():
        if n > 1:
            err(f"duplicate listing id {lid}")
    owner = {lid: f for f, d in files.items() for lid in d}

    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    per_rule = collections.Counter()
    seen = set()
    violating = 0
    for e in exp:
        f, lid = e.get("file"), e.get("listing")
        if f not in files or lid not in files[f]:
            err(f"expected.yml: {f} / {lid} does not exist")
            continue
        if lid in seen:
            err(f"expected.yml: {lid} listed twice")
        seen.add(lid)
        hay = files[f][lid]
        keys = set()
        findings = e.get("findings") or []
        violating += bool(findings)
        by_text = collections.Counter()
        for fd in findings:
            rule, text, occ = fd.get("rule"), fd.get("text"), fd.get("occurrence", 1)
            if rule not in RULES:
                err(f"{lid}: unknown rule {rule}")
            if not isinstance(text, str) or not text:
                err(f"{lid}: empty text")
                continue
            if count(hay, text) < occ:
                err(f"{lid}: text {text!r} occurrence {occ} not found")
            if (rule, text, occ) in keys:
                err(f"{lid}: duplicate finding {rule} {text!r} {occ}")
            keys.add((rule, text, occ))
            by_text[text] += 1
            per_rule[rule] += 1
        for text, n in by_text.items():
            if count(hay, text) > n:
                print(f"note: {lid}: {text!r} occurs {count(hay, text)}x, {n} expected (others are deliberate negatives)")
    for lid in ids:
        if lid not in seen:
            err(f"expected.yml: listing {lid} has no entry")

    fmt = collections.Counter(os.path.splitext(owner[l])[1] for l in ids)
    print(f"files: {len(files)}, listings: {len(ids)}, by format: {dict(fmt)}")
    try:
        sys.path.insert(0, HERE)
        from listings_src import L
        print("by language:", dict(collections.Counter(x["lang"] for x in L)))
    except ImportError:
        pass
    print(f"violating listings: {violating}, clean listings: {len(ids) - violating}")
    print("positives per rule:")
    for r in RULES:
        print(f"  {r:18} {per_rule[r]}")
        if per_rule[r] < 10:
            err(f"rule {r} has only {per_rule[r]} positives (< 10)")
    print(f"  {'total':18} {sum(per_rule.values())}")
    for m in errors:
        print("ERROR:", m)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
