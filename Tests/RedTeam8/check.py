#!/usr/bin/env python3
"""Self-check for red-team set 8 (service categories: operation, training, design, video).

Validates listings/*.md (YAML front matter + Markdown body) and listings/catalogue.jsonl,
then checks expected.yml against them:
  * every listing file parses, has id/title/category, ids are unique, .md file name == id;
  * every listing has exactly one expected.yml entry (clean listings carry `findings: []`);
  * every finding `text` occurs in the file (in the .jsonl: in the listing's own line) at least
    `occurrence` times (default 1), and no finding is listed twice;
  * missing-modules expectations equal the modules computed from the level-2 headings below
    (price is also satisfied by a non-empty `plans` list).
Prints the number of positives per rule. Exit status 0 when everything holds, 1 otherwise.
Usage: python3 check.py [-v]
"""
import json, os, re, sys
from collections import Counter, defaultdict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {'absolute-terms', 'brand-names', 'external-links', 'off-platform-chat',
         'keyword-stacking', 'missing-modules'}
CATEGORIES = {'software', 'operation', 'training', 'design', 'video'}
REQUIRED = {
    'operation': ['content', 'cycle', 'price', 'acceptance'],
    'training': ['course', 'instructor', 'time', 'place', 'price'],
    'design': ['design', 'usage', 'price', 'delivery-standard'],
    'video': ['shooting', 'delivery-time', 'price'],
}
# Every level-2 heading used in this set that stands for a required module.
HEADINGS = {
    'content': ['服务内容', '服務內容', "What's included"],
    'cycle': ['服务周期', '服務週期', '合作周期', 'Service period'],
    'price': ['价格', '價格', 'Pricing'],
    'acceptance': ['验收标准', '驗收標準', '验收方式', 'Acceptance criteria'],
    'course': ['课程内容', '課程內容', 'Syllabus', 'Curriculum', 'Course content'],
    'instructor': ['讲师', '講師', 'Instructor', 'Your trainer'],
    'time': ['上课时间', '上課時間', 'Schedule', 'Dates'],
    'place': ['上课地点', '上課地點', 'Location', 'Venue'],
    'design': ['设计内容', '設計內容', 'Design content', 'Design scope'],
    'usage': ['使用方法', 'How to use'],
    'delivery-standard': ['交付标准', '交付標準', 'Delivery standard', 'Deliverables'],
    'shooting': ['拍摄内容', '拍攝內容', 'Shooting content', 'What we shoot'],
    'delivery-time': ['交付时间', '交付時間', 'Delivery time', 'Turnaround'],
}
HEADING_TO_MODULE = {h.casefold(): m for m, hs in HEADINGS.items() for h in hs}
# Headings present in the set that deliberately stand for no module.
NEUTRAL_HEADINGS = {'notes'}

errors = []
def err(msg):
    errors.append(msg)


def parse_md(path):
    raw = open(path, encoding='utf-8').read()
    m = re.match(r'---\n(.*?)\n---\n(.*)\Z', raw, re.S)
    if not m:
        err(f'{path}: no YAML front matter'); return None
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        err(f'{path}: front matter does not parse: {e}'); return None
    if not isinstance(meta, dict):
        err(f'{path}: front matter is not a mapping'); return None
    return meta, m.group(2), raw


def modules_present(rec, body, where):
    found = set()
    for line in body.split('\n'):
        m = re.match(r'##\s+(.+?)\s*$', line)
        if not m:
            continue
        h = m.group(1).casefold()
        if h in HEADING_TO_MODULE:
            found.add(HEADING_TO_MODULE[h])
        elif h not in NEUTRAL_HEADINGS:
            err(f'{where}: heading "## {m.group(1)}" is not in check.py HEADINGS or NEUTRAL_HEADINGS')
    if rec.get('plans'):
        found.add('price')
    return found


def validate_meta(rec, where):
    for k in ('id', 'title', 'category'):
        if not isinstance(rec.get(k), str) or not rec.get(k).strip():
            err(f'{where}: missing or empty {k}')
    if rec.get('category') not in CATEGORIES - {'software'}:
        err(f'{where}: category {rec.get("category")!r} is not a service category of this set')
    if 'erp' in rec:
        err(f'{where}: erp is not used in these categories')
    ab = rec.get('authorized_brands')
    if ab is not None and not (isinstance(ab, list) and all(isinstance(x, str) for x in ab)):
        err(f'{where}: authorized_brands must be a list of strings')
    plans = rec.get('plans')
    if plans is not None:
        if not isinstance(plans, list) or not plans:
            err(f'{where}: plans must be a non-empty list')
        else:
            for p in plans:
                if not isinstance(p, dict) or not {'name', 'price', 'period'} <= set(p):
                    err(f'{where}: bad plan {p!r}')
                elif p['period'] not in {'day', 'week', 'month', 'quarter', 'year', 'once'}:
                    err(f'{where}: bad period {p["period"]!r}')
                elif not isinstance(p['price'], (int, float)):
                    err(f'{where}: price is not a number in {p!r}')


