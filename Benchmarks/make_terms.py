#!/usr/bin/env python3
"""Write Benchmarks/terms.txt: the literal terms ripgrep searches for in the reference run of run.sh.

terms.txt is GENERATED (by run.sh on every run): edit the lexicons, not the file. It holds every term of
Lexicons/absolute-terms.yml and Lexicons/off-platform-chat.yml (terms.zh + terms.en) and every brand name of
Lexicons/brands.yml (brands[].names), one per line, de-duplicated, in lexicon order. `allow` lists are not
included: ripgrep only does the raw multi-literal search that listing-lint's matcher has to beat.

Usage: make_terms.py [--out PATH]   (default: terms.txt beside this script; needs python3-yaml)
"""
import argparse
import pathlib

import yaml

HERE = pathlib.Path(__file__).resolve().parent
LEXICONS = HERE.parent / "Lexicons"


def terms():
    for name in ("absolute-terms.yml", "off-platform-chat.yml"):
        data = yaml.safe_load((LEXICONS / name).read_text(encoding="utf-8"))
        for lang in ("zh", "en"):
            yield from data["terms"].get(lang) or []
    brands = yaml.safe_load((LEXICONS / "brands.yml").read_text(encoding="utf-8"))
    for brand in brands["brands"]:
        yield from brand["names"]


def main():
    parser = argparse.ArgumentParser(description="Write the ripgrep term list for the benchmark.")
    parser.add_argument("--out", default=str(HERE / "terms.txt"))
    args = parser.parse_args()
    unique = list(dict.fromkeys(str(t).strip() for t in terms() if str(t).strip()))
    pathlib.Path(args.out).write_text("".join(t + "\n" for t in unique), encoding="utf-8")
    print(f"{len(unique)} terms -> {args.out}")


if __name__ == "__main__":
    main()
