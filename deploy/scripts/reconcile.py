#!/usr/bin/env python3
"""Compares every copy of a cross-service figure with its source and lists the drift.

Usage: reconcile.py ANSWER.json...  (ReportReconciliationFigures answers, as the JSON API returns
them; ops.sh reconcile fetches one from each service). A figure is compared for a programme when
both its source and a copy answered; a programme missing on one side counts 0 there. Prints one
tab-separated line per drift (figure, programme, source service and value, copy service and value,
difference = copy - source) and exits 1, or prints "reconciled" and exits 0.
"""
import json
import sys
from decimal import Decimal

# Who keeps each figure, so an answer with no row of it still counts as 0 for every programme
# (a source with nothing recorded against a copy that counted something is drift too).
HOLDERS = {
    "funding_approved_usd": ("partnerships", ["programming"]),
    "funding_approvals": ("partnerships", ["programming"]),
    "participants_trained": ("training", ["programming"]),
}


def main(paths):
    # figure -> "source"/"copy" -> service -> programme -> value
    figures = {}
    answers = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            answers.append((path, json.load(file)))
    answered = {answer.get("service", path) for path, answer in answers}
    for figure, (source, copies) in HOLDERS.items():
        sides = figures.setdefault(figure, {"source": {}, "copy": {}})
        if source in answered:
            sides["source"].setdefault(source, {})
        for copy in copies:
            if copy in answered:
                sides["copy"].setdefault(copy, {})
    for path, answer in answers:
        service = answer.get("service", path)
        for row in answer.get("figures", []):
            side = "source" if row.get("source") else "copy"
            by_service = figures.setdefault(row["figure"], {"source": {}, "copy": {}})[side]
            by_service.setdefault(service, {})[row["programmeId"]] = Decimal(row["value"])
    drifts = []
    for figure, sides in sorted(figures.items()):
        for source, at_source in sorted(sides["source"].items()):
            for copy, in_copy in sorted(sides["copy"].items()):
                for programme in sorted(set(at_source) | set(in_copy)):
                    expected, held = at_source.get(programme, Decimal(0)), in_copy.get(programme, Decimal(0))
                    if expected != held:
                        drifts.append((figure, programme, source, expected, copy, held, held - expected))
    if not drifts:
        print("reconciled")
        return 0
    print("figure\tprogramme_id\tsource\tsource_value\tcopy\tcopy_value\tdifference")
    for drift in drifts:
        print("\t".join(str(part) for part in drift))
    return 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
