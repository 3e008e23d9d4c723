#!/usr/bin/env python3
"""Structural checker for the CleanSet precision set.

It does not lint wording (that is the linter's job); it checks that the set is
well-formed and honest about the parts that can be checked mechanically:

  * every file parses (YAML front matter + Markdown body, or one JSON object per line);
  * ids are unique and expected.yml lists every listing exactly once with `findings: []`;
  * every listing has the level-2 modules its category requires (Dispute Handling
    Rules, Chapter III); the price module may instead come from a non-empty `plans` list;
  * ERP listings (erp: true, or a software title with the word ERP unless erp: false)
    charge at least 30 CNY a month in every plan and every price stated in the body
    (USD 7.2, EUR 7.8 CNY; a week is 7/30 month); other plans are `once`, free (price 0)
    or trials;
  * the mix: 100 listings, 20 per category, 40 zh-Hans / 20 zh-Hant / 40 en,
    70 .md files and one .jsonl catalogue of 30.

Usage: python3 check.py            (exit status 0 when everything holds)
"""
import collections
import json
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check.py needs PyYAML (pip install pyyaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
LISTINGS = os.path.join(HERE, "listings")

# Required modules per category, each with the headings accepted for it.
MODULES = {
    "software": {
        "features": ["功能介绍", "功能介紹", "功能说明", "功能說明", "Features"],
        "how_to_use": ["使用流程", "使用步骤", "使用步驟", "How to use"],
    },
    "operation": {
        "content": ["服务内容", "服務內容", "Service content"],
        "period": ["服务周期", "服務週期", "服務周期", "Service period"],
        "price": ["价格", "價格", "收费标准", "收費標準", "Pricing", "Price"],
        "acceptance": ["验收标准", "驗收標準", "Acceptance criteria"],
    },
    "training": {
        "content": ["课程内容", "課程內容", "Course content"],
        "instructor": ["讲师", "講師", "Instructor", "Instructors"],
        "time": ["上课时间", "上課時間", "Class schedule", "Class time"],
        "place": ["上课地点", "上課地點", "Location", "Venue"],
        "price": ["价格", "價格", "Price", "Pricing"],
    },
    "design": {
        "content": ["设计内容", "設計內容", "Design content"],
        "usage": ["使用方法", "How to use"],
        "price": ["价格", "價格", "Price", "Pricing"],
        "delivery": ["交付标准", "交付標準", "Delivery standards", "Delivery standard"],
    },
    "video": {
        "content": ["拍摄内容", "拍攝內容", "Shooting content"],
        "delivery_time": ["交付时间", "交付時間", "Delivery time"],
        "price": ["价格", "價格", "Price", "Pricing"],
    },
}

RATES = {"CNY": 1.0, "RMB": 1.0, "USD": 7.2, "EUR": 7.8}
MONTHS = {"day": 1 / 30, "week": 7 / 30, "month": 1, "quarter": 3, "year": 12}
TRIAL = re.compile(r"试用|試用|trial|体验|體驗|免费|免費", re.I)
FLOOR = 30.0

# Prices stated in a description: "30元/月", "360 元/年", "USD 5/month", "EUR 48/year".
CN_UNITS = {"天": "day", "日": "day", "周": "week", "週": "week", "月": "month",
            "季度": "quarter", "季": "quarter", "年": "year"}
EN_UNITS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}
RE_CN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*元\s*/\s*(季度|季|天|日|周|週|月|年)")
RE_EN = re.compile(r"\b(USD|EUR|CNY|RMB)\s*(\d[\d,]*(?:\.\d+)?)\s*(?:/|per\s+)\s*(day|week|month|quarter|year)\b", re.I)
RE_EN2 = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s*(USD|EUR|CNY|RMB)\s*(?:/|per\s+)\s*(day|week|month|quarter|year)\b", re.I)

