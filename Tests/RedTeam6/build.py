#!/usr/bin/env python3
"""Builds listings/*.md, listings/catalogue.jsonl and expected.yml from the annotated sources below.

A violation is written inline as ⟦R|text⟧ (R: A absolute-terms, B brand-names, L external-links,
C off-platform-chat, K keyword-stacking); the marker is stripped and the finding's occurrence is
computed from its position in the generated file (or, in the catalogue, in the listing's own line).
Re-run after editing: python3 build.py && python3 check.py
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sources import MD, JSONL

RULES = {"A": "absolute-terms", "B": "brand-names", "L": "external-links",
         "C": "off-platform-chat", "K": "keyword-stacking"}
MARK = re.compile(r"⟦([ABLCK])\|([^⟦⟧]+)⟧")
HERE = os.path.dirname(os.path.abspath(__file__))


def extract(s, store):
    """Replace markers by private-use placeholders, remembering (rule, text)."""
    def rep(m):
        store.append((RULES[m.group(1)], m.group(2)))
        return "\ue000%d\ue001" % (len(store) - 1)
    return MARK.sub(rep, s)


def resolve(s, store):
    """Substitute placeholders left to right; return final text and findings with occurrences."""
    found = []
    ph = re.compile("\ue000(\\d+)\ue001")
    while True:
        m = ph.search(s)
        if not m:
            break
        rule, text = store[int(m.group(1))]
        s = s[:m.start()] + text + s[m.end():]
        found.append((rule, text, m.start()))
    out = []
    for rule, text, pos in found:
        starts, i = [], s.find(text)
        while i != -1:
            starts.append(i)
            i = s.find(text, i + len(text))
        assert pos in starts, (text, pos)
        f = {"rule": rule, "text": text}
        if len(starts) > 1:
            f["occurrence"] = starts.index(pos) + 1
        out.append(f)
    assert "\ue000" not in s
    return s, out


def q(s):
    assert '"' not in s and "\\" not in s, s
    return '"' + s + '"'


def plan_yaml(p):
    return "  - {name: %s, price: %s, currency: %s, period: %s}" % (p[0], p[1], p[3] if len(p) > 3 else "CNY", p[2])


def build_md(L):
    store = []
    fm = ["---", "id: " + L["id"], "title: " + q(extract(L["title"], store)),
          "category: " + L["cat"], "provider: " + q(L["provider"])]
    if L.get("brands"):
        fm.append("authorized_brands: [%s]" % ", ".join(L["brands"]))
    if L.get("plans"):
        fm.append("plans:")
        fm += [plan_yaml(p) for p in L["plans"]]
    fm.append("---")
    text = "\n".join(fm) + "\n\n" + extract(L["body"].strip("\n"), store) + "\n"
    return resolve(text, store)


def build_jsonl_line(L):
    store = []
    rec = {"id": L["id"], "title": extract(L["title"], store), "category": L["cat"],
           "provider": L["provider"]}
    if L.get("brands"):
        rec["authorized_brands"] = L["brands"]
    if L.get("plans"):
        rec["plans"] = [{"name": p[0], "price": p[1], "currency": p[3] if len(p) > 3 else "CNY", "period": p[2]}
                        for p in L["plans"]]
    rec["description"] = extract(L["body"].strip("\n"), store) + "\n"
    line = json.dumps(rec, ensure_ascii=False)
    for _, t in store:
        assert json.dumps(t, ensure_ascii=False)[1:-1] == t, t
    return resolve(line, store)


def yml_entry(file, lid, findings):
    out = ["- file: " + file, "  listing: " + lid]
    if not findings:
        out.append("  findings: []")
        return out
    out.append("  findings:")
    for f in findings:
        s = "    - {rule: %s, text: %s" % (f["rule"], q(f["text"]))
        if "occurrence" in f:
            s += ", occurrence: %d" % f["occurrence"]
        out.append(s + "}")
    return out


def main():
    ldir = os.path.join(HERE, "listings")
    os.makedirs(ldir, exist_ok=True)
    for fn in os.listdir(ldir):
        os.remove(os.path.join(ldir, fn))
    yml = []
    for L in MD:
        text, fs = build_md(L)
        with open(os.path.join(ldir, L["id"] + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
        yml += yml_entry("listings/%s.md" % L["id"], L["id"], fs)
    lines = []
    for L in JSONL:
        line, fs = build_jsonl_line(L)
        lines.append(line)
        yml += yml_entry("listings/catalogue.jsonl", L["id"], fs)
    with open(os.path.join(ldir, "catalogue.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "expected.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(yml) + "\n")


if __name__ == "__main__":
    main()
