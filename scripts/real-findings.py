#!/usr/bin/env python3
"""Scores claimlint's findings on the real documents of ../shared/corpus against the verdicts an
editor gave them (tools/verdicts/real.tsv), so a change to the rules can be measured the same
way each time. Not run in CI (it needs ../shared and a release build); run it by hand:

    cargo build --release
    scripts/real-findings.py                 # precision per rule, genre and format, unjudged findings
    scripts/real-findings.py --list          # every finding with its verdict (position, rule)
    scripts/real-findings.py --unjudged      # the findings no verdict covers, to judge next
    CLAIMLINT=path/to/claimlint scripts/real-findings.py --list   # another build, to compare

The verdict file names documents, rules and positions only (no text of the documents): one line
per finding, tab-separated `document, rule, line, column, verdict, cause`, where `verdict` is
`right` or `wrong` and `cause` a short tag for why a wrong one is wrong (the issue's classes:
`identifier`, `no-source-needed`, `source-missed`, `note-matching`, `not-a-range`, ...).
"""

import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
EXE = os.environ.get("CLAIMLINT", os.path.join(ROOT, "target", "release", "claimlint"))
VERDICTS = os.path.join(ROOT, "tools", "verdicts", "real.tsv")

# The genre of each document of real/ (its README); other folders by folder.
GENRES = {
    "apple-10q-2025-03-29.html": "filing",
    "bip-0054-consensus-cleanup.md": "specification",
    "cgiar-climate-data-asset-mapping-report.docx": "report",
    "crs-r47194-highway-bridges.md": "report",
    "crs-rs22331-foreign-holdings-of-federal-debt.md": "report",
    "go-developer-survey-2023-h2-results.md": "report",
    "owid-sdg-tracker-goal-3-good-health.md": "report",
    "pep-0465-matrix-multiplication-operator.txt": "specification",
    "pep-8107-steering-council-election-2026.txt": "report",
    "plos-med-acupuncture-counselling-depression-rct.xml": "research",
    "plos-med-essay-how-pfizer-redefined-erectile-dysfunction.xml": "research",
    "plos-med-off-label-marketing-whistleblower-complaints.xml": "research",
    "plos-one-dangerous-climate-change.xml": "research",
    "politifact-guide-to-tariffs-2019.html": "news",
    "reuters-global-markets-wrap-2019-11-19.html": "news",
    "rfc3339-date-and-time-on-the-internet.txt": "specification",
    "snopes-yovanovitch-net-worth-factcheck.html": "news",
    "us-public-law-114-4-dhs-appropriations-act-2015.txt": "legal",
    "usepa-nsink-nitrogen-removal-manuscript.docx": "research",
    "usepa-rhode-island-lakes-water-quality-manuscript.docx": "research",
    "vox-delhi-air-pollution-2019.html": "news",
    "wikipedia-elon-musk-2024.html": "encyclopedia",
    "wikipedia-united-states-2019-parsoid.html": "encyclopedia",
}
FOLDER_GENRES = {"jats": "research", "markdown": "report", "html": "encyclopedia", "docx": "report", "docbook": "report"}
# The PDFs of pdf/ (its README says what each is).
GENRES.update({
    "acl2020-specter.pdf": "research",
    "eacl2023-longeval.pdf": "research",
    "scotus-tarrant-regional-water-v-herrmann-2013.pdf": "legal",
    "us-tax-court-memo-2020-26-bordelon.pdf": "legal",
})
FOLDER_GENRES["pdf"] = "report"
EXTENSIONS = (".txt", ".md", ".html", ".htm", ".xml", ".docx", ".nxml", ".dbk", ".pdf")


def documents():
    """Every document of the corpus, as (path relative to the corpus, genre)."""
    found = []
    for folder in ["real", "jats", "markdown", "html", "docx", "docbook", "pdf"]:
        path = os.path.join(CORPUS, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(EXTENSIONS) and name != "README.md":
                genre = GENRES.get(name, FOLDER_GENRES.get(folder, "report"))
                found.append((f"{folder}/{name}", genre))
    if os.path.exists(os.path.join(CORPUS, "iot-china-policy-paper.txt")):
        found.append(("iot-china-policy-paper.txt", "report"))
    return found


def findings(relative):
    """The findings of one document: (rule, line, column, message)."""
    run = subprocess.run(
        [EXE, "check", relative, "--format", "json", "--fail-on", "never"],
        capture_output=True,
        text=True,
        cwd=CORPUS,
        check=False,
    )
    if run.returncode not in (0, 1):
        return [("input/unreadable", 1, 1, run.stderr.strip()[:200])]
    out = []
    for d in json.loads(run.stdout or "[]"):
        out.append((d["rule"], d["line"], d["column"], d["message"]))
    return out


def verdicts():
    table = {}
    if not os.path.exists(VERDICTS):
        return table
    with open(VERDICTS, encoding="utf-8") as file:
        for line in file:
            if line.startswith("#") or not line.strip():
                continue
            document, rule, line_number, column, verdict, *cause = line.rstrip("\n").split("\t")
            table[(document, rule, int(line_number), int(column))] = (verdict, cause[0] if cause else "")
    return table


def main():
    if not os.path.exists(EXE):
        sys.exit("build first: cargo build --release")
    judged = verdicts()
    by_rule = collections.defaultdict(lambda: [0, 0])
    by_genre = collections.defaultdict(lambda: [0, 0])
    by_format = collections.defaultdict(lambda: [0, 0])
    unjudged = []
    listing = []
    total = 0
    for relative, genre in documents():
        for rule, line, column, message in findings(relative):
            total += 1
            verdict = judged.get((relative, rule, line, column))
            listing.append((relative, rule, line, column, verdict[0] if verdict else "?", message))
            if verdict is None:
                unjudged.append((relative, rule, line, column, message))
                continue
            right = verdict[0] == "right"
            form = "PDF" if relative.endswith(".pdf") else "text, Markdown, HTML, XML, DOCX"
            for table, key in ((by_rule, rule), (by_genre, genre), (by_format, form)):
                table[key][0] += int(right)
                table[key][1] += 1
    if "--list" in sys.argv:
        for row in listing:
            print("\t".join(str(cell) for cell in row))
        return
    if "--unjudged" in sys.argv:
        for row in unjudged:
            print("\t".join(str(cell) for cell in row))
        return
    print(f"{total} findings, {total - len(unjudged)} judged, {len(unjudged)} not yet judged\n")
    for title, table in (("rule", by_rule), ("genre", by_genre), ("format", by_format)):
        print(f"| {title} | right | judged | precision |")
        print("| --- | ---: | ---: | ---: |")
        right_all = judged_all = 0
        for key in sorted(table):
            right, count = table[key]
            right_all += right
            judged_all += count
            print(f"| {key} | {right} | {count} | {100 * right / count:.1f} % |")
        if judged_all:
            print(f"| all | {right_all} | {judged_all} | {100 * right_all / judged_all:.1f} % |\n")


if __name__ == "__main__":
    main()
