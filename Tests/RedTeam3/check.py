#!/usr/bin/env python3
"""Self-check of the third red-team set (missing-modules, erp-price-floor).

Validates every listing (front matter / JSON parsing, keys, plans), the expected file (ids, rules, module keys,
texts and occurrences), recomputes the ERP verdict of every plan from the front matter and of every priced
phrase with a period in the title and description, cross-checks the module findings with a small heading
reader of its own, and keeps the listings free of the other rules' triggers. Prints positives per rule.
Exit status 0 when everything agrees, 1 otherwise.  Needs PyYAML.
"""
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------- listings

def load(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
        if not m:
            raise ValueError("no YAML front matter")
        data = yaml.safe_load(m.group(1))
        data["description"] = raw[m.end():]
        fm = m.group(1)
        raw_prices = re.findall(r"\bprice:\s*([^\s,}]+)", fm)
        price_pos = [m.start(1) + x.start(1) for x in re.finditer(r"\bprice:\s*([^\s,}]+)", fm)]
    else:
        data = json.loads(raw)
        raw_prices = re.findall(r'"price":\s*([-+0-9.eE]+)', raw)
        price_pos = [x.start(1) for x in re.finditer(r'"price":\s*([-+0-9.eE]+)', raw)]
    return raw, data, raw_prices, price_pos


CATEGORIES = {
    "software": ["function", "usage"],
    "operation": ["content", "cycle", "price", "acceptance"],
    "training": ["course", "instructor", "time", "place", "price"],
    "design": ["design", "usage", "price", "delivery-standard"],
    "video": ["shooting", "delivery-time", "price"],
}
PERIODS = {"day": 30.0, "week": 30.0 / 7, "month": 1.0, "quarter": 1 / 3, "year": 1 / 12}
RATES = {"CNY": 1.0, "RMB": 1.0, "USD": 7.2, "EUR": 7.8}
FLOOR = 30.0

# The heading reader's own vocabulary (this set's headings; not the linter's lexicon).
SYN = {
    "function": [r"功能", r"features?\b(?!d)", r"core features"],
    "usage": [r"使用流程", r"使用说明", r"使用說明", r"使用方法", r"使用方式", r"操作步[骤驟]", r"how to use", r"quick start"],
    "content": [r"服务内容", r"服務內容", r"what's included"],
    "cycle": [r"服务周期", r"服務週期", r"service period"],
    "price": [r"价格", r"價格", r"收费", r"收費", r"\bpricing\b", r"\bfees\b"],
    "acceptance": [r"验收", r"驗收", r"acceptance criteria"],
    "course": [r"课程内容", r"課程內容", r"syllabus", r"curriculum"],
    "instructor": [r"讲师", r"師資", r"instructor", r"trainer"],
    "time": [r"开课时间", r"上课时间", r"上課時間", r"\bschedule\b"],
    "place": [r"上课地点", r"上課地點", r"\bvenue\b", r"\blocation\b"],
    "design": [r"设计内容", r"設計內容", r"design content"],
    "delivery-standard": [r"交付标准", r"交付標準", r"交付規範", r"delivery standard"],
    "shooting": [r"拍摄内容", r"拍攝內容", r"what we shoot"],
    "delivery-time": [r"交付时间", r"出片周期", r"交片時間", r"turnaround", r"delivery time"],
}


def level2_headings(md):
    """ATX and setext level-2 headings outside fenced and indented code."""
    out, fence, prev = [], None, ""
    for line in md.split("\n"):
        s = line.strip()
        if fence:
            if s.startswith(fence):
                fence = None
            prev = ""
            continue
        f = re.match(r" {0,3}(`{3,}|~{3,})", line)
        if f:
            fence = f.group(1)[0] * 3
            prev = ""
            continue
        m = re.match(r" {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", line)
        if m:
            out.append((m.group(1) or "").strip())
            prev = ""
            continue
        if re.match(r" {0,3}-+[ \t]*$", line) and prev.strip() and not prev.startswith("    "):
            out.append(prev.strip())
            prev = ""
            continue
        prev = line
    return out


def modules_present(desc, plans):
    heads = level2_headings(desc)
    present = set()
    for key, pats in SYN.items():
        if any(re.search(p, h, re.I) for h in heads for p in pats):
            present.add(key)
    if plans:
        present.add("price")
    return present, heads


def erp_applies(d):
    if d.get("erp") is True:
        return True
    if d.get("erp") is False:
        return False
    return d["category"] == "software" and re.search(r"(?<![A-Za-z])ERP(?![A-Za-z])", d["title"]) is not None


def is_trial(name):
    return re.search(r"试用|試用|\btrial\b", str(name), re.I) is not None


# Prices with a period, as this set writes them.
PHRASES = [
    (r"(?:(?P<sym>[¥$€])|(?P<code>RMB|CNY|USD|EUR)\s?)(?P<num>\d+(?:\.\d+)?)(?:\s?元)?\s?(?:/\s?|per\s|a\s|每)"
     r"(?P<per>季度|月|年|季|周|天|日|month|year|quarter|week|day)(?![A-Za-z])"),
    r"(?P<num>\d+(?:\.\d+)?)(?P<unit>元|美元|欧元)\s?(?:/\s?|每)(?P<per>季度|月|年|季|周|天|日)",
    r"(?P<per>每月|每年|每季度|月费|年费|季费)(?:仅需|只需)?(?P<num>\d+(?:\.\d+)?)元",
]
PER = {"月": "month", "每月": "month", "月费": "month", "month": "month", "年": "year", "每年": "year",
       "年费": "year", "year": "year", "季": "quarter", "季度": "quarter", "每季度": "quarter", "季费": "quarter",
       "quarter": "quarter", "周": "week", "week": "week", "天": "day", "日": "day", "day": "day"}
SYM = {"¥": "CNY", "$": "USD", "€": "EUR", "元": "CNY", "美元": "USD", "欧元": "EUR"}


def phrases(raw):
    found, taken = [], []
    for pat in PHRASES:
        for m in re.finditer(pat, raw):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            cur = SYM.get(g.get("sym") or g.get("unit") or "元") if not g.get("code") else g["code"]
            monthly = float(g["num"]) * RATES[cur] * PERIODS[PER[g["per"]]]
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.group(0), monthly))
    return sorted(found)


