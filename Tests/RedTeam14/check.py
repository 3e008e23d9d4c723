#!/usr/bin/env python3
"""Validate the RedTeam14 set (listings/*.md + expected.yml) and print its counts.

Checks: every listing parses (YAML front matter + Markdown body), its id matches the file name and is
unique, the category is valid, plans use only the known keys, every required `## ` module of the
category is present (Simplified Chinese, Traditional Chinese or English headings), the expected
findings name a known rule and a text that occurs in the file (the nth occurrence when `occurrence`
is given; `occurrence` is required when the text occurs more than once), and no listing carries
another kind of violation (platform brand names, links, domains, e-mails, ERP). Contact-like words
outside an expected off-platform-chat finding are errors; absolute-looking words outside an expected
absolute-terms finding are listed as the set's deliberate ordinary uses (for review, not errors).

Run: python3 Tests/RedTeam14/check.py   (exit 0 when valid, 1 otherwise)
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RULES = {"absolute-terms", "off-platform-chat"}
CATEGORIES = {"software", "operation", "training", "design", "video"}
PLAN_KEYS = {"name", "price", "currency", "period"}
PERIODS = {"day", "week", "month", "quarter", "year", "once"}

MODULES = {
    "software": {"zh-Hans": ["功能介绍", "使用流程"], "zh-Hant": ["功能介紹", "使用流程"],
                 "en": ["Features", "How to use"]},
    "operation": {"zh-Hans": ["服务内容", "服务周期", "价格", "验收标准"],
                  "zh-Hant": ["服務內容", "服務週期", "價格", "驗收標準"],
                  "en": ["What's included", "Service period", "Pricing", "Acceptance criteria"]},
    "training": {"zh-Hans": ["课程内容", "讲师", "上课时间", "上课地点", "价格"],
                 "zh-Hant": ["課程內容", "講師", "上課時間", "上課地點", "價格"],
                 "en": ["Syllabus", "Instructor", "Schedule", "Location", "Pricing"]},
    "design": {"zh-Hans": ["设计内容", "使用方法", "价格", "交付标准"],
               "zh-Hant": ["設計內容", "使用方法", "價格", "交付標準"],
               "en": ["Design content", "How to use", "Pricing", "Delivery standard"]},
    "video": {"zh-Hans": ["拍摄内容", "交付时间", "价格"], "zh-Hant": ["拍攝內容", "交付時間", "價格"],
              "en": ["Shooting content", "Delivery time", "Pricing"]},
}

# Other kinds of violation that must not appear anywhere.
FORBIDDEN = [
    ("brand", re.compile(r"(?i)\b(ali|aliexpress|alibaba|alipay|taobao|tmall|etao|yitao|juhuasuan|wangwang|tao)\b")),
    ("brand", re.compile(r"阿里|淘宝|淘寶|天猫|天貓|支付宝|支付寶|速卖通|速賣通|聚划算|一淘|旺旺|手淘|淘系")),
    ("link", re.compile(r"(?i)https?://|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b")),
    ("domain", re.compile(r"(?i)\b[a-z0-9-]+\.(com|cn|net|org|io|co|tw|hk|me|ai|app|shop|store|site|online|training|tv|cc)\b")),
    ("erp", re.compile(r"(?i)\berp\b")),
]

# Contact-like words: every hit must lie inside an expected off-platform-chat finding.
CONTACT = re.compile(
    r"(?i)微信|威信|薇信|徽信|\bvx\b|\bwx\b|加\s*[vV]|\bqq\b|扣扣|企鹅|whatsapp|wechat|telegram|\btg\b|skype|"
    r"\bline\s*id\b|加賴|賴：|私下|线下|線下|转账|轉帳|bank transfer|电话|電話|致电|"
    r"1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|09\d{2}-?\d{3}-?\d{3}|\+\d{1,3}[\s\d]{7,}")

# Absolute-looking words: hits outside expected absolute-terms findings are the deliberate ordinary uses.
ABSOLUTE = re.compile(
    r"(?i)最\S|第一|唯一|独家|獨家|顶级|頂級|极致|極致|完美|万能|萬能|首选|首選|国家级|國家級|全网|全網|"
    r"100%|保证|保證|绝对|絕對|\bbest\b|\bno\.?\s?1\b|#1\b|\bunique\b|\bexcellent\b|\bperfect\b|"
    r"world-class|guarantee\w*|\bthe only\b|\btop\b|\bfirst\b|\bultimate\b")


def fail(errors, msg):
    errors.append(msg)


def parse_listing(path, errors):
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m:
        fail(errors, f"{path.name}: no YAML front matter")
        return raw, {}, ""
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        fail(errors, f"{path.name}: front matter does not parse: {e}")
        return raw, {}, m.group(2)
    return raw, fm, m.group(2)


def nth_span(raw, text, n):
    start = -1
    for _ in range(n):
        start = raw.find(text, start + 1)
        if start < 0:
            return None
    return (start, start + len(text))


def main():
    errors = []
    expected = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))
    if not isinstance(expected, list):
        print("expected.yml is not a list")
        return 1
    files = sorted((HERE / "listings").glob("*.md"))
    listed = [e.get("file") for e in expected]
    for dup, c in Counter(listed).items():
        if c > 1:
            fail(errors, f"expected.yml lists {dup} {c} times")
    missing = {f"listings/{p.name}" for p in files} - set(listed)
    for m in sorted(missing):
        fail(errors, f"{m} is not in expected.yml")

    ids = Counter()
    langs, cats, per_rule = Counter(), Counter(), Counter()
    clean = with_findings = 0
    ordinary = []
    for entry in expected:
        if set(entry) != {"file", "listing", "findings"}:
            fail(errors, f"{entry}: keys must be file, listing, findings")
            continue
        path = HERE / entry["file"]
        if not path.exists():
            fail(errors, f"{entry['file']}: missing")
            continue
        raw, fm, body = parse_listing(path, errors)
        lid = fm.get("id")
        ids[lid] += 1
        if lid != entry["listing"] or lid != path.stem:
            fail(errors, f"{path.name}: id {lid!r} / listing {entry['listing']!r} / file name disagree")
        for key in ("id", "title", "category"):
            if not fm.get(key):
                fail(errors, f"{path.name}: front matter lacks {key}")
        cat = fm.get("category")
        if cat not in CATEGORIES:
            fail(errors, f"{path.name}: bad category {cat!r}")
            continue
        cats[cat] += 1
        for plan in fm.get("plans") or []:
            if not set(plan) <= PLAN_KEYS or plan.get("period") not in PERIODS \
                    or not re.fullmatch(r"[A-Z]{3}", str(plan.get("currency", "CNY"))):
                fail(errors, f"{path.name}: bad plan {plan}")

        headings = [h.strip() for h in re.findall(r"^## (.+)$", body, re.M)]
        lang = None
        for variant, required in MODULES[cat].items():
            if all(r in headings for r in required):
                lang = variant
                break
        if lang is None:
            fail(errors, f"{path.name}: missing required modules for {cat}; headings {headings}")
        else:
            langs[lang] += 1

        for kind, rx in FORBIDDEN:
            for m in rx.finditer(raw):
                fail(errors, f"{path.name}: {kind} {m.group(0)!r}")

        findings = entry["findings"] or []
        spans = {r: [] for r in RULES}
        seen = set()
        for f in findings:
            rule, text, occ = f.get("rule"), f.get("text"), f.get("occurrence")
            if rule not in RULES or not text or set(f) - {"rule", "text", "occurrence"}:
                fail(errors, f"{path.name}: bad finding {f}")
                continue
            count = raw.count(text)
            if count > 1 and occ is None:
                fail(errors, f"{path.name}: {text!r} occurs {count} times; give its occurrence")
            span = nth_span(raw, text, occ or 1)
            if span is None:
                fail(errors, f"{path.name}: {text!r} (occurrence {occ or 1}) not found")
                continue
            if (rule, span) in seen:
                fail(errors, f"{path.name}: duplicate finding {f}")
            seen.add((rule, span))
            spans[rule].append(span)
            per_rule[rule] += 1
        if findings:
            with_findings += 1
        else:
            clean += 1

        def inside(m, rule):
            return any(s <= m.start() and m.end() <= e for s, e in spans[rule])

        for m in CONTACT.finditer(raw):
            # Ordinary mentions that are no contact channel, reviewed by hand.
            if m.group(0) in ("电话", "電話") and not re.match(r"[:：]?\s*\d", raw[m.end():m.end() + 3]):
                continue
            if not inside(m, "off-platform-chat"):
                fail(errors, f"{path.name}: contact-like {m.group(0)!r} outside an expected finding")
        for m in ABSOLUTE.finditer(raw):
            if not inside(m, "absolute-terms"):
                line = raw[:m.start()].count("\n") + 1
                ordinary.append(f"{path.name}:{line}: {raw[max(0, m.start() - 12):m.end() + 12].strip()!r}")
        for rule in RULES:
            for s, e in spans[rule]:
                other = "off-platform-chat" if rule == "absolute-terms" else "absolute-terms"
                if any(not (e2 <= s or e <= s2) for s2, e2 in spans[other]):
                    fail(errors, f"{path.name}: findings of both rules overlap at {raw[s:e]!r}")

    for lid, c in ids.items():
        if c > 1:
            fail(errors, f"id {lid} used {c} times")

    print(f"listings: {len(expected)} (files: {len(files)})")
    print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    print("categories: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items())))
    print(f"clean: {clean}, with findings: {with_findings}")
    print("findings: " + ", ".join(f"{k} {v}" for k, v in sorted(per_rule.items()))
          + f", total {sum(per_rule.values())}")
    print(f"ordinary absolute-looking words outside findings (deliberate, for review): {len(ordinary)}")
    if "-v" in sys.argv:
        for o in ordinary:
            print("  " + o)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
