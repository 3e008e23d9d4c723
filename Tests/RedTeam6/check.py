#!/usr/bin/env python3
"""Validates the sixth red-team set (listings/ + expected.yml) without running listing-lint.

Checks: every .md has YAML front matter with id/title/category; every .jsonl line is a JSON object with
id/title/category/description; ids are unique; every listing has exactly one expected.yml entry and vice
versa; each category's required `## ` modules are present; no listing mentions erp; each expected text
occurs in its file (in a .jsonl: in the listing's own line), occurrence is within range and given whenever
the text occurs more than once, no finding is listed twice. Then prints positives per rule.
`--review` also prints every finding and every unlisted occurrence of watched words in context.
Exit status 0 when valid, 1 otherwise.
"""
import collections, json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking"}
MODULES = {
    "software": ["功能介绍", "使用流程"],
    "operation": ["服务内容", "服务周期", "价格", "验收标准"],
    "training": ["课程内容", "讲师", "上课时间", "上课地点", "价格"],
    "design": ["设计内容", "使用方法", "价格", "交付标准"],
    "video": ["拍摄内容", "交付时间", "价格"],
}
WATCH = ["最", "第一", "第1", "第１", "第①", "唯一", "独家", "顶级", "极致", "首选", "级", "100%", "１００％", "绝对",
         "万能", "完美", "百分", "NO", "ＮＯ", "淘", "宝", "猫", "貓", "天", "支付", "阿里", "聚划算", "速卖通",
         "AliExpress", "aliexpress", "ali", "TB", "tao", "zfb", "QQ", "qq", "扣扣", "企鹅", "🐧", "球球", "YY",
         "微", "薇", "威信", "徽信", "V", "wx", "电话", "手机", "热线", "http", "www", "点", "dot", "。top",
         ".com", ".cn", ".net", ".top", "@", "小红书", "网盘", "Telegram", "WhatsApp"]
errors = []


def err(msg):
    errors.append(msg)


def load():
    """Return {listing id: (file, text searched for findings, record dict, description)}."""
    out = {}
    ldir = os.path.join(HERE, "listings")
    for fn in sorted(os.listdir(ldir)):
        path = os.path.join(ldir, fn)
        rel = "listings/" + fn
        raw = open(path, encoding="utf-8").read()
        if fn.endswith(".md"):
            m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
            if not m:
                err(rel + ": no front matter"); continue
            rec = yaml.safe_load(m.group(1))
            recs = [(rec, m.group(2), raw)]
        elif fn.endswith(".jsonl"):
            recs = []
            for i, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError as e:
                    err("%s:%d: bad JSON: %s" % (rel, i, e)); continue
                if "description" not in rec:
                    err("%s:%d: no description" % (rel, i))
                recs.append((rec, rec.get("description", ""), line))
        else:
            err(rel + ": unexpected file"); continue
        for rec, desc, hay in recs:
            for k in ("id", "title", "category"):
                if not rec.get(k):
                    err("%s: missing %s" % (rel, k))
            lid = rec.get("id")
            if lid in out:
                err("duplicate id " + str(lid))
            out[lid] = (rel, hay, rec, desc)
    return out


def main():
    review = "--review" in sys.argv
    listings = load()
    for lid, (rel, hay, rec, desc) in listings.items():
        cat = rec.get("category")
        if cat not in MODULES:
            err("%s %s: bad category %r" % (rel, lid, cat)); continue
        heads = re.findall(r"^## +(.+?)\s*$", desc, re.M)
        for mod in MODULES[cat]:
            if mod not in heads:
                err("%s %s: missing module ## %s" % (rel, lid, mod))
        if re.search("erp", hay, re.I):
            err("%s %s: mentions erp" % (rel, lid))
        if "erp" in rec:
            err("%s %s: has an erp key" % (rel, lid))

    expected = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    seen = set()
    per_rule = collections.Counter()
    violating = clean = 0
    for e in expected:
        lid, rel = e.get("listing"), e.get("file")
        if lid in seen:
            err("expected.yml: listing %s twice" % lid)
        seen.add(lid)
        if lid not in listings:
            err("expected.yml: unknown listing %s" % lid); continue
        if listings[lid][0] != rel:
            err("expected.yml: %s is in %s, not %s" % (lid, listings[lid][0], rel))
        hay = listings[lid][1]
        fs = e.get("findings") or []
        violating += bool(fs)
        clean += not fs
        keys = set()
        listed = collections.Counter()
        for f in fs:
            rule, text, occ = f.get("rule"), f.get("text"), f.get("occurrence", 1)
            if rule not in RULES:
                err("%s: unknown rule %r" % (lid, rule))
            if not text or "\n" in text:
                err("%s: bad text %r" % (lid, text)); continue
            n = hay.count(text)
            if n == 0:
                err("%s: text not found: %r" % (lid, text)); continue
            if not isinstance(occ, int) or not 1 <= occ <= n:
                err("%s: %r occurrence %r of %d" % (lid, text, occ, n))
            if n > 1 and "occurrence" not in f:
                err("%s: %r occurs %d times, occurrence needed" % (lid, text, n))
            if (rule, text, occ) in keys:
                err("%s: finding listed twice: %s %r #%s" % (lid, rule, text, occ))
            keys.add((rule, text, occ))
            listed[text] += 1
            per_rule[rule] += 1
            if review:
                pos = -1
                for _ in range(occ):
                    pos = hay.find(text, pos + 1)
                print("  %-8s %-18s %s  «%s»" % (lid, rule, text,
                      hay[max(0, pos - 12):pos + len(text) + 12].replace("\n", "⏎")))
        if review:
            for text, k in listed.items():
                if hay.count(text) > k:
                    print("  NOTE %s: %r occurs %d times, %d listed" % (lid, text, hay.count(text), k))
            # unlisted occurrences of watched words (hard negatives to eyeball)
            covered = []
            for f in fs:
                p = -1
                for _ in range(f.get("occurrence", 1)):
                    p = hay.find(f["text"], p + 1)
                covered.append((p, p + len(f["text"])))
            for w in WATCH:
                for m in re.finditer(re.escape(w), hay):
                    if any(a <= m.start() < b for a, b in covered):
                        continue
                    ctx = hay[max(0, m.start() - 8):m.end() + 8].replace("\n", "⏎")
                    print("    . %s %-6s «%s»" % (lid, w, ctx))
        if not fs:
            title = listings[lid][2].get("title", "")
            grams = collections.Counter(title[i:i + 2] for i in range(len(title) - 1))
            for g, k in grams.items():
                if k >= 3 and g.strip():
                    err("%s: clean title repeats %r %d times" % (lid, g, k))
    for lid in listings:
        if lid not in seen:
            err("expected.yml: no entry for %s" % lid)

    files = collections.Counter(v[0].rsplit(".", 1)[1] for v in listings.values())
    cats = collections.Counter(v[2]["category"] for v in listings.values())
    print("listings: %d (%s); categories: %s" % (len(listings), ", ".join("%s %d" % kv for kv in sorted(files.items())),
          ", ".join("%s %d" % kv for kv in sorted(cats.items()))))
    print("clean: %d, with violations: %d" % (clean, violating))
    print("positives per rule:")
    for r in sorted(RULES):
        print("  %-18s %d" % (r, per_rule[r]))
    print("  %-18s %d" % ("total", sum(per_rule.values())))
    for e in errors:
        print("ERROR: " + e)
    print("OK" if not errors else "%d error(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