def main():
    verbose = '-v' in sys.argv
    listings = {}   # id -> dict(file, text, category, modules)
    ldir = os.path.join(HERE, 'listings')
    for name in sorted(os.listdir(ldir)):
        path = os.path.join(ldir, name)
        rel = f'listings/{name}'
        if name.endswith('.md'):
            parsed = parse_md(path)
            if not parsed:
                continue
            meta, body, raw = parsed
            validate_meta(meta, rel)
            if meta.get('id') != name[:-3]:
                err(f'{rel}: id {meta.get("id")!r} differs from the file name')
            lid = meta.get('id')
            if lid in listings:
                err(f'{rel}: duplicate id {lid}')
            listings[lid] = dict(file=rel, text=raw, category=meta.get('category'),
                                 modules=modules_present(meta, body, rel))
        elif name.endswith('.jsonl'):
            for n, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    err(f'{rel}:{n}: bad JSON: {e}'); continue
                where = f'{rel}:{n}'
                validate_meta(rec, where)
                if not isinstance(rec.get('description'), str):
                    err(f'{where}: description missing')
                lid = rec.get('id')
                if lid in listings:
                    err(f'{where}: duplicate id {lid}')
                listings[lid] = dict(file=rel, text=line, category=rec.get('category'),
                                     modules=modules_present(rec, rec.get('description', ''), where))
        else:
            err(f'{rel}: unexpected file')

    expected = yaml.safe_load(open(os.path.join(HERE, 'expected.yml'), encoding='utf-8'))
    seen = set()
    per_rule = Counter()
    listings_per_rule = defaultdict(set)
    for e in expected:
        lid = e.get('listing')
        if set(e) != {'file', 'listing', 'findings'}:
            err(f'expected.yml {lid}: keys {sorted(e)}')
        if lid in seen:
            err(f'expected.yml: {lid} listed twice')
        seen.add(lid)
        if lid not in listings:
            err(f'expected.yml: unknown listing {lid}'); continue
        L = listings[lid]
        if e.get('file') != L['file']:
            err(f'expected.yml {lid}: file {e.get("file")} but the listing is in {L["file"]}')
        findings = e.get('findings') or []
        keys = set()
        missing_expected = set()
        for f in findings:
            rule = f.get('rule')
            if rule not in RULES:
                err(f'{lid}: unknown rule {rule}'); continue
            per_rule[rule] += 1
            listings_per_rule[rule].add(lid)
            if rule == 'missing-modules':
                if set(f) != {'rule', 'module'}:
                    err(f'{lid}: missing-modules finding must have exactly rule and module: {f}')
                mod = f.get('module')
                if mod not in REQUIRED.get(L['category'], []):
                    err(f'{lid}: module {mod} is not required for {L["category"]}')
                missing_expected.add(mod)
                key = (rule, mod)
            else:
                if not set(f) <= {'rule', 'text', 'occurrence'} or 'text' not in f:
                    err(f'{lid}: bad finding {f}')
                    continue
                text, occ = f['text'], f.get('occurrence', 1)
                count = L['text'].count(text)
                if count < occ:
                    err(f'{lid}: "{text}" occurs {count} time(s), occurrence {occ} expected')
                key = (rule, text, occ)
            if key in keys:
                err(f'{lid}: finding {key} listed twice')
            keys.add(key)
        computed = set(REQUIRED.get(L['category'], [])) - L['modules']
        if computed != missing_expected:
            err(f'{lid}: headings say missing {sorted(computed)}, expected.yml says {sorted(missing_expected)}')
        # informational: texts with more occurrences than listed
        if verbose:
            listed = defaultdict(set)
            for k in keys:
                if len(k) == 3:
                    listed[(k[0], k[1])].add(k[2])
            for (rule, text), occs in listed.items():
                c = L['text'].count(text)
                if c > len(occs):
                    print(f'note {lid}: "{text}" occurs {c} times, {len(occs)} listed for {rule}')
    for lid in listings:
        if lid not in seen:
            err(f'expected.yml: listing {lid} has no entry')

    by_cat = Counter(L['category'] for L in listings.values())
    clean = sum(1 for e in expected if not e.get('findings'))
    print(f'listings: {len(listings)} ({", ".join(f"{k} {v}" for k, v in sorted(by_cat.items()))}); '
          f'files: {len(set(L["file"] for L in listings.values()))}; clean: {clean}; with findings: {len(expected) - clean}')
    print('positives per rule (findings / listings):')
    for rule in sorted(RULES):
        print(f'  {rule:20s} {per_rule[rule]:3d} / {len(listings_per_rule[rule])}')
    print(f'  {"total":20s} {sum(per_rule.values()):3d}')
    if errors:
        print(f'{len(errors)} problem(s):')
        for m in errors:
            print('  ' + m)
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
