#!/usr/bin/env python3
"""Validate the RedTeam9 set (absolute-terms probe): files, front matter, ids,
required modules per category, expected texts/occurrences; print counts.

Usage: python3 check.py [-v]   (-v prints each expected finding in context)
"""
import os, re, sys
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
VERBOSE = "-v" in sys.argv

# Required modules per category (Dispute Handling Rules, Chapter III) with the
# heading spellings used in this set: Simplified, Traditional, English.
REQUIRED = {
    "software": {"features": {"功能介绍", "功能介紹", "Features"},
                 "how to use": {"使用流程", "How to use"}},
    "operation": {"content": {"服务内容", "服務內容", "Service Content"},
                  "cycle": {"服务周期", "服務週期", "Service Cycle"},
                  "price": {"价格", "價格", "Price"},
                  "acceptance": {"验收标准", "驗收標準", "Acceptance Standards"}},
    "training": {"course": {"课程内容", "課程內容", "Course Content"},
                 "instructor": {"讲师", "講師", "Instructor"},
                 "time": {"上课时间", "上課時間", "Class Time"},
                 "place": {"上课地点", "上課地點", "Location"},
                 "price": {"价格", "價格", "Price"}},
    "design": {"content": {"设计内容", "設計內容", "Design Content"},
               "usage": {"使用方法", "How to Use"},
               "price": {"价格", "價格", "Price"},
               "delivery": {"交付标准", "交付標準", "Delivery Standard"}},
    "video": {"shooting": {"拍摄内容", "拍攝內容", "Shooting Content"},
              "delivery": {"交付时间", "交付時間", "Delivery Time"},
              "price": {"价格", "價格", "Price"}},
}
# Other rules must stay silent: a crude guard against accidental brand names,
# links, chat contacts and ERP mentions.
FORBIDDEN = [r"(?i)ali(express|baba|pay)?\b", r"(?i)taobao|tmall|juhuasuan|\betao\b", "速卖通|淘宝|天猫|支付宝|阿里|聚划算|一淘",
             r"(?i)https?://|www\.|\.(com|cn|net|org|io|tw|hk)\b", r"@\w", r"(?i)\bqq\b|wechat|whatsapp|telegram|skype|微信", r"\bLINE\b",
             r"\d{7,}", r"(?i)\berp\b|进销存|進銷存"]
TRAD_ONLY = set("們這個來時為與們點說對會學體業頂級佳獨無廠戶資訊裝週課講價驗標準內設計拍攝場買賣際網頁變數處條")
SIMP_ONLY = set("们这个来时为与点说对会学体业顶级独无厂户资讯装周课讲价验标准内设计拍摄场买卖际网页变数处条")

def lang_of(text):
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(cjk) < 20:
        return "en"
    t = sum(c in TRAD_ONLY for c in cjk); s = sum(c in SIMP_ONLY for c in cjk)
    return "zh-Hant" if t > s else "zh-Hans"

def main():
    errors = []
    exp = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    files = sorted(f for f in os.listdir(os.path.join(HERE, "listings")) if f.endswith(".md"))
    listed = [e["file"] for e in exp]
    if sorted(listed) != sorted("listings/" + f for f in files):
        errors.append("expected.yml and listings/ disagree: %s" % sorted(set(listed) ^ {"listings/" + f for f in files}))
    ids, cats, langs, nfind, clean, dirty = Counter(), Counter(), Counter(), 0, 0, 0
    per_lang_dirty = Counter()
    for e in exp:
        if set(e) != {"file", "listing", "findings"}:
            errors.append(f"{e.get('file')}: keys {sorted(e)}")
        path = os.path.join(HERE, e["file"])
        raw = open(path, encoding="utf-8").read()
        m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
        if not m:
            errors.append(f"{e['file']}: no front matter"); continue
        fm = yaml.safe_load(m.group(1)); body = m.group(2)
        lid = fm.get("id")
        ids[lid] += 1
        if lid != e["listing"] or e["file"] != f"listings/{lid}.md":
            errors.append(f"{e['file']}: id {lid} vs listing {e['listing']}")
        for k in ("id", "title", "category"):
            if not fm.get(k): errors.append(f"{e['file']}: missing {k}")
        cat = fm.get("category"); cats[cat] += 1
        if cat not in REQUIRED:
            errors.append(f"{e['file']}: bad category {cat}"); continue
        heads = [h.strip() for h in re.findall(r"^## (.+)$", body, re.M)]
        for mod, names in REQUIRED[cat].items():
            if not any(h in names for h in heads):
                errors.append(f"{e['file']}: missing module {mod} (headings {heads})")
        for pat in FORBIDDEN:
            hit = re.search(pat, raw)
            if hit: errors.append(f"{e['file']}: other-rule risk {hit.group(0)!r}")
        lang = lang_of(raw); langs[lang] += 1
        fs = e["findings"] or []
        if not 0 <= len(fs) <= 4: errors.append(f"{e['file']}: {len(fs)} findings (want 0-4)")
        if fs: dirty += 1; per_lang_dirty[lang] += 1
        else: clean += 1
        seen = set()
        for f in fs:
            if set(f) - {"rule", "text", "occurrence"} or f.get("rule") != "absolute-terms":
                errors.append(f"{e['file']}: bad finding {f}")
            t = f["text"]; occ = f.get("occurrence", 1)
            key = (t, occ)
            if key in seen: errors.append(f"{e['file']}: duplicate finding {key}")
            seen.add(key)
            starts = [i for i in range(len(raw)) if raw.startswith(t, i)]
            if len(starts) < occ:
                errors.append(f"{e['file']}: {t!r} occurs {len(starts)}x, occurrence {occ} expected")
                continue
            if occ == 1 and "occurrence" in f:
                errors.append(f"{e['file']}: write occurrence only when > 1")
            pos = starts[occ - 1]
            if not pos > raw.index("\n---\n") and t not in fm.get("title", ""):
                errors.append(f"{e['file']}: {t!r} inside front matter")
            ci = [i for i in range(len(raw)) if raw.lower().startswith(t.lower(), i)]
            if ci.index(pos) != occ - 1:
                errors.append(f"{e['file']}: {t!r} occurrence differs case-insensitively")
            nfind += 1
            if VERBOSE:
                ctx = raw[max(0, pos - 12):pos + len(t) + 12].replace("\n", " ⏎ ").replace("\u200b", "<ZWSP>")
                print(f"  {lid}: {t.encode('unicode_escape').decode() if chr(0x200b) in t else t!r} #{occ}/{len(starts)}: …{ctx}…")
    for i, c in ids.items():
        if c > 1: errors.append(f"duplicate id {i}")
    print(f"listings: {len(exp)}  clean: {clean}  with claims: {dirty}  findings: {nfind}")
    print("categories:", dict(sorted(cats.items())))
    print("languages:", dict(sorted(langs.items())), " with claims:", dict(sorted(per_lang_dirty.items())))
    for err in errors: print("ERROR:", err)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
