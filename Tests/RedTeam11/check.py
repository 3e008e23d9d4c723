#!/usr/bin/env python3
"""Validate the RedTeam11 set (absolute-terms only): listings, expected.yml, ids, modules, texts, occurrences.

Usage: python3 check.py            (run from anywhere; paths are relative to this file)
Exit status 0 when everything holds, 1 otherwise. Prints the counts.
"""
import os, re, sys, collections
try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check.py needs PyYAML (python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
RULE = "absolute-terms"
CATEGORIES = ("software", "operation", "training", "design", "video")

# Required modules per category; each module may be written in Simplified, Traditional or English.
MODULES = {
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
TARGET_LANG = {"zh-Hans": 20, "zh-Hant": 10, "en": 20}

# Hygiene: nothing in this set may trip another rule.
BRANDS = re.compile(r"(?i)ali\s*express|alibaba|alipay|taobao|tmall|juhuasuan|\betao\b|yitao|\bali\b|"
                    r"速卖通|淘宝|淘寶|天猫|天貓|支付宝|支付寶|阿里|聚划算|一淘")
LINKS = re.compile(r"(?i)https?://|www\.|@[a-z0-9-]+\.|\b[a-z0-9-]+\.(com|net|org|cn|tw|hk|io|co|shop|store|top|xyz)\b")
CHAT = re.compile(r"(?i)\bqq\b|微信|威信|wechat|whatsapp|telegram|skype|\bline\b|\bvx\b|\bwx\b|加v|\+v|电话|電話|手机号|手機號")
DIGITS = re.compile(r"\d{7,}")
ERP = re.compile(r"(?i)\berp\b")

CJK = re.compile(r"[\u4e00-\u9fff]")
# zero-width characters, full-width letters, separators or circled digits inside a word, emphasis markup,
# spaced-out CJK or single letters
DISGUISE = re.compile(r"[\u200b-\u200d\u2060\uff01-\uff5e•\u2460-\u2473_]|[\u4e00-\u9fff] [\u4e00-\u9fff]|\b\w \w\b")


def split_front_matter(text):
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, text
    return yaml.safe_load(text[4:end]), text[end + 5:]


def language(body):
    if not CJK.search(body):
        return "en"
    s = sum(body.count(c) for c in "们为说时课价设计这产视频师务运营级专团队门关")
    t = sum(body.count(c) for c in "們為說時課價設計這產視頻師務運營級專團隊門關")
    return "zh-Hant" if t > s else "zh-Hans"


def main():
    errors, warnings = [], []
    with open(os.path.join(HERE, "expected.yml"), encoding="utf-8") as f:
        expected = yaml.safe_load(f)
    if not isinstance(expected, list):
        sys.exit("expected.yml must be a list")

    seen_ids, seen_files = set(), set()
    by_lang = collections.Counter(); by_cat = collections.Counter()
    clean = collections.Counter(); dirty = collections.Counter()
    findings_lang = collections.Counter(); findings_cat = collections.Counter()
    disguised = 0
    total = 0

    for entry in expected:
        if set(entry) != {"file", "listing", "findings"}:
            errors.append(f"{entry}: keys must be file, listing, findings")
            continue
        path = os.path.join(HERE, entry["file"])
        lid = entry["listing"]
        if entry["file"] in seen_files:
            errors.append(f"{entry['file']}: listed twice")
        seen_files.add(entry["file"])
        if lid in seen_ids:
            errors.append(f"{lid}: duplicate listing id")
        seen_ids.add(lid)
        if not os.path.isfile(path):
            errors.append(f"{entry['file']}: missing")
            continue
        text = open(path, encoding="utf-8").read()
        fm, body = split_front_matter(text)
        if not isinstance(fm, dict):
            errors.append(f"{entry['file']}: no YAML front matter")
            continue
        for key in ("id", "title", "category"):
            if not fm.get(key):
                errors.append(f"{entry['file']}: front matter lacks {key}")
        if fm.get("id") != lid:
            errors.append(f"{entry['file']}: id {fm.get('id')!r} != listing {lid!r}")
        if os.path.basename(path) != f"{lid}.md":
            errors.append(f"{entry['file']}: file name does not match id")
        cat = fm.get("category")
        if cat not in CATEGORIES:
            errors.append(f"{entry['file']}: bad category {cat!r}")
            continue
        if fm.get("erp"):
            errors.append(f"{entry['file']}: erp must not be true in this set")
        for plan in fm.get("plans") or []:
            if set(plan) - {"name", "price", "currency", "period"}:
                errors.append(f"{entry['file']}: unknown plan key in {plan}")
            if plan.get("period") not in ("day", "week", "month", "quarter", "year", "once"):
                errors.append(f"{entry['file']}: bad plan period {plan.get('period')!r}")

        headings = [h.strip() for h in re.findall(r"^## (.+)$", body, re.M)]
        for variants in MODULES[cat]:
            if not any(v in headings for v in variants):
                errors.append(f"{entry['file']}: missing module {variants[0]}/{variants[2]}")

        lang = language(body)
        if lang != "en":
            # headings must all be in one script: Traditional listings use Traditional headings.
            idx = 1 if lang == "zh-Hant" else 0
            for variants in MODULES[cat]:
                if variants[idx] not in headings:
                    errors.append(f"{entry['file']}: {lang} listing should use heading {variants[idx]}")

        visible = str(fm.get("title", "")) + "\n" + str(fm.get("provider", "")) + "\n" + body
        for name, rx in (("brand name", BRANDS), ("link/domain/e-mail", LINKS), ("chat contact", CHAT),
                         ("long digit run", DIGITS), ("ERP", ERP)):
            m = rx.search(visible)
            if m:
                errors.append(f"{entry['file']}: {name} {m.group(0)!r}")

        by_lang[lang] += 1; by_cat[cat] += 1
        findings = entry["findings"] or []
        if findings:
            dirty[lang] += 1
            if not 1 <= len(findings) <= 3:
                errors.append(f"{entry['file']}: {len(findings)} findings (want 1-3)")
        else:
            clean[lang] += 1
        used = set()
        for fd in findings:
            if not isinstance(fd, dict) or fd.get("rule") != RULE or not isinstance(fd.get("text"), str):
                errors.append(f"{entry['file']}: bad finding {fd!r}")
                continue
            extra = set(fd) - {"rule", "text", "occurrence"}
            if extra:
                errors.append(f"{entry['file']}: unknown finding keys {extra}")
            t = fd["text"]
            n = fd.get("occurrence", 1)
            count = text.count(t)
            if count == 0:
                errors.append(f"{entry['file']}: text {t!r} not found")
                continue
            if "occurrence" not in fd and count > 1:
                errors.append(f"{entry['file']}: {t!r} occurs {count} times; give occurrence")
            if n > count:
                errors.append(f"{entry['file']}: {t!r} occurrence {n} > {count}")
                continue
            if (t, n) in used:
                errors.append(f"{entry['file']}: {t!r} occurrence {n} listed twice")
            used.add((t, n))
            # the nth case-sensitive occurrence must also be the nth case-insensitive one
            pos = -1
            for _ in range(n):
                pos = text.find(t, pos + 1)
            if text.lower()[:pos].count(t.lower()) != n - 1:
                warnings.append(f"{entry['file']}: {t!r} occurrence {n} differs when counted case-insensitively")
            if DISGUISE.search(t):
                disguised += 1
            total += 1
            findings_lang[lang] += 1; findings_cat[cat] += 1

    on_disk = {f"listings/{n}" for n in os.listdir(os.path.join(HERE, "listings")) if n.endswith(".md")}
    for missing in sorted(on_disk - seen_files):
        errors.append(f"{missing}: not in expected.yml")

    if dict(by_lang) != TARGET_LANG:
        errors.append(f"language split {dict(by_lang)} != {TARGET_LANG}")
    if any(by_cat[c] != 10 for c in CATEGORIES):
        errors.append(f"category split {dict(by_cat)} (want 10 each)")
    if sum(clean.values()) != 30 or sum(dirty.values()) != 20:
        errors.append(f"clean/claim split {sum(clean.values())}/{sum(dirty.values())} (want 30/20)")

    print(f"listings: {sum(by_lang.values())}  ({', '.join(f'{k} {v}' for k, v in sorted(by_lang.items()))})")
    print(f"categories: {', '.join(f'{c} {by_cat[c]}' for c in CATEGORIES)}")
    print(f"clean listings: {sum(clean.values())}  ({', '.join(f'{k} {v}' for k, v in sorted(clean.items()))})")
    print(f"listings with claims: {sum(dirty.values())}  ({', '.join(f'{k} {v}' for k, v in sorted(dirty.items()))})")
    print(f"expected {RULE} findings: {total}  (by language: {', '.join(f'{k} {v}' for k, v in sorted(findings_lang.items()))};"
          f" by category: {', '.join(f'{c} {findings_cat[c]}' for c in CATEGORIES)}; disguised: {disguised})")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
