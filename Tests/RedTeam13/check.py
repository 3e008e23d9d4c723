#!/usr/bin/env python3
"""Validate the thirteenth red-team set (absolute-terms only).

Checks: every listing file parses (YAML front matter + Markdown body), ids are unique and match the
file name and expected.yml, the category is known and its required `## ` modules are present
(Traditional-Chinese headings are accepted through their Simplified form), every expected finding is
rule absolute-terms, its text occurs in the file and its occurrence (default 1) exists, clean listings
have findings: [], and nothing obviously belonging to another rule slipped in (brand names, links,
e-mails, chat apps, long digit runs, ERP, "free"). Prints counts. Exit 1 on any problem.
"""
import collections, glob, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = {
    "software": [("功能介绍", "Features"), ("使用流程", "How to use")],
    "operation": [("服务内容", "What's included"), ("服务周期", "Service period"), ("价格", "Pricing"),
                  ("验收标准", "Acceptance criteria")],
    "training": [("课程内容", "Syllabus"), ("讲师", "Instructor"), ("上课时间", "Schedule"),
                 ("上课地点", "Location"), ("价格", "Pricing")],
    "design": [("设计内容", "Design content"), ("使用方法", "How to use"), ("价格", "Pricing"),
               ("交付标准", "Delivery standard")],
    "video": [("拍摄内容", "Shooting content"), ("交付时间", "Delivery time"), ("价格", "Pricing")],
}
# Traditional -> Simplified for the characters used in the module headings.
T2S = str.maketrans({"紹": "绍", "務": "务", "內": "内", "週": "周", "價": "价", "驗": "验", "標": "标",
                     "準": "准", "課": "课", "講": "讲", "師": "师", "時": "时", "間": "间", "點": "点",
                     "設": "设", "計": "计", "攝": "摄", "備": "备", "說": "说", "項": "项"})
TRAD_MARKERS = set("紹務內週價驗標準課講師時間點設計攝這個們與為會說")
FORBIDDEN = [
    (r"(?i)ali ?express|alibaba|\balipay\b|\btaobao\b|\btmall\b|\betao\b|yitao|juhuasuan|\bali\b|\btao\b|\btall\b",
     "brand"),
    (r"速卖通|淘宝|淘寶|天猫|天貓|支付宝|支付寶|阿里|聚划算|一淘", "brand"),
    (r"(?i)https?://|www\.|\b[\w-]+\.(com|net|org|cn|io|co|me|tv|shop|store|top|xyz|hk|tw)\b", "link"),
    (r"[\w.+-]+@[\w-]+\.\w+", "e-mail"),
    (r"(?i)\bqq\b|微信|wechat|whatsapp|telegram|skype|line id|\bvx\b|\bwx\b|旺旺|钉钉|釘釘", "chat"),
    (r"\d{5,}", "long digit run (phone/QQ number)"),
    (r"(?i)\berp\b", "ERP"),
    (r"(?i)\bfree\b|免费|免費", "free"),
]


def fail(msg, problems):
    problems.append(msg)


def parse(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        raise ValueError("no front matter")
    return text, yaml.safe_load(m.group(1)), m.group(2)


def language(body):
    if not re.search(r"[\u4e00-\u9fff]", body):
        return "en"
    return "zh-Hant" if any(c in TRAD_MARKERS for c in body) else "zh-Hans"


def occurrences(hay, needle):
    n, i = 0, hay.find(needle)
    while i != -1:
        n, i = n + 1, hay.find(needle, i + 1)
    return n


def main():
    problems = []
    expected = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
    files = sorted(glob.glob(os.path.join(HERE, "listings", "*.md")))
    by_file = {}
    for e in expected:
        if set(e) != {"file", "listing", "findings"}:
            fail(f"{e.get('file')}: unexpected keys {sorted(e)}", problems)
        if e["file"] in by_file:
            fail(f"{e['file']}: listed twice in expected.yml", problems)
        by_file[e["file"]] = e
    rel = {os.path.relpath(f, HERE) for f in files}
    for missing in sorted(set(by_file) - rel):
        fail(f"{missing}: in expected.yml but no such file", problems)
    for extra in sorted(rel - set(by_file)):
        fail(f"{extra}: file not in expected.yml", problems)

    ids = collections.Counter()
    stats = collections.Counter()
    per_cat = collections.defaultdict(collections.Counter)
    per_lang = collections.defaultdict(collections.Counter)
    for f in files:
        r = os.path.relpath(f, HERE)
        try:
            text, fm, body = parse(f)
        except Exception as ex:  # noqa: BLE001
            fail(f"{r}: {ex}", problems)
            continue
        lid = fm.get("id")
        ids[lid] += 1
        for key in ("id", "title", "category"):
            if not fm.get(key):
                fail(f"{r}: front matter lacks {key}", problems)
        if os.path.basename(f) != f"{lid}.md":
            fail(f"{r}: id {lid} does not match the file name", problems)
        cat = fm.get("category")
        if cat not in REQUIRED:
            fail(f"{r}: unknown category {cat}", problems)
            continue
        headings = {h.strip().translate(T2S) for h in re.findall(r"^## (.+)$", body, re.M)}
        for zh, en in REQUIRED[cat]:
            if zh not in headings and en not in headings:
                fail(f"{r}: missing module {zh}/{en}", problems)
        for pat, what in FORBIDDEN:
            m = re.search(pat, text)
            if m:
                fail(f"{r}: looks like another rule ({what}): {m.group(0)!r}", problems)
        e = by_file.get(r)
        if not e:
            continue
        if e["listing"] != lid:
            fail(f"{r}: expected.yml says listing {e['listing']}, file says {lid}", problems)
        findings = e["findings"] or []
        if not 0 <= len(findings) <= 3:
            fail(f"{r}: {len(findings)} findings (want 0-3)", problems)
        seen = set()
        for fd in findings:
            if fd.get("rule") != "absolute-terms":
                fail(f"{r}: finding with rule {fd.get('rule')}", problems)
            t, k = fd.get("text"), fd.get("occurrence", 1)
            n = occurrences(text, t) if t else 0
            if n == 0:
                fail(f"{r}: text {t!r} not in the file", problems)
            elif not 1 <= k <= n:
                fail(f"{r}: {t!r} occurrence {k}, but it occurs {n} time(s)", problems)
            elif n > 1 and "occurrence" not in fd:
                fail(f"{r}: {t!r} occurs {n} times; give an occurrence", problems)
            if (t, k) in seen:
                fail(f"{r}: duplicate finding {t!r} #{k}", problems)
            seen.add((t, k))
        lang = language(body)
        kind = "violating" if findings else "clean"
        stats[kind] += 1
        stats["findings"] += len(findings)
        per_cat[cat][kind] += 1
        per_lang[lang][kind] += 1
    for lid, n in ids.items():
        if n > 1:
            fail(f"id {lid} used {n} times", problems)

    print(f"files: {len(files)}  listings in expected.yml: {len(expected)}  unique ids: {len(ids)}")
    print(f"clean: {stats['clean']}  violating: {stats['violating']}  findings: {stats['findings']}")
    for cat in REQUIRED:
        c = per_cat[cat]
        print(f"  {cat:<10} {c['clean'] + c['violating']:>2} listings ({c['clean']} clean, {c['violating']} violating)")
    for lang in ("zh-Hans", "zh-Hant", "en"):
        c = per_lang[lang]
        print(f"  {lang:<10} {c['clean'] + c['violating']:>2} listings ({c['clean']} clean, {c['violating']} violating)")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