def occurrence(raw, text, pos):
    n, i = 0, raw.find(text)
    while i != -1 and i < pos:
        n, i = n + 1, raw.find(text, i + 1)
    return n + 1


def ambiguous(raw, text, pos):
    """An earlier hit of a numeric text glued to other digits or a decimal point is ambiguous."""
    i = raw.find(text)
    while i != -1 and i < pos:
        before, after = raw[i - 1:i], raw[i + len(text):i + len(text) + 1]
        if re.match(r"[\d.]", before) or re.match(r"[\d]|\.\d", raw[i + len(text):i + len(text) + 2]):
            return True
        i = raw.find(text, i + 1)
    return False


# Other rules' triggers that must not appear (kept out so the set probes two rules only).
FORBIDDEN = [r"最", r"第一", r"唯一", r"顶级", r"頂級", r"首选", r"独家", r"完美", r"极致", r"官方", r"全网",
             r"\bbest\b", r"No\.?\s?1\b", r"\bunique\b", r"\bexcellent\b", r"\bperfect\b", r"\btop\b", r"\bleading\b",
             r"\bultimate\b", r"100%", r"AliExpress", r"速卖通", r"Taobao", r"淘", r"Tmall", r"天猫", r"天貓", r"Alipay",
             r"支付宝", r"Alibaba", r"阿里", r"\bAli\b", r"\bTao\b", r"Tall\b", r"https?:", r"www\.", r"@",
             r"\.(com|cn|net|org|io)\b", r"\bQQ\b", r"微信", r"WeChat", r"旺旺", r"钉钉", r"\d{7,}", r"\d{3,4}-\d{7,8}",
             r"直通车"]


