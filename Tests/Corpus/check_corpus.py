#!/usr/bin/env python3
"""Consistency checker for the listing-lint test corpus.

It does NOT lint anything. It only verifies that the corpus and expected.yml
agree with each other structurally:

  * every entry's file exists and parses (YAML front matter / JSON / JSON Lines),
  * every listing in listings/ has exactly one entry, listing ids are unique,
  * every expected `text` occurs at least `occurrence` times in the file
    (within the listing's own line for .jsonl),
  * rule names and module keys are valid,

and prints statistics: positives per rule, listings per language / category /
format, and how often each evasion and hard negative appears.

Usage:  python3 check_corpus.py [--quiet]      (exit status 1 on any error)
Needs:  Python 3.8+, PyYAML.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
LISTINGS_DIR = os.path.join(HERE, 'listings')

RULES = ['absolute-terms', 'brand-names', 'external-links', 'off-platform-chat',
         'keyword-stacking', 'missing-modules', 'erp-price-floor']
MODULES = {'function', 'usage', 'content', 'cycle', 'price', 'acceptance', 'course', 'instructor',
           'time', 'place', 'design', 'delivery-standard', 'shooting', 'delivery-time'}
CATEGORY_MODULES = {
    'software': {'function', 'usage'},
    'operation': {'content', 'cycle', 'price', 'acceptance'},
    'training': {'course', 'instructor', 'time', 'place', 'price'},
    'design': {'design', 'usage', 'price', 'delivery-standard'},
    'video': {'shooting', 'delivery-time', 'price'},
}
PERIODS = {'day', 'week', 'month', 'quarter', 'year', 'once'}
LANGS = {'zh-Hans', 'zh-Hant', 'en'}
MIN_LISTINGS = 160
MIN_PER_RULE = 25
MIN_COVERAGE = 2

errors = []


def err(msg):
    errors.append(msg)


def count_nonoverlapping(hay, needle):
    n, k = 0, 0
    while True:
        k = hay.find(needle, k)
        if k < 0:
            return n
        n += 1
        k += len(needle)


# ---------------------------------------------------------------- parsing
def parse_md(path, raw):
    if not raw.startswith('---\n'):
        err('%s: no front matter' % path)
        return None
    end = raw.find('\n---\n', 4)
    if end < 0:
        err('%s: unterminated front matter' % path)
        return None
    try:
        fm = yaml.safe_load(raw[4:end])
    except yaml.YAMLError as e:
        err('%s: bad YAML front matter: %s' % (path, e))
        return None
    if not isinstance(fm, dict):
        err('%s: front matter is not a mapping' % path)
        return None
    fm = dict(fm)
    fm['description'] = raw[end + 5:]
    return fm


def validate_listing(where, obj):
    for k in ('id', 'title', 'category', 'provider', 'description'):
        if not isinstance(obj.get(k), str) or not obj.get(k).strip():
            err('%s: missing or empty %r' % (where, k))
    if obj.get('category') not in CATEGORY_MODULES:
        err('%s: bad category %r' % (where, obj.get('category')))
    if 'erp' in obj and not isinstance(obj['erp'], bool):
        err('%s: erp must be a bool' % where)
    if 'authorized_brands' in obj and not isinstance(obj['authorized_brands'], list):
        err('%s: authorized_brands must be a list' % where)
    for p in obj.get('plans') or []:
        if not isinstance(p, dict) or not isinstance(p.get('name'), str) \
                or not isinstance(p.get('price'), (int, float)) or isinstance(p.get('price'), bool) \
                or not isinstance(p.get('currency'), str) or p.get('period') not in PERIODS:
            err('%s: malformed plan %r' % (where, p))


def load_listing_files():
    """Return {(file, id): (text_scope, obj)} for every listing in listings/."""
    found = {}
    for name in sorted(os.listdir(LISTINGS_DIR)):
        rel = 'listings/' + name
        path = os.path.join(LISTINGS_DIR, name)
        with open(path, encoding='utf-8') as fh:
            raw = fh.read()
        if name.endswith('.md'):
            obj = parse_md(rel, raw)
            if obj is not None:
                validate_listing(rel, obj)
                found[(rel, obj.get('id'))] = (raw, obj)
        elif name.endswith('.jsonl'):
            for i, line in enumerate(raw.split('\n'), 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    err('%s:%d: bad JSON: %s' % (rel, i, e))
                    continue
                validate_listing('%s:%d' % (rel, i), obj)
                found[(rel, obj.get('id'))] = (line, obj)
        elif name.endswith('.json'):
            try:
                obj = json.loads(raw)
            except ValueError as e:
                err('%s: bad JSON: %s' % (rel, e))
                continue
            validate_listing(rel, obj)
            found[(rel, obj.get('id'))] = (raw, obj)
        else:
            err('%s: unexpected file type' % rel)
    return found


# ---------------------------------------------------------------- coverage definitions
ZW = re.compile('[\u200b\u200c\u200d\u2060\ufeff]')
FULLWIDTH = re.compile('[\uff01-\uff5e]')


def has_diacritic(t):
    return any(unicodedata.combining(c) for c in unicodedata.normalize('NFD', t)) and t.isascii() is False


EVASIONS = {
    'absolute-terms': [
        ('spaced CJK term (最 好)', lambda t, c: re.search(r'最\s+\S', t)),
        ('full-width No.1 (ＮＯ．１)', lambda t, c: FULLWIDTH.search(t) and re.search(r'[Ｎn][ＯOo][．.]?\s*[１1]', unicodedata.normalize('NFKC', t), re.I)),
        ('zero for O (N0.1)', lambda t, c: re.search(r'(?i)n0\.?1', t)),
        ('Traditional 頂級', lambda t, c: '頂級' in t),
        ('最佳 in a Traditional listing', lambda t, c: t == '最佳' and c['lang'] == 'zh-Hant'),
        ('mixed case (BeSt)', lambda t, c: t.isascii() and t.isalpha() and t not in (t.lower(), t.upper(), t.capitalize())),
        ('zero-width char inside a word', lambda t, c: ZW.search(t)),
    ],
    'brand-names': [
        ('spaced/hyphenated (Ali Express, Tao-bao)', lambda t, c: re.search(r'(?i)^(ali[\s\-]+(express|baba)|tao[\s\-]+bao|t[\s\-]+mall|ali[\s\-]+pay)$', t)),
        ('Cyrillic look-alike', lambda t, c: re.search('[\u0400-\u04ff]', t)),
        ('diacritics (Alíexpress)', lambda t, c: has_diacritic(t) and re.search('[A-Za-z]', t)),
        ('Traditional form (淘寶, 支付寶 ...)', lambda t, c: re.search('淘寶|支付寶|速賣通|天貓|聚劃算', t)),
        ('digit swap (A1iexpress, Ta0bao)', lambda t, c: re.search(r'[A-Za-z][01][A-Za-z]|^[A-Za-z]+[01][A-Za-z]+$', t)),
        ('misspelling (Aliexpres, Taobaoo, Alibba)', lambda t, c: t.lower() in {'aliexpres', 'taobaoo', 'alibba', 'aliexprss', 'aliexpresss', 'tmal', 'alipy', 'taobo'}),
    ],
    'external-links': [
        ('"dot" spelled out', lambda t, c: re.search(r'(?i)\sdot\s', t)),
        ('spaced dots (www . shop . cn)', lambda t, c: re.search(r'\s\.\s', t)),
        ('hxxp scheme', lambda t, c: 'hxxp' in t.lower()),
        ('[.] bracket dot', lambda t, c: '[.]' in t),
        ('ideographic full stop (example。com)', lambda t, c: '。' in t),
        ('full-width letters/dot (ｅｘａｍｐｌｅ．ｃｏｍ)', lambda t, c: FULLWIDTH.search(t)),
        ('Markdown link target', lambda t, c: c['scope'].find('](' + t) >= 0),
        ('bare domain (no scheme, no www)', lambda t, c: re.match(r'^[A-Za-z0-9\-]+\.[a-z]{2,}$', t)),
        ('http(s) URL', lambda t, c: re.match(r'^https?://', t)),
        ('www. host', lambda t, c: re.match(r'^www\.', t)),
    ],
    'off-platform-chat': [
        ('mobile, plain 11 digits', lambda t, c: re.fullmatch(r'1[3-9]\d{9}', t)),
        ('mobile, spaced', lambda t, c: re.fullmatch(r'1[3-9]\d \d{4} \d{4}', t)),
        ('mobile, dashed', lambda t, c: re.fullmatch(r'1[3-9]\d-\d{4}-\d{4}', t)),
        ('Q: number', lambda t, c: re.match(r'^Q[:：]\s*\d{5,}', t)),
        ('QQ / QQ群 / QQ号', lambda t, c: t.startswith('QQ')),
        ('扣扣', lambda t, c: '扣扣' in t),
        ('YY', lambda t, c: t == 'YY'),
        ('WeChat / 微信', lambda t, c: t in ('WeChat', '微信')),
        ('加微', lambda t, c: t == '加微'),
        ('VX', lambda t, c: t == 'VX'),
        ('V信 / 薇信 / 威信', lambda t, c: t in ('V信', '薇信', '威信')),
        ('WhatsApp', lambda t, c: t.startswith('WhatsApp')),
        ('Telegram', lambda t, c: t.startswith('Telegram')),
        ('Skype', lambda t, c: t.startswith('Skype')),
        ('LINE ID', lambda t, c: t.startswith('LINE ID')),
    ],
    'keyword-stacking': [
        ('stacked title', lambda t, c: t == c['obj'].get('title') or t in (c['obj'].get('title') or '')),
        ('stacked keyword line in description', lambda t, c: t in (c['obj'].get('description') or '') and t not in (c['obj'].get('title') or '')),
    ],
    'erp-price-floor': [
        ('plan price', lambda t, c: re.fullmatch(r'\d+(\.\d+)?', t) and c['plan_currency'](t) in ('CNY', 'USD', 'EUR')),
        ('plan in a currency without a rate (unverifiable)', lambda t, c: re.fullmatch(r'\d+(\.\d+)?', t) and c['plan_currency'](t) not in ('CNY', 'USD', 'EUR')),
        ('price stated in prose', lambda t, c: not re.fullmatch(r'\d+(\.\d+)?', t)),
    ],
}

HARD_NEGATIVES = {
    'absolute-terms': ['第一步', '第一次', '第一章', '第一天', '第一阶段', '第一階段', '最近', '最后', '最後', '最多支持', '最新版本',
                       'best practices', 'do our best', 'unique visitors', 'unique SKU', 'unique ID'],
    'brand-names': [r'\bBali\b', r'\bAlice\b', r'\bNatalie\b', r'\bItalian\b', r'\bMalibu\b', r'\bmall\b', r'\btall\b',
                    r'\btotal\b', r'\bAustralia\b', r'\bAlibi\b', r'\bSalinas\b'],
    'external-links': [r'https://sell\.aliexpress\.com/', r'\b\w+\.(xlsx|exe|csv|pdf)\b', r'\bv?\d+\.\d+\.\d+\b(?!\.)',
                       r'\bVue\.js\b', r'\bNode\.js\b', r'\be\.g\.', r'\d+\.\d+元', r'\b\d{1,3}(\.\d{1,3}){3}\b', r'\blocalhost\b'],
    'off-platform-chat': [r'\bproduct line\b', r'\bonline\b', r'(?i)\bdeadline\b', '旺旺', r'\bWangwang\b', '增加微距',
                          r'\b20\d\d-\d\d-\d\d\b', r'订单金额 ?\d+ ?元', r'SKU ?\d{4,10}\b'],
}


def main():
    quiet = '--quiet' in sys.argv
    with open(os.path.join(HERE, 'expected.yml'), encoding='utf-8') as fh:
        expected = yaml.safe_load(fh)
    if not isinstance(expected, list):
        print('expected.yml must be a list')
        return 1

    found = load_listing_files()
    seen_ids = Counter()
    covered = set()
    per_rule = Counter()
    per_lang, per_cat, per_fmt = Counter(), Counter(), Counter()
    clean = 0
    per_listing_counts = Counter()
    evasion_hits = defaultdict(Counter)
    entries = []

    for i, e in enumerate(expected):
        where = 'expected.yml entry %d' % (i + 1)
        if not isinstance(e, dict):
            err('%s: not a mapping' % where)
            continue
        f, lid = e.get('file'), e.get('listing')
        where = '%s (%s / %s)' % (where, f, lid)
        if not f or not lid:
            err('%s: file and listing are required' % where)
            continue
        seen_ids[lid] += 1
        if not os.path.exists(os.path.join(HERE, f)):
            err('%s: file does not exist' % where)
            continue
        key = (f, lid)
        if key not in found:
            err('%s: no listing with that id in the file' % where)
            continue
        covered.add(key)
        scope, obj = found[key]
        lang = e.get('lang')
        if lang not in LANGS:
            err('%s: bad lang %r' % (where, lang))
        if e.get('category') != obj.get('category'):
            err('%s: category %r does not match the listing (%r)' % (where, e.get('category'), obj.get('category')))
        per_lang[lang] += 1
        per_cat[obj.get('category')] += 1
        per_fmt[os.path.splitext(f)[1]] += 1
        findings = e.get('findings')
        if not isinstance(findings, list):
            err('%s: findings must be a list' % where)
            continue
        if not findings:
            clean += 1
        per_listing_counts[len(findings)] += 1

        def plan_currency(t, obj=obj):
            for p in obj.get('plans') or []:
                if json.dumps(p.get('price')) == t or str(p.get('price')) == t:
                    return p.get('currency')
            return None

        ctx = {'lang': lang, 'scope': scope, 'obj': obj, 'plan_currency': plan_currency}
        seen_missing = set()
        for fd in findings:
            rule = fd.get('rule') if isinstance(fd, dict) else None
            if rule not in RULES:
                err('%s: bad rule %r' % (where, rule))
                continue
            per_rule[rule] += 1
            if rule == 'missing-modules':
                m = fd.get('module')
                if m not in MODULES:
                    err('%s: bad module %r' % (where, m))
                elif m not in CATEGORY_MODULES.get(obj.get('category'), ()):
                    err('%s: module %r is not required for category %r' % (where, m, obj.get('category')))
                elif m in seen_missing:
                    err('%s: module %r listed twice' % (where, m))
                seen_missing.add(m)
                continue
            t = fd.get('text')
            occ = fd.get('occurrence', 1)
            if not isinstance(t, str) or not t:
                err('%s: %s finding without text' % (where, rule))
                continue
            if not isinstance(occ, int) or occ < 1:
                err('%s: bad occurrence %r' % (where, occ))
                continue
            n = count_nonoverlapping(scope, t)
            if n < occ:
                err('%s: text %r occurs %d time(s), occurrence %d expected' % (where, t, n, occ))
            for label, pred in EVASIONS.get(rule, []):
                try:
                    if pred(t, ctx):
                        evasion_hits[rule][label] += 1
                except Exception:
                    pass
        # duplicate (text, occurrence) pairs would be the same finding twice
        pairs = Counter((fd.get('rule'), fd.get('text'), fd.get('occurrence', 1), fd.get('module'))
                        for fd in findings if isinstance(fd, dict))
        for p, n in pairs.items():
            if n > 1:
                err('%s: duplicate finding %r' % (where, p))
        entries.append((e, obj, scope))

    for lid, n in seen_ids.items():
        if n > 1:
            err('listing id %r appears %d times in expected.yml' % (lid, n))
    ids_in_files = Counter(k[1] for k in found)
    for lid, n in ids_in_files.items():
        if n > 1:
            err('listing id %r is used by %d listings' % (lid, n))
    for key in sorted(found, key=lambda k: (k[0], str(k[1]))):
        if key not in covered:
            err('%s / %s has no entry in expected.yml' % key)

    # hard negatives: count over the listing texts
    neg_hits = defaultdict(Counter)
    for _, obj, scope in entries:
        for rule, pats in HARD_NEGATIVES.items():
            for pat in pats:
                rx = pat if any(ch in pat for ch in '\\[(') else re.escape(pat)
                neg_hits[rule][pat] += len(re.findall(rx, scope))
    # ERP hard negatives
    rates = {'CNY': 1, 'USD': 7.2, 'EUR': 7.8}
    conv = {'day': 30, 'week': 52 / 12, 'month': 1, 'quarter': 1 / 3, 'year': 1 / 12}
    erp_neg = Counter()
    for e, obj, scope in entries:
        title = obj.get('title') or ''
        is_erp = obj.get('erp') is True or (obj.get('erp') is None and obj.get('category') == 'software' and 'ERP' in title)
        if obj.get('erp') is False and 'ERP' in title:
            erp_neg['ERP in title but erp: false'] += 1
        for p in obj.get('plans') or []:
            name = str(p.get('name', '')).lower()
            if not is_erp:
                if p.get('period') in conv and p.get('currency') in rates and \
                        p['price'] * rates[p['currency']] * conv[p['period']] < 30 and p['price'] > 0:
                    erp_neg['sub-30/month plan in a non-ERP listing'] += 1
                continue
            if p.get('period') == 'once':
                erp_neg['one-off plan in ERP listing'] += 1
            elif p.get('price') == 0 or (('试用' in name or 'trial' in name) and p.get('period') in ('day', 'week')):
                erp_neg['trial / free plan in ERP listing'] += 1
            elif p.get('currency') in rates:
                m = p['price'] * rates[p['currency']] * conv[p['period']]
                if abs(m - 30) < 1e-9:
                    erp_neg['exactly RMB 30/month equivalent'] += 1

    # keyword-stacking hard negatives: a word twice in a title, tag lines of distinct words
    stack_neg = Counter()
    for e, obj, scope in entries:
        if any(isinstance(fd, dict) and fd.get('rule') == 'keyword-stacking' for fd in e.get('findings') or []):
            continue
        title = obj.get('title') or ''
        words = Counter(w for w in re.findall(r'[A-Za-z]{2,}', title.lower()))
        grams = Counter()
        for seg in re.findall('[\u4e00-\u9fff]+', title):
            grams.update(seg[i:i + 2] for i in range(len(seg) - 1))
        if 2 in list(words.values()) + list(grams.values()):
            stack_neg['title repeating a word exactly twice'] += 1
        if re.search(r'(?m)^(Tags|Keywords|标签|關鍵字|关键词|适用类目)\s*[:：]', obj.get('description') or ''):
            stack_neg['tag/category line of distinct words (clean)'] += 1

    # ---------------------------------------------------------------- report
    def show(title, counter, order=None):
        print(title)
        keys = order or sorted(counter)
        for k in keys:
            print('  %-52s %4d' % (k, counter.get(k, 0)))

    total = len(entries)
    print('listings: %d  (clean: %d = %.0f%%, with findings: %d)' % (total, clean, 100.0 * clean / max(total, 1), total - clean))
    print('expected positive findings: %d' % sum(per_rule.values()))
    show('positives per rule:', per_rule, RULES)
    show('listings per language:', per_lang, sorted(LANGS))
    show('listings per category:', per_cat, list(CATEGORY_MODULES))
    show('listings per file format:', per_fmt)
    show('listings by number of findings:', per_listing_counts, sorted(per_listing_counts))
    low = []
    if not quiet:
        for rule in RULES:
            if rule in EVASIONS:
                show('evasions / forms in expected %s findings:' % rule, evasion_hits[rule], [l for l, _ in EVASIONS[rule]])
        for rule, pats in HARD_NEGATIVES.items():
            show('hard negatives for %s (occurrences in listing text):' % rule, neg_hits[rule], pats)
        show('hard negatives for erp-price-floor:', erp_neg, ['ERP in title but erp: false', 'one-off plan in ERP listing',
                                                             'trial / free plan in ERP listing', 'exactly RMB 30/month equivalent',
                                                             'sub-30/month plan in a non-ERP listing'])
        show('hard negatives for keyword-stacking:', stack_neg, ['title repeating a word exactly twice',
                                                                 'tag/category line of distinct words (clean)'])
    for rule, labels in EVASIONS.items():
        for label, _ in labels:
            if evasion_hits[rule][label] < MIN_COVERAGE:
                low.append('evasion %s / %s: %d' % (rule, label, evasion_hits[rule][label]))
    for rule, pats in HARD_NEGATIVES.items():
        for pat in pats:
            if neg_hits[rule][pat] < MIN_COVERAGE:
                low.append('hard negative %s / %s: %d' % (rule, pat, neg_hits[rule][pat]))
    for k in ('title repeating a word exactly twice', 'tag/category line of distinct words (clean)'):
        if stack_neg[k] < MIN_COVERAGE:
            low.append('hard negative keyword-stacking / %s: %d' % (k, stack_neg[k]))
    for k in ('ERP in title but erp: false', 'one-off plan in ERP listing', 'trial / free plan in ERP listing',
              'exactly RMB 30/month equivalent', 'sub-30/month plan in a non-ERP listing'):
        if erp_neg[k] < MIN_COVERAGE:
            low.append('hard negative erp-price-floor / %s: %d' % (k, erp_neg[k]))
    if total < MIN_LISTINGS:
        err('only %d listings (target %d)' % (total, MIN_LISTINGS))
    for rule in RULES:
        if per_rule[rule] < MIN_PER_RULE:
            err('rule %s has only %d positives (target %d)' % (rule, per_rule[rule], MIN_PER_RULE))
    for l in low:
        err('coverage below %d: %s' % (MIN_COVERAGE, l))
    if errors:
        print('\n%d error(s):' % len(errors))
        for m in errors:
            print('  ERROR ' + m)
        return 1
    print('\nOK: corpus and expected.yml are consistent.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