TRAD_ONLY = set("這們個來說時會對為與應開關點發體國學門習問題價處數據課講運營務標驗設計攝錄圖網頁鋪庫訂單貨號碼態業經費")
SIMP_ONLY = set("这们个来说时会对为与应开关点发体国学门习问题价处数据课讲运营务标验设计摄录图网页铺库订单货号码态业经费")
CJK = re.compile(r"[\u4e00-\u9fff]")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def headings(markdown):
    out, fence = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        m = None if fence else re.match(r"^##\s+(.+?)\s*#*\s*$", line)
        if m:
            out.append(m.group(1).strip())
    return out


def monthly(price, currency, period):
    rate = RATES.get(str(currency or "CNY").upper())
    if rate is None:
        return None
    return float(price) * rate / MONTHS[period]


def load():
    listings = []  # (file, record)
    for name in sorted(os.listdir(LISTINGS)):
        path = os.path.join(LISTINGS, name)
        rel = f"listings/{name}"
        if name.endswith(".md"):
            text = open(path, encoding="utf-8").read()
            if not text.startswith("---\n"):
                err(rel, "no YAML front matter")
                continue
            try:
                fm, body = text[4:].split("\n---\n", 1)
                meta = yaml.safe_load(fm)
            except Exception as e:  # noqa: BLE001
                err(rel, f"front matter does not parse: {e}")
                continue
            if not isinstance(meta, dict):
                err(rel, "front matter is not a mapping")
                continue
            meta = dict(meta)
            meta["description"] = body
            listings.append((rel, meta, "md"))
        elif name.endswith(".jsonl"):
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    err(f"{rel}:{n}", f"not JSON: {e}")
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("description"), str):
                    err(f"{rel}:{n}", "record must be an object with a string description")
                    continue
                listings.append((rel, rec, "jsonl"))
        else:
            err(rel, "unexpected file")
    return listings


def check_listing(rel, rec):
    lid = rec.get("id", "?")
    where = f"{rel} [{lid}]"
    for key in ("id", "title", "category", "provider", "erp", "authorized_brands", "plans", "language"):
        if key not in rec:
            err(where, f"missing key {key}")
    cat = rec.get("category")
    if cat not in MODULES:
        err(where, f"unknown category {cat!r}")
        return
    if not isinstance(rec.get("authorized_brands", []), list):
        err(where, "authorized_brands must be a list")
    plans = rec.get("plans") or []
    for p in plans:
        if not isinstance(p, dict) or not {"name", "price", "currency", "period"} <= set(p):
            err(where, f"plan needs name, price, currency, period: {p!r}")
        elif p["period"] not in list(MONTHS) + ["once"]:
            err(where, f"plan period {p['period']!r} not in day|week|month|quarter|year|once")

    # Required modules.
    heads = headings(rec["description"])
    for module, names in MODULES[cat].items():
        if any(h == n or h.lower() == n.lower() for h in heads for n in names):
            continue
        if module == "price" and plans:
            continue
        err(where, f"missing {cat} module '{module}' (headings: {heads})")

    # ERP floor.
    title = str(rec.get("title", ""))
    is_erp = rec.get("erp") is True or (
        cat == "software" and rec.get("erp") is not False and re.search(r"(?<![A-Za-z])ERP(?![A-Za-z])", title))
    if is_erp:
        if not plans:
            err(where, "ERP listing without plans")
        for p in plans:
            price = float(p["price"])
            if price == 0 or p["period"] == "once" or TRIAL.search(str(p["name"])):
                continue
            m = monthly(price, p["currency"], p["period"])
            if m is None:
                err(where, f"ERP plan {p['name']!r}: no rate for {p['currency']}")
            elif m < FLOOR - 1e-9:
                err(where, f"ERP plan {p['name']!r}: {m:.2f} CNY/month < {FLOOR}")
        stated = []
        for m in RE_CN.finditer(rec["description"]):
            stated.append((m.group(0), m.group(1), "CNY", CN_UNITS[m.group(2)]))
        for m in RE_EN.finditer(rec["description"]):
            stated.append((m.group(0), m.group(2), m.group(1), EN_UNITS[m.group(3).lower()]))
        for m in RE_EN2.finditer(rec["description"]):
            stated.append((m.group(0), m.group(1), m.group(2), EN_UNITS[m.group(3).lower()]))
        for text, num, cur, period in stated:
            v = monthly(float(num.replace(",", "")), cur, period)
            if v is not None and v < FLOOR - 1e-9:
                err(where, f"ERP stated price {text!r} is {v:.2f} CNY/month < {FLOOR}")

    # Script sanity check for the declared language.
    text = title + "\n" + rec["description"]
    lang = rec.get("language")
    chars = set(text)
    if lang == "zh-Hans" and chars & TRAD_ONLY:
        err(where, f"zh-Hans listing has Traditional characters {sorted(chars & TRAD_ONLY)}")
    elif lang == "zh-Hant" and (chars & SIMP_ONLY or not chars & TRAD_ONLY):
        err(where, f"zh-Hant listing has Simplified characters {sorted(chars & SIMP_ONLY)}")
    elif lang == "en" and CJK.search(text):
        err(where, "English listing contains CJK text")
    elif lang not in ("zh-Hans", "zh-Hant", "en"):
        err(where, f"unknown language {lang!r}")
    return is_erp


