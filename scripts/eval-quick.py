#!/usr/bin/env python3
"""Quick accuracy check of `claimlint extract` on ../shared/eval (a stop-gap until the
evaluation harness of the accuracy issue lands). Runs the release binary once per case.

Usage: cargo build --release && python3 scripts/eval-quick.py [--failures]
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BINARY = ROOT / "target" / "release" / "claimlint"
SHOW = "--failures" in sys.argv


def claims(text):
    out = subprocess.run([str(BINARY), "extract", "-", "--format", "jsonl"], input=text.encode(),
                         capture_output=True, check=True)
    return [json.loads(line, parse_float=Decimal, parse_int=Decimal) for line in out.stdout.decode().splitlines()]


def char_span(text, claim):
    b = text.encode()
    return len(b[:int(claim["start"])].decode()), len(b[:int(claim["end"])].decode())


def recognizers(path, kinds, value_of):
    cases = json.load(open(path))
    tp = fp = fn = right = 0
    failures = []
    for case in cases:
        if "dotnet" in str(case.get("NotSupported", "")) or "NotSupportedByDesign" in case:
            continue
        text = case["Input"]
        found = [c for c in claims(text) if c["kind"] in kinds]
        spans = [char_span(text, c) for c in found]
        used = set()
        for gold in case["Results"]:
            g0, g1 = gold["Start"], gold["End"] + 1
            match = next((i for i, (s, e) in enumerate(spans) if s < g1 and g0 < e and i not in used), None)
            if match is None:
                fn += 1
                failures.append(f"miss  {gold['Text']!r} in {text!r}")
                continue
            used.add(match)
            tp += 1
            want = value_of(gold["Resolution"])
            got = found[match].get("value")
            if want is None or (got is not None and Decimal(str(got)) == want):
                right += 1
            else:
                failures.append(f"value {gold['Text']!r}: want {want}, got {got} ({found[match]['text']!r})")
        for i, claim in enumerate(found):
            if i not in used:
                fp += 1
                failures.append(f"extra {claim['text']!r} in {text!r}")
    report(path.name, tp, fp, fn, right, failures)


def report(name, tp, fp, fn, right, failures):
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    value = right / tp if tp else 0
    print(f"| {name} | {tp + fn} | {precision:.1%} | {recall:.1%} | {value:.1%} |")
    if SHOW:
        for f in failures:
            print("    ", f)


def number_value(resolution):
    v = resolution.get("value", "")
    try:
        return Decimal(v.rstrip("%"))
    except Exception:
        return None


def quantulum():
    cases = json.load(open(EVAL / "quantulum3" / "quantities.json"))
    tp = fn = right = 0
    failures = []
    for case in cases:
        found = claims(case["req"])
        for gold in case["res"]:
            hit = next((c for c in found if gold["surface"] in case["req"] and
                        c["text"] in gold["surface"] or gold["surface"] in c["text"]), None)
            if hit is None:
                fn += 1
                failures.append(f"miss {gold['surface']!r} in {case['req']!r}")
                continue
            tp += 1
            if "value" in hit and Decimal(str(hit["value"])) == Decimal(str(gold["value"])):
                right += 1
            else:
                failures.append(f"value {gold['surface']!r}: want {gold['value']}, got {hit.get('value')}")
    report("quantulum3 quantities (recall only)", tp, 0, fn, right, failures)


def duckling(name, parse_expected):
    data = json.load(open(EVAL / "duckling" / name))
    tp = fn = right = 0
    failures = []
    for example in data["examples"]:
        want = parse_expected(example["expected"])
        if want is None:
            continue
        for text in example["inputs"]:
            found = claims(text)
            if not found:
                fn += 1
                failures.append(f"miss {text!r}")
                continue
            tp += 1
            got = found[0].get("value")
            if got is not None and Decimal(str(got)) == want:
                right += 1
            else:
                failures.append(f"value {text!r}: want {want}, got {got}")
    report(f"duckling {name} (whole inputs)", tp, 0, fn, right, failures)


def duckling_numeral(expected):
    parts = expected.split()
    try:
        return Decimal(parts[1]) if len(parts) == 2 and parts[0] == "NumeralValue" else None
    except Exception:
        return None


def duckling_money(expected):
    parts = expected.split()
    if len(parts) >= 3 and parts[0] == "simple":
        try:
            return Decimal(parts[-1])
        except Exception:
            return None
    return None


print("| suite | cases | precision | recall | value accuracy |")
print("| --- | --- | --- | --- | --- |")
recognizers(EVAL / "recognizers-text" / "Number" / "NumberModel.json", {"count", "year"}, number_value)
recognizers(EVAL / "recognizers-text" / "Number" / "PercentModel.json", {"percent"}, number_value)
recognizers(EVAL / "recognizers-text" / "NumberWithUnit" / "CurrencyModel.json", {"money"}, number_value)
quantulum()
duckling("Numeral_EN.json", duckling_numeral)
duckling("AmountOfMoney_EN.json", duckling_money)