def main():
    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    files = sorted(os.listdir(os.path.join(HERE, "listings")))
    listed = [e["file"] for e in exp]
    if sorted(f"listings/{f}" for f in files) != sorted(listed) or len(set(listed)) != len(listed):
        err("expected.yml", "files in listings/ and entries differ or repeat")
    ids, per_rule, clean = set(), {"missing-modules": 0, "erp-price-floor": 0}, 0
    kinds = {"md": 0, "json": 0}
    for e in exp:
        fn, where = e["file"], e["file"]
        try:
            raw, d, raw_prices, price_pos = load(os.path.join(HERE, fn))
        except Exception as x:  # noqa: BLE001
            err(where, f"cannot parse: {x}")
            continue
        kinds["md" if fn.endswith(".md") else "json"] += 1
        for k in ("id", "title", "category"):
            if not d.get(k):
                err(where, f"missing {k}")
        if d["id"] in ids:
            err(where, f"duplicate id {d['id']}")
        ids.add(d["id"])
        if e["listing"] != d["id"] or os.path.splitext(os.path.basename(fn))[0] != d["id"]:
            err(where, "listing id, file name and id differ")
        if d["category"] not in CATEGORIES:
            err(where, "bad category")
            continue
        plans = d.get("plans") or []
        if "plans" in d and not isinstance(d["plans"], list):
            err(where, "plans is not a list")
        if len(raw_prices) != len(plans):
            err(where, "could not read each plan's price as written")
        for p in plans:
            if not isinstance(p.get("price"), (int, float)) or p.get("period") not in list(PERIODS) + ["once"] or not p.get("name"):
                err(where, f"bad plan {p}")
        if "erp" in d and not isinstance(d["erp"], bool):
            err(where, "erp is not a boolean")
        for pat in FORBIDDEN:
            m = re.search(pat, raw, re.I)
            if m:
                err(where, f"other rule's trigger {m.group(0)!r}")

        findings = e.get("findings") or []
        if not findings:
            clean += 1
        # ---- missing-modules
        present, heads = modules_present(d["description"], plans)
        want = [k for k in CATEGORIES[d["category"]] if k not in present]
        got = [f["module"] for f in findings if f["rule"] == "missing-modules"]
        for f in findings:
            if f["rule"] not in per_rule:
                err(where, f"unknown rule {f['rule']}")
            else:
                per_rule[f["rule"]] += 1
            if f["rule"] == "missing-modules" and f.get("module") not in CATEGORIES[d["category"]]:
                err(where, f"module {f.get('module')} is not required for {d['category']}")
        if sorted(want) != sorted(got) or len(set(got)) != len(got):
            err(where, f"missing modules: heading reader says {want}, expected says {got} (headings {heads})")
        # ---- erp-price-floor: recompute
        computed = []
        if erp_applies(d):
            for p, text, pos in zip(plans, raw_prices, price_pos):
                if p["period"] == "once" or p["price"] == 0 or is_trial(p["name"]):
                    continue
                if float(text) != float(p["price"]):
                    err(where, f"price as written {text} differs from {p['price']}")
                cur = str(p.get("currency", "CNY")).upper()
                if cur not in RATES or p["price"] * RATES[cur] * PERIODS[p["period"]] < FLOOR - 1e-9:
                    computed.append((text, occurrence(raw, text, pos)))
                    if ambiguous(raw, text, pos):
                        err(where, f"plan price {text} also appears glued to other digits earlier")
            # the whole file: the title and the description (plans are written without such phrases)
            for pos, text, monthly in phrases(raw):
                if monthly < FLOOR - 1e-9:
                    computed.append((text, occurrence(raw, text, pos)))
        got = [(f["text"], f.get("occurrence", 1)) for f in findings if f["rule"] == "erp-price-floor"]
        for f in findings:
            if f["rule"] == "erp-price-floor":
                t, n = f["text"], f.get("occurrence", 1)
                if raw.count(t) < n or (n == 1 and "occurrence" in f):
                    err(where, f"text {t!r} occurrence {n} not in file (or occurrence: 1 written out)")
        if sorted(computed) != sorted(got):
            err(where, f"erp-price-floor: recomputed {sorted(computed)}, expected {sorted(got)}")
    if kinds != {"md": 50, "json": 10}:
        err("listings", f"want 50 .md and 10 .json, have {kinds}")
    print(f"listings: {len(exp)} ({kinds['md']} md, {kinds['json']} json), clean: {clean}")
    for r, n in per_rule.items():
        print(f"positives {r}: {n}")
        if n < 15:
            err("expected.yml", f"{r} has fewer than 15 positives")
    for x in errors:
        print("ERROR", x)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
