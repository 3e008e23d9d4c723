#!/usr/bin/env python3
"""Validate the tenth red-team set (off-platform-chat and external-links).

Checks: every listing file is parsed (YAML front matter + Markdown body), ids are unique and match
expected.yml, categories are valid, each listing has its category's required `## ` modules, every
expected finding names one of the two probed rules, its text occurs in the file at least `occurrence`
times, no (text, occurrence) pair is listed twice, a violating listing has 1-3 findings, and no text
occurs more often than listed (a missing occurrence). A guard also warns about words other rules would
flag (absolute terms, platform brands), which this set must not contain. Prints counts.
Usage: python3 check.py   (exit 1 on any error)
"""
import os, re, sys, collections
try:
    import yaml
except ImportError:
    sys.exit("check.py needs PyYAML (python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"off-platform-chat", "external-links"}
T2S = str.maketrans("紹務內週價驗標準課講師時間點設計攝", "绍务内周价验标准课讲师时间点设计摄")
REQUIRED = {
    "software": {"功能介绍": ["features"], "使用流程": ["how to use"]},
    "operation": {"服务内容": ["service content"], "服务周期": ["service period"], "价格": ["price"],
                  "验收标准": ["acceptance criteria"]},
    "training": {"课程内容": ["course content"], "讲师": ["instructor"], "上课时间": ["class time"],
                 "上课地点": ["class location"], "价格": ["price"]},
    "design": {"设计内容": ["design content"], "使用方法": ["how to use"], "价格": ["price"],
               "交付标准": ["delivery standards"]},
    "video": {"拍摄内容": ["shooting content"], "交付时间": ["delivery time"], "价格": ["price"]},
}
TRAD_ONLY = set("務價時設計課講內與週個為對過後會經開關導運營鏡頻畫錄號單準標視檔數據擊寫滿鋪庫聯絡")
OTHER_RULES = re.compile(r"最|第一|唯一|顶级|頂級|首选|首選|首家|极致|極致|绝对|絕對|完美|独家|獨家|全网|全網|永久|王牌|100\s*%"
                         r"|\b(best|No\.\s?1|#1|unique|excellent|perfect|ultimate|top|leading|guarantee\w*)\b"
                         r"|\bali\b|alibaba|aliexpress|taobao|tmall|alipay|juhuasuan|etao|yitao"
                         r"|阿里|淘宝|淘寶|天猫|天貓|支付宝|支付寶|聚划算|一淘|速卖通|速賣通|\bERP\b", re.I)
ALIEXPRESS_LINK = re.compile(r"https?://(?:[\w-]+\.)*aliexpress\.com[^\s)）]*", re.I)

errors, warnings = [], []
def err(m): errors.append(m)

def parse(path):
    raw = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
    if not m:
        err(f"{path}: no front matter"); return raw, {}, ""
    return raw, yaml.safe_load(m.group(1)) or {}, m.group(2)

def language(text):
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if cjk < 20: return "English"
    return "Traditional" if any(c in TRAD_ONLY for c in text) else "Simplified"

expected = yaml.safe_load(open(os.path.join(HERE, "expected.yml"), encoding="utf-8"))
if not isinstance(expected, list): sys.exit("expected.yml must be a list")
files_on_disk = {os.path.join("listings", f) for f in os.listdir(os.path.join(HERE, "listings")) if f.endswith(".md")}
seen_files, seen_ids = set(), set()
by_rule, by_cat, by_lang, multi = collections.Counter(), collections.Counter(), collections.Counter(), 0
clean = violating = 0
viol_by_cat = collections.Counter()

for e in expected:
    f, lid, finds = e.get("file"), e.get("listing"), e.get("findings")
    if set(e) != {"file", "listing", "findings"}: err(f"{f}: keys must be file, listing, findings")
    if f in seen_files: err(f"{f}: listed twice")
    if lid in seen_ids: err(f"{lid}: duplicate listing id")
    seen_files.add(f); seen_ids.add(lid)
    path = os.path.join(HERE, f)
    if not os.path.exists(path): err(f"{f}: missing file"); continue
    raw, fm, body = parse(path)
    if fm.get("id") != lid: err(f"{f}: front-matter id {fm.get('id')!r} != {lid!r}")
    if os.path.basename(f) != f"{lid}.md": err(f"{f}: file name does not match id")
    if not fm.get("title"): err(f"{f}: no title")
    cat = fm.get("category")
    if cat not in REQUIRED: err(f"{f}: bad category {cat!r}"); continue
    by_cat[cat] += 1
    by_lang[language(str(fm.get("title")) + body)] += 1
    heads = [h.strip().translate(T2S).lower() for h in re.findall(r"^## (.+)$", body, re.M)]
    for zh, en in REQUIRED[cat].items():
        if zh not in heads and not any(x in heads for x in en):
            err(f"{f}: missing module {zh}")
    guard_text = ALIEXPRESS_LINK.sub(" ", raw)
    for m in OTHER_RULES.finditer(guard_text):
        warnings.append(f"{f}: other-rule word {m.group(0)!r}")
    if not isinstance(finds, list): err(f"{f}: findings must be a list"); continue
    if not finds: clean += 1
    else:
        violating += 1; viol_by_cat[cat] += 1
        if len(finds) > 3: err(f"{f}: {len(finds)} findings (max 3)")
    pairs, max_occ = set(), collections.Counter()
    for x in finds:
        rule, text, occ = x.get("rule"), x.get("text"), x.get("occurrence", 1)
        if set(x) - {"rule", "text", "occurrence"}: err(f"{f}: unknown finding keys {set(x)}")
        if rule not in RULES: err(f"{f}: rule {rule!r} is not probed by this set")
        if not isinstance(text, str) or not text: err(f"{f}: empty text"); continue
        if not isinstance(occ, int) or occ < 1: err(f"{f}: bad occurrence {occ!r}")
        if (text, occ) in pairs: err(f"{f}: {text!r} occurrence {occ} listed twice")
        pairs.add((text, occ)); max_occ[text] = max(max_occ[text], occ)
        n = raw.count(text)
        if n < occ: err(f"{f}: {text!r} occurs {n} time(s), occurrence {occ} expected")
        by_rule[rule] += 1
        if occ > 1: multi += 1
    for text, occ in max_occ.items():
        if raw.count(text) > occ: err(f"{f}: {text!r} occurs {raw.count(text)} times but only {occ} listed")
        if sorted(o for (t, o) in pairs if t == text) != list(range(1, occ + 1)):
            err(f"{f}: occurrences of {text!r} are not 1..{occ}")

for f in sorted(files_on_disk - seen_files): err(f"{f}: not in expected.yml")

print(f"listings: {len(seen_files)}  clean: {clean}  violating: {violating}")
print("findings:", sum(by_rule.values()), dict(sorted(by_rule.items())), f"(occurrence>1: {multi})")
print("categories:", dict(sorted(by_cat.items())), " violating per category:", dict(sorted(viol_by_cat.items())))
print("languages:", dict(sorted(by_lang.items())))
for w in warnings: print("warning:", w)
for e in errors: print("error:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
