#!/usr/bin/env python3
"""Validate the seventh red-team set: listings/ and expected.yml.

Checks: every listing file parses (.md = YAML front matter + Markdown body, .json = one object with a
Markdown `description`); ids are unique and match expected.yml; every expected `text` occurs in the
file as written (nth occurrence when `occurrence` is given, which is required when the text occurs more
than once) and contains no escape; missing-modules findings agree with the level-2 headings of the body
(fenced code ignored, setext `---` counted, `===` not) and with the plans list; every http(s) URL and
e-mail address outside aliexpress.com is covered by an external-links finding.
Prints positives per rule. Exit status 1 on any error.
"""
import json, os, re, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking", "missing-modules"}
CATEGORIES = {
    "software": {"function": "功能介绍", "usage": "使用流程"},
    "operation": {"content": "服务内容", "cycle": "服务周期", "price": "价格", "acceptance": "验收标准"},
    "training": {"course": "课程内容", "instructor": "讲师", "time": "上课时间", "place": "上课地点", "price": "价格"},
    "design": {"design": "设计内容", "usage": "使用方法", "price": "价格", "delivery-standard": "交付标准"},
    "video": {"shooting": "拍摄内容", "delivery-time": "交付时间", "price": "价格"},
}
PLAN_KEYS = {"name", "price", "currency", "period"}
PERIODS = {"day", "week", "month", "quarter", "year", "once"}
errors = []

def err(where, msg):
    errors.append(f"{where}: {msg}")

def load_listing(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
        if not m:
            raise ValueError("no front matter")
        meta = yaml.safe_load(m.group(1))
        meta["description"] = m.group(2)
    elif path.endswith(".json"):
        meta = json.loads(raw)
    else:
        raise ValueError("unknown extension")
    return raw, meta

def level2_headings(body):
    heads, fence, prev = [], None, ""
    for line in body.split("\n"):
        f = re.match(r" {0,3}(`{3,}|~{3,})", line)
        if fence:
            if f and f.group(1)[0] == fence[0] and len(f.group(1)) >= len(fence):
                fence = None
            prev = ""
            continue
        if f:
            fence, prev = f.group(1), ""
            continue
        if re.match(r" {0,3}## ", line):
            heads.append(line)
        elif re.match(r" {0,3}-+\s*$", line) and prev.strip() and not re.match(r"\s*([-*+]|\d+\.)\s|\s*\|", prev):
            heads.append(prev)
        prev = line
    return heads

def main():
    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    files = sorted(os.listdir(os.path.join(HERE, "listings")))
    listed = [e["file"] for e in exp]
    for f in files:
        if f"listings/{f}" not in listed:
            err(f, "not in expected.yml")
    dup = [f for f, n in collections.Counter(listed).items() if n > 1]
    for f in dup:
        err(f, "listed twice in expected.yml")
    ids, per_rule = collections.Counter(), collections.Counter()
    kinds, clean = collections.Counter(), 0
    for e in exp:
        where = e.get("file", "?")
        if set(e) != {"file", "listing", "findings"}:
            err(where, f"entry keys {sorted(e)}")
        path = os.path.join(HERE, e["file"])
        try:
            raw, meta = load_listing(path)
        except Exception as x:
            err(where, f"does not parse: {x}")
            continue
        kinds[path.rsplit(".", 1)[1]] += 1
        ids[meta.get("id")] += 1
        if meta.get("id") != e["listing"] or os.path.basename(path).rsplit(".", 1)[0] != e["listing"]:
            err(where, f"id {meta.get('id')} / listing {e['listing']} / file name disagree")
        for k in ("id", "title", "category", "description"):
            if not isinstance(meta.get(k), str) or not meta[k].strip():
                err(where, f"missing {k}")
        cat = meta.get("category")
        if cat not in CATEGORIES:
            err(where, f"category {cat}")
            continue
        plans = meta.get("plans") or []
        for p in plans:
            if set(p) - PLAN_KEYS or p.get("period") not in PERIODS or not isinstance(p.get("price"), (int, float)):
                err(where, f"bad plan {p}")
        if "erp" in (meta.get("title") or "").lower() or meta.get("erp"):
            err(where, "ERP listing (not intended in this set)")
        findings = e["findings"] or []
        if not findings:
            clean += 1
        seen = set()
        covered = collections.defaultdict(set)   # text -> occurrences flagged
        for fd in findings:
            rule = fd.get("rule")
            if rule not in RULES:
                err(where, f"unknown rule {rule}")
                continue
            per_rule[rule] += 1
            if rule == "missing-modules":
                if set(fd) != {"rule", "module"} or fd["module"] not in CATEGORIES[cat]:
                    err(where, f"bad missing-modules finding {fd}")
                key = (rule, fd["module"])
            else:
                text, occ = fd.get("text"), fd.get("occurrence")
                if set(fd) - {"rule", "text", "occurrence"} or not isinstance(text, str) or not text:
                    err(where, f"bad finding {fd}")
                    continue
                if "\\" in text or "\n" in text or '"' in text:
                    err(where, f"text {text!r} contains an escape")
                n = raw.count(text)
                if n == 0:
                    err(where, f"text {text!r} not in file")
                elif occ is None and n > 1:
                    err(where, f"text {text!r} occurs {n} times; give occurrence")
                elif occ is not None and not (isinstance(occ, int) and 1 <= occ <= n):
                    err(where, f"text {text!r} occurrence {occ} of {n}")
                if path.endswith(".json") and not any(text in str(v) for v in meta.values()):
                    err(where, f"text {text!r} not in any decoded field")
                key = (rule, text, occ or 1)
                start = -1
                for _ in range(occ or 1):
                    start = raw.find(text, start + 1)
                covered[rule].add((start, start + len(text)))
            if key in seen:
                err(where, f"duplicate finding {fd}")
            seen.add(key)
        # missing modules must agree with the headings
        heads = level2_headings(meta["description"])
        missing = {mod for mod, word in CATEGORIES[cat].items()
                   if not any(word in h for h in heads) and not (mod == "price" and plans)}
        expected_missing = {fd["module"] for fd in findings if fd.get("rule") == "missing-modules"}
        if missing != expected_missing:
            err(where, f"missing modules computed {sorted(missing)} expected {sorted(expected_missing)}")
        # every non-aliexpress.com URL / e-mail is covered
        for m in re.finditer(r"https?://[^\s)\]>\"'<`\\]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", raw):
            host = re.sub(r"^https?://", "", m.group()).split("/")[0].split("@")[-1].lower()
            if host == "aliexpress.com" or host.endswith(".aliexpress.com"):
                continue
            if not any(s <= m.start() and m.end() <= t for s, t in covered["external-links"]):
                err(where, f"external link {m.group()!r} at {m.start()} not covered")
    for i, n in ids.items():
        if n > 1:
            err(str(i), "duplicate id")
    for x in errors:
        print("ERROR", x)
    total = sum(per_rule.values())
    print(f"listings: {len(exp)} ({kinds['md']} .md, {kinds['json']} .json); clean: {clean}; with findings: {len(exp) - clean}")
    for r in sorted(RULES):
        print(f"  {r:18} {per_rule[r]}")
    print(f"  {'total':18} {total}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