def main():
    listings = load()
    ids = collections.Counter(rec.get("id") for _, rec, _ in listings)
    for i, c in ids.items():
        if c > 1:
            err("ids", f"{i} used {c} times")
    for rel, rec, kind in listings:
        if kind == "md" and rel != f"listings/{rec.get('id')}.md":
            err(rel, f"file name does not match id {rec.get('id')}")
    n_erp = sum(bool(check_listing(rel, rec)) for rel, rec, _ in listings)

    # expected.yml
    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    seen = {(rel, rec.get("id")) for rel, rec, _ in listings}
    listed = collections.Counter((e["file"], e["listing"]) for e in exp)
    for key, c in listed.items():
        if c > 1:
            err("expected.yml", f"{key} listed {c} times")
        if key not in seen:
            err("expected.yml", f"{key} has no listing")
    for key in seen - set(listed):
        err("expected.yml", f"{key} missing")
    for e in exp:
        if e.get("findings") != []:
            err("expected.yml", f"{e.get('listing')}: findings must be []")

    # Mix.
    cats = collections.Counter(rec["category"] for _, rec, _ in listings)
    langs = collections.Counter(rec.get("language") for _, rec, _ in listings)
    kinds = collections.Counter(kind for _, _, kind in listings)
    jsonl_files = {rel for rel, _, kind in listings if kind == "jsonl"}
    auth = sum(1 for _, rec, _ in listings if rec.get("authorized_brands"))
    if len(listings) != 100:
        err("mix", f"{len(listings)} listings, want 100")
    if any(cats[c] != 20 for c in MODULES):
        err("mix", f"categories {dict(cats)}, want 20 each")
    if langs != collections.Counter({"zh-Hans": 40, "zh-Hant": 20, "en": 40}):
        err("mix", f"languages {dict(langs)}")
    if kinds["md"] != 70 or kinds["jsonl"] != 30 or len(jsonl_files) != 1:
        err("mix", f"formats {dict(kinds)} in {len(jsonl_files)} jsonl file(s)")
    lines = [len(rec["description"].strip("\n").splitlines()) for _, rec, _ in listings]

    print(f"listings: {len(listings)} ({kinds['md']} .md, {kinds['jsonl']} in {len(jsonl_files)} .jsonl)")
    print("categories: " + ", ".join(f"{c} {cats[c]}" for c in MODULES))
    print("languages: " + ", ".join(f"{k} {langs[k]}" for k in ("zh-Hans", "zh-Hant", "en")))
    print(f"ERP listings: {n_erp}; listings with authorized_brands: {auth}")
    print(f"description lines: min {min(lines)}, max {max(lines)}")
    print(f"expected.yml entries: {sum(listed.values())}, all findings: []")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
