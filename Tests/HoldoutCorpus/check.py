#!/usr/bin/env python3
"""Validate the hold-out corpus against expected.yml and print positive counts per rule.

Usage: python3 check.py [--min N]        (exit status 1 on any error)

Checks: every listing file parses (Markdown front matter / JSON / JSON Lines) with the listing keys;
ids are unique and each listing has exactly one entry in expected.yml; each finding names a known rule;
each `text` occurs in its file (in a .jsonl: in the listing's own line) at least `occurrence` times
(non-overlapping); missing-modules findings agree with the ## headings (synonym table below) and the
plans; erp-price-floor plan findings agree with the plans (rates from the brief: USD 7.2, EUR 7.8).
Needs PyYAML.
"""
import json, os, re, sys
from collections import Counter, defaultdict
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = ['absolute-terms', 'brand-names', 'external-links', 'off-platform-chat',
         'keyword-stacking', 'missing-modules', 'erp-price-floor']
CATEGORIES = {
    'software': ['function', 'usage'],
    'operation': ['content', 'cycle', 'price', 'acceptance'],
    'training': ['course', 'instructor', 'time', 'place', 'price'],
    'design': ['design', 'usage', 'price', 'delivery-standard'],
    'video': ['shooting', 'delivery-time', 'price'],
}
# Headings this corpus uses for each module (lower-cased, exact). Used only to keep the corpus consistent.
HEADINGS = {
    'function': ['功能介绍', '功能介紹', '产品功能', '產品功能', '核心功能', 'features', 'key features', 'main features'],
    'usage': ['使用流程', '使用说明', '使用說明', '使用方法', '使用方式', 'how to use', 'getting started', 'usage'],
    'content': ['服务内容', '服務內容', "what's included", 'scope of service'],
    'cycle': ['服务周期', '服務週期', 'service period', 'service duration'],
    'price': ['价格', '價格', '收费标准', '收費標準', 'pricing'],
    'acceptance': ['验收标准', '驗收標準', 'acceptance criteria'],
    'course': ['课程内容', '課程內容', '課程大綱', 'syllabus', 'course content', 'curriculum', 'course outline'],
    'instructor': ['讲师', '講師', '師資介紹', 'instructor', 'your instructor'],
    'time': ['上课时间', '上課時間', 'schedule', 'class schedule', 'dates & times'],
    'place': ['上课地点', '上課地點', 'location', 'venue'],
    'design': ['设计内容', '設計內容', 'design content', 'design scope', 'what we design'],
    'delivery-standard': ['交付标准', '交付標準', 'delivery standard', 'deliverables'],
    'shooting': ['拍摄内容', '拍攝內容', 'shooting content', 'what we film'],
    'delivery-time': ['交付时间', '交付時間', '出片时间', '出片時間', 'delivery time', 'turnaround', 'turnaround time'],
}
LISTING_KEYS = {'id', 'title', 'category', 'provider', 'erp', 'authorized_brands', 'plans', 'description'}
PLAN_KEYS = {'name', 'price', 'currency', 'period'}
PERIODS = {'day': 30, 'week': 30 / 7, 'month': 1, 'quarter': 1 / 3, 'year': 1 / 12, 'once': None}
RATES = {'CNY': 1.0, 'USD': 7.2, 'EUR': 7.8}

errors, warnings = [], []
def err(where, msg): errors.append(f'{where}: {msg}')

def count(scope, text):
    n, i = 0, scope.find(text)
    while i != -1:
        n += 1
        i = scope.find(text, i + len(text))
    return n

def check_record(where, rec):
    if not isinstance(rec, dict): return err(where, 'listing is not a mapping')
    for k in ('id', 'title', 'category'):
        if not isinstance(rec.get(k), str) or not rec.get(k): err(where, f'missing or empty {k}')
    for k in rec:
        if k not in LISTING_KEYS: err(where, f'unknown key {k}')
    if rec.get('category') not in CATEGORIES: err(where, f'bad category {rec.get("category")!r}')
    if 'erp' in rec and not isinstance(rec['erp'], bool): err(where, 'erp is not a bool')
    if 'authorized_brands' in rec and not (isinstance(rec['authorized_brands'], list)
                                           and all(isinstance(b, str) for b in rec['authorized_brands'])):
        err(where, 'authorized_brands is not a list of strings')
    for p in rec.get('plans') or []:
        if not isinstance(p, dict) or set(p) - PLAN_KEYS or not {'name', 'price', 'period'} <= set(p):
            err(where, f'bad plan {p!r}'); continue
        if isinstance(p['price'], bool) or not isinstance(p['price'], (int, float)) or p['price'] < 0:
            err(where, f'bad price {p!r}')
        if p['period'] not in PERIODS: err(where, f'bad period {p!r}')

def headings(desc):
    return [m.group(1).strip().lower() for m in re.finditer(r'^## +(.+?)\s*$', desc, re.M)]

