#!/usr/bin/env python3
"""Scores claimlint's findings on outside documents (public snapshots, never copied into the
project) against tools/verdicts/outside.tsv. The documents are laid out by set under DIR, as the
verdict file's header names them: DIR/crs/*.md (ProfAmiot/crs-reports markdown/reports/),
DIR/news/*.html (scrapinghub/article-extraction-benchmark html/, gunzipped), DIR/plos/*.xml
(PLOS/allofplos starter_corpus/), DIR/spec/*.md (FIPs, CIPs and SIMDs), DIR/news2/*.html, DIR/ubi/*.md and
DIR/news3/*.html, DIR/news4/*.html, DIR/jats2/*.xml (stencila/encoda JATS fixtures), DIR/web/*.html, DIR/web2/*.html, DIR/web3/*.html and DIR/web4/*.html
(adbar/trafilatura tests/eval/), DIR/sec/*.html (edgartools filings), DIR/news7/*.html (newspaper), DIR/news8/*.html (article-extraction-benchmark), DIR/peps/*.txt and
DIR/bips/*.md, DIR/gov/*.md (18F posts), DIR/cp/*.md (CarbonPlan posts), DIR/goose/*.html (goose3 fixtures), DIR/web5/*.html (a sample of
trafilatura's pages), DIR/rfcs/*.md (Rust RFCs), DIR/cpr/*.md (CarbonPlan research articles), DIR/f38/*.md
(FiveThirtyEight's data READMEs), DIR/dj/*.md (data journalists' methodology READMEs), DIR/rblog/*.md
(Rust blog posts) and DIR/legal/*.md (GitHub's site policies), as the header says.
Not run in CI:

    scripts/outside-findings.py DIR
"""

import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXE = os.environ.get("CLAIMLINT", os.path.join(ROOT, "target", "release", "claimlint"))
VERDICTS = os.path.join(ROOT, "tools", "verdicts", "outside.tsv")


def main():
    base = sys.argv[1]
    verdicts = {}
    for line in open(VERDICTS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        group, name, rule, row, column, verdict, _cause = line.rstrip("\n").split("\t")
        name = name.removesuffix(".gz")
        verdicts[(group, name, rule, int(row), int(column))] = verdict
    score = collections.defaultdict(lambda: [0, 0, 0])
    for group in sorted({key[0] for key in verdicts}):
        folder = os.path.join(base, group)
        out = subprocess.run([EXE, "check", folder, "--format", "json", "--fail-on", "never"],
                             capture_output=True, text=True, check=False).stdout
        for finding in json.loads(out or "[]"):
            name = os.path.basename(finding["document"])
            key = (group, name, finding["rule"], finding["line"], finding["column"])
            judged = verdicts.get(key)
            entry = score[(group, finding["rule"])]
            if judged is None:
                entry[2] += 1
            else:
                entry[0] += judged == "right"
                entry[1] += 1
    print("| set | rule | right | judged | precision | unjudged |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for (group, rule), (right, judged, unjudged) in sorted(score.items()):
        precision = f"{100 * right / judged:.1f} %" if judged else "–"
        print(f"| {group} | {rule} | {right} | {judged} | {precision} | {unjudged} |")


if __name__ == "__main__":
    main()
