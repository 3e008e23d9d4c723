#!/usr/bin/env python3
"""Self-check for the fifth red-team set (Traditional / Simplified Chinese listings).

Validates the listing files and expected.yml against each other, without running listing-lint:

* every .md has YAML front matter with id/title/category, every .jsonl line is a JSON object with the
  catalogue keys; ids are unique and every listing has exactly one entry in expected.yml;
* every expected `text` occurs in its scope (the .md file, or the listing's own line of the .jsonl)
  at least `occurrence` times;
* missing-modules findings agree with the headings actually present (required modules per category,
  with the Traditional / Simplified / synonym headings used in this set);
* erp-price-floor findings on plans agree with a recomputation of the floor (30 CNY/month; USD 7.2,
  EUR 7.8; TWD/HKD unverifiable; once/free/trial plans ignored), and point inside the plans;
* a watch-list scan (`--review`) prints every risky token that no expected finding covers, so a human
  can confirm it is a deliberate hard negative.

Prints the positives per rule. Exit status 0 when consistent, 1 otherwise.
Usage: python3 check.py [--review]
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"absolute-terms", "brand-names", "external-links", "off-platform-chat",
         "keyword-stacking", "missing-modules", "erp-price-floor"}
CATEGORIES = {"software", "operation", "training", "design", "video"}
PERIODS = {"day", "week", "month", "quarter", "year", "once"}
JSONL_KEYS = ["id", "title", "category", "provider", "erp", "authorized_brands", "plans", "description"]

# module key -> headings accepted in this set (exact level-2 heading text)
MODULE_HEADINGS = {
    "function": ["功能介紹", "功能介绍", "功能說明", "功能说明"],
    "usage": ["使用流程", "操作流程", "使用方法"],
    "content": ["服務內容", "服务内容"],
    "cycle": ["服務週期", "服务周期"],
    "price": ["價格", "价格", "價格方案", "价格方案", "價格說明", "价格说明"],
    "acceptance": ["驗收標準", "验收标准"],
    "course": ["課程內容", "课程内容"],
    "instructor": ["講師", "讲师", "講師介紹", "讲师介绍"],
    "time": ["上課時間", "上课时间"],
    "place": ["上課地點", "上课地点"],
    "design": ["設計內容", "设计内容"],
    "delivery-standard": ["交付標準", "交付标准"],
    "shooting": ["拍攝內容", "拍摄内容"],
    "delivery-time": ["交付時間", "交付时间", "交片時間"],
}
REQUIRED = {
    "software": ["function", "usage"],
    "operation": ["content", "cycle", "price", "acceptance"],
    "training": ["course", "instructor", "time", "place", "price"],
    "design": ["design", "usage", "price", "delivery-standard"],
    "video": ["shooting", "delivery-time", "price"],
}
RATES = {"CNY": 1.0, "USD": 7.2, "EUR": 7.8}
PER_MONTH = {"day": 30.0, "week": 52.0 / 12.0, "month": 1.0, "quarter": 1.0 / 3.0, "year": 1.0 / 12.0}

# Tokens worth a second look when no expected finding covers them (printed with --review).
WATCH = [
    "最", "第一", "第1", "唯一", "獨家", "独家", "頂", "顶", "極致", "极致", "首選", "首选", "國家級", "国家级",
    "世界級", "100%", "絕對", "绝对", "萬能", "万能", "完美", "ＮＯ", "No.1", "NO.1",
    "阿里", "淘", "天貓", "天猫", "天-", "支付", "聚劃算", "聚划算", "一淘", "速賣通", "速卖通", "速 賣",
    "AliExpress", "aliexpress", "Ali ", "Taobao", "Ta0", "Tmall", "Alipay",
    "http", "hxxp", "www", ".com", ".tw", ".hk", ".cn", ".shop", "@", "(at)", "點com", "．",
    "LINE", "Line", "line", "賴", "WhatsApp", "微信", "薇信", "威信", "QQ", "扣扣", "Telegram",
]
PHONE_RE = re.compile(r"(?:\+?886[- ]?)?09\d{2}[- ]?\d{3}[- ]?\d{3}|(?:\+?852[- ]?)?[569]\d{3}[- ]?\d{4}"
                      r"|(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}")
TC_CHARS = set("與們體廣價課講營業設計貓寶週務標準攝時間說聯關開後會這個見單產範圍點擊區")
SC_CHARS = set("与们体广价课讲营业设计猫宝周务标准摄时间说联关开后会这个见单产范围点击区")


def err(msgs, m):
    msgs.append(m)


def occurrences(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def headings(body):
    return [l[3:].strip() for l in body.splitlines() if l.startswith("## ")]


def script_of(text):
    tc = sum(1 for c in text if c in "與們體廣價課講營設貓寶週務標攝時間說聯關開後會這個見單產範圍點擊區")
    sc = sum(1 for c in text if c in "与们体广价课讲营设猫宝周务标摄时间说联关开后会这个见单产范围点击区")
    return "traditional" if tc >= sc else "simplified"


def load_listings(msgs):
    """Returns {id: dict(file, scope_text, fields, body, plans_span)}."""
    L = {}
    ldir = os.path.join(HERE, "listings")
    for name in sorted(os.listdir(ldir)):
        path = os.path.join(ldir, name)
        rel = "listings/" + name
        raw = open(path, encoding="utf-8").read()
        if name.endswith(".md"):
            m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
            if not m:
                err(msgs, f"{rel}: no YAML front matter")
                continue
            try:
                fm = yaml.safe_load(m.group(1))
            except yaml.YAMLError as e:
                err(msgs, f"{rel}: bad front matter: {e}")
                continue
            body = m.group(2)
            pm = re.search(r"^plans:\n((?:  .*\n)*)", m.group(1) + "\n", re.M)
            span = (4 + pm.start(), 4 + pm.end()) if pm else (0, 0)
            recs = [(fm, body, raw, span, rel)]
            if fm.get("id") != name[:-3]:
                err(msgs, f"{rel}: id {fm.get('id')} does not match the file name")
        elif name.endswith(".jsonl"):
            recs = []
            for n, line in enumerate(raw.splitlines(), 1):
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    err(msgs, f"{rel}:{n}: bad JSON: {e}")
                    continue
                if list(rec) != JSONL_KEYS:
                    err(msgs, f"{rel}:{n}: keys {list(rec)} != {JSONL_KEYS}")
                ps = line.find('"plans": ')
                pe = line.find('"description": ')
                recs.append((rec, rec.get("description", ""), line, (ps, pe), rel))
        else:
            err(msgs, f"{rel}: unexpected file")
            continue
        for fm, body, scope, span, rel in recs:
            lid = fm.get("id")
            for k in ("id", "title", "category"):
                if not fm.get(k):
                    err(msgs, f"{rel}: {lid}: missing {k}")
            if fm.get("category") not in CATEGORIES:
                err(msgs, f"{rel}: {lid}: bad category {fm.get('category')}")
            for p in fm.get("plans") or []:
                if set(p) != {"name", "price", "currency", "period"} or p["period"] not in PERIODS:
                    err(msgs, f"{rel}: {lid}: bad plan {p}")
            if not isinstance(fm.get("authorized_brands", []), list):
                err(msgs, f"{rel}: {lid}: authorized_brands is not a list")
            if lid in L:
                err(msgs, f"{rel}: duplicate id {lid}")
            L[lid] = dict(file=rel, fields=fm, body=body, scope=scope, plans_span=span)
    return L


def expected_erp_plans(fm):
    """Prices (as written) of plans that an ERP listing must flag."""
    erp = fm.get("erp") is True or (fm.get("category") == "software" and "ERP" in fm.get("title", ""))
    out = []
    if not erp:
        return out
    for p in fm.get("plans") or []:
        if p["period"] == "once" or p["price"] == 0 or "試用" in p["name"] or "试用" in p["name"]:
            continue
        cur = p.get("currency", "CNY")
        if cur not in RATES:
            out.append((str(p["price"]), "unverifiable"))
        elif p["price"] * RATES[cur] * PER_MONTH[p["period"]] < 30 - 1e-9:
            out.append((str(p["price"]), "below floor"))
    return out


def main():
    review = "--review" in sys.argv
    msgs = []
    L = load_listings(msgs)
    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    seen = set()
    per_rule = Counter()
    spans = defaultdict(list)  # listing -> [(start, end)] of expected texts
    violating = 0
    for e in exp:
        if set(e) != {"file", "listing", "findings"}:
            err(msgs, f"expected entry with keys {sorted(e)}")
            continue
        lid = e["listing"]
        if lid in seen:
            err(msgs, f"expected.yml: {lid} listed twice")
        seen.add(lid)
        if lid not in L:
            err(msgs, f"expected.yml: unknown listing {lid}")
            continue
        li = L[lid]
        if li["file"] != e["file"]:
            err(msgs, f"expected.yml: {lid} is in {li['file']}, not {e['file']}")
        fm, scope = li["fields"], li["scope"]
        if e["findings"]:
            violating += 1
        texts = Counter()
        got_modules, got_erp = set(), []
        for f in e["findings"]:
            rule = f.get("rule")
            if rule not in RULES:
                err(msgs, f"{lid}: unknown rule {rule}")
                continue
            per_rule[rule] += 1
            if rule == "missing-modules":
                if set(f) != {"rule", "module"} or f["module"] not in MODULE_HEADINGS:
                    err(msgs, f"{lid}: bad missing-modules finding {f}")
                got_modules.add(f.get("module"))
                continue
            if set(f) - {"rule", "text", "occurrence"} or not f.get("text"):
                err(msgs, f"{lid}: bad finding {f}")
                continue
            t, n = f["text"], f.get("occurrence", 1)
            texts[t] += 1
            occ = occurrences(scope, t)
            if len(occ) < n:
                err(msgs, f"{lid}: text {t!r} occurs {len(occ)} time(s), occurrence {n} expected")
                continue
            start = occ[n - 1]
            spans[lid].append((start, start + len(t)))
            if rule == "erp-price-floor":
                ps, pe = li["plans_span"]
                got_erp.append((t, ps <= start < pe))
        for t, c in texts.items():
            total = len(occurrences(scope, t))
            if total > c:
                print(f"note: {lid}: {t!r} occurs {total} times, {c} listed (check the others are fine)")
        # modules
        heads = headings(li["body"])
        present = {k for k, hs in MODULE_HEADINGS.items() if any(h in heads for h in hs)}
        if fm.get("plans"):
            present.add("price")
        missing = {k for k in REQUIRED[fm["category"]] if k not in present}
        if missing != got_modules:
            err(msgs, f"{lid}: modules missing {sorted(missing)}, expected.yml says {sorted(got_modules)}")
        # erp plans
        want = sorted(p for p, _ in expected_erp_plans(fm))
        have = sorted(t for t, in_plans in got_erp if in_plans)
        if want != have:
            err(msgs, f"{lid}: ERP plan findings should be {want}, expected.yml has {have}")
    for lid in L:
        if lid not in seen:
            err(msgs, f"expected.yml: no entry for {lid}")

    if review:
        for lid, li in sorted(L.items()):
            scope = li["scope"]
            hits = [(i, w) for w in WATCH for i in occurrences(scope, w)]
            hits += [(m.start(), m.group()) for m in PHONE_RE.finditer(scope)]
            for i, w in sorted(hits):
                if any(s <= i < e for s, e in spans[lid]):
                    continue
                ctx = scope[max(0, i - 12): i + len(w) + 12].replace("\n", "⏎")
                print(f"review: {lid}: {w!r}: …{ctx}…")

    scripts = Counter(script_of(li["fields"]["title"] + li["body"]) for li in L.values())
    kinds = Counter("md" if li["file"].endswith(".md") else "jsonl" for li in L.values())
    cats = Counter(li["fields"]["category"] for li in L.values())
    print(f"listings: {len(L)} ({kinds['md']} .md, {kinds['jsonl']} in .jsonl); "
          f"violating {violating}, clean {len(L) - violating}")
    print(f"script: {dict(scripts)}; categories: {dict(sorted(cats.items()))}")
    print(f"expected findings: {sum(per_rule.values())}")
    for r in sorted(RULES):
        print(f"  {r:20s} {per_rule[r]}")
    if msgs:
        print("\nERRORS:")
        for m in msgs:
            print("  " + m)
        return 1
    print("OK: files, ids, texts, occurrences, modules and ERP plans are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