def load():
    """-> {id: (file, scope_text, record, description)}"""
    listings, by_file = {}, defaultdict(list)
    ldir = os.path.join(HERE, 'listings')
    for fn in sorted(os.listdir(ldir)):
        path, rel = os.path.join(ldir, fn), 'listings/' + fn
        text = open(path, encoding='utf-8').read()
        items = []
        try:
            if fn.endswith('.md'):
                m = re.match(r'---\n(.*?)\n---\n(.*)\Z', text, re.S)
                if not m: err(rel, 'no front matter'); continue
                rec = yaml.safe_load(m.group(1)); check_record(rel, rec)
                items.append((rec, text, m.group(2)))
                if rec.get('id') + '.md' != fn: err(rel, 'file name does not match id')
            elif fn.endswith('.json'):
                rec = json.loads(text); check_record(rel, rec)
                items.append((rec, text, rec.get('description', '')))
                if rec.get('id') + '.json' != fn: err(rel, 'file name does not match id')
            elif fn.endswith('.jsonl'):
                for n, line in enumerate(text.split('\n'), 1):
                    if not line.strip(): continue
                    rec = json.loads(line); check_record(f'{rel}:{n}', rec)
                    items.append((rec, line, rec.get('description', '')))
            else:
                warnings.append(f'{rel}: ignored'); continue
        except (ValueError, yaml.YAMLError) as e:
            err(rel, f'does not parse: {e}'); continue
        for rec, scope, desc in items:
            lid = rec.get('id')
            if lid in listings: err(rel, f'duplicate id {lid}')
            listings[lid] = (rel, scope, rec, desc); by_file[rel].append(lid)
    return listings

def main():
    minimum = int(sys.argv[sys.argv.index('--min') + 1]) if '--min' in sys.argv else 15
    listings = load()
    expected = yaml.safe_load(open(os.path.join(HERE, 'expected.yml'), encoding='utf-8'))
    seen, counts, clean = set(), Counter(), 0
    for e in expected:
        lid, fn = e.get('listing'), e.get('file')
        where = f'expected {lid}'
        if lid in seen: err(where, 'listed twice'); continue
        seen.add(lid)
        if lid not in listings: err(where, 'no such listing'); continue
        rel, scope, rec, desc = listings[lid]
        if fn != rel: err(where, f'file is {rel}, not {fn}')
        fs = e.get('findings')
        if not isinstance(fs, list): err(where, 'findings is not a list'); continue
        if not fs: clean += 1
        keys, missing, erp_texts = set(), set(), []
        for f in fs:
            rule = f.get('rule')
            if rule not in RULES: err(where, f'unknown rule {rule!r}'); continue
            counts[rule] += 1
            if rule == 'missing-modules':
                mod = f.get('module')
                if mod not in CATEGORIES[rec['category']]: err(where, f'module {mod!r} not required for {rec["category"]}')
                if mod in missing: err(where, f'module {mod} twice')
                missing.add(mod); continue
            text, occ = f.get('text'), f.get('occurrence', 1)
            if not isinstance(text, str) or not text: err(where, f'{rule}: no text'); continue
            if not isinstance(occ, int) or occ < 1: err(where, f'bad occurrence {occ!r}'); continue
            if (rule, text, occ) in keys: err(where, f'duplicate finding {rule} {text!r} {occ}')
            keys.add((rule, text, occ))
            n = count(scope, text)
            if n < occ: err(where, f'{rule}: {text!r} occurs {n} time(s), occurrence {occ} expected')
            if rule == 'erp-price-floor': erp_texts.append(text)
        # modules
        plans = rec.get('plans') or []
        present = set()
        for h in headings(desc):
            mods = [m for m, names in HEADINGS.items() if h in names]
            if not mods: warnings.append(f'{lid}: heading {h!r} not in the synonym table')
            present.update(mods)
        if plans: present.add('price')
        computed = {m for m in CATEGORIES[rec['category']] if m not in present}
        if computed != missing:
            err(where, f'missing modules expected {sorted(missing)}, headings say {sorted(computed)}')
        # ERP plans
        is_erp = rec.get('erp') is True or (rec.get('erp') is None and rec['category'] == 'software'
                                           and re.search(r'\bERP\b', rec['title']))
        below = []
        for p in plans:
            per, cur = PERIODS.get(p['period']), p.get('currency', 'CNY')
            if per is None or p['price'] == 0 or re.search(r'试用|試用|trial', p['name'], re.I): continue
            if cur not in RATES: below.append(p); continue
            if p['price'] * RATES[cur] * per < 30 - 1e-9: below.append(p)
        plan_texts = [t for t in erp_texts if re.fullmatch(r'[0-9.]+', t)]
        if not is_erp:
            if erp_texts: err(where, 'erp-price-floor finding on a listing the rule does not cover')
        else:
            want = sorted(str(p['price']) for p in below)
            if sorted(plan_texts) != want:
                err(where, f'erp plan findings {sorted(plan_texts)} but plans below the floor are {want}')
    for lid in listings:
        if lid not in seen: err(lid, 'listing has no entry in expected.yml')

    fmts = Counter(os.path.splitext(v[0])[1] for v in listings.values())
    print(f'listings: {len(listings)}  ({", ".join(f"{k}: {v}" for k, v in sorted(fmts.items()))})')
    print(f'clean listings: {clean}   listings with findings: {len(listings) - clean}')
    print('expected positives per rule:')
    for r in RULES:
        flag = '' if counts[r] >= minimum else f'   < {minimum}!'
        print(f'  {r:<20} {counts[r]:>4}{flag}')
        if counts[r] < minimum: errors.append(f'{r}: only {counts[r]} positives')
    print(f'  {"total":<20} {sum(counts.values()):>4}')
    for w in warnings: print('warning:', w)
    for e in errors: print('error:', e)
    print('OK' if not errors else f'{len(errors)} error(s)')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
