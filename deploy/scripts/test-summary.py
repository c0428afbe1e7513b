#!/usr/bin/env python3
"""Summarises a `dotnet test --logger trx` run for deploy/scripts/test.sh.

Reads every .trx file in a results folder (one per test project; VSTest names a clashing file
"name[1].trx", so none is lost) and prints:
  * per project: passed / failed / skipped;
  * every failed test with the first line of its message;
  * every skipped test WITH ITS REASON (so a MongoDB leg that did not run is visible);
and writes the totals "passed failed skipped" to --counts, for test.sh to print the closing
line `Tests: N passed, N failed, N skipped`.

The console summary lines of `dotnet test` ("Passed!  - Failed: 0, Passed: 12, Skipped: 1,
Total: 13, ... - X.Tests.dll (net10.0)") are cross-checked when --console-log is given: if a trx
file went missing the console counts win, so a lost report can never hide a failure.

Usage: test-summary.py --trx-dir DIR [--console-log FILE] --counts FILE
Only the Python standard library is used.
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
CONSOLE_LINE = re.compile(
    r"^\s*(?:Passed|Failed)!\s*-\s*Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),"
    r"\s*Total:\s*(\d+).*?-\s*(\S+?)(?:\.dll)?\s*(?:\(([^)]*)\))?\s*$"
)
MONGO = re.compile(r"mongo", re.IGNORECASE)
ABORTED = re.compile(r"run was aborted|host process crashed|exited unexpectedly|Test Run Aborted", re.IGNORECASE)


def first_line(text: str | None, limit: int = 300) -> str:
    if not text:
        return ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


class Project:
    def __init__(self, name: str) -> None:
        self.name = name
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures: list[tuple[str, str]] = []
        self.skips: list[tuple[str, str]] = []


def parse_trx(path: str, projects: "OrderedDict[str, Project]") -> None:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        print(f"WARNING: cannot read {path}: {exc}", file=sys.stderr)
        return
    # testId -> project name, from the test's dll (codeBase keeps the original casing).
    owner: dict[str, str] = {}
    for test in root.iterfind("t:TestDefinitions/t:UnitTest", NS):
        method = test.find("t:TestMethod", NS)
        dll = (method.get("codeBase") if method is not None else None) or test.get("storage") or "unknown"
        owner[test.get("id", "")] = os.path.splitext(os.path.basename(dll))[0]
    results = root.findall("t:Results/t:UnitTestResult", NS)
    for result in results:
        name = owner.get(result.get("testId", ""), "unknown")
        project = projects.setdefault(name, Project(name))
        test_name = result.get("testName", "?")
        outcome = result.get("outcome", "")
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
        if outcome == "Passed":
            project.passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Pending", "NotRunnable"):
            project.skipped += 1
            reason = first_line(message) or first_line(
                result.findtext("t:Output/t:StdOut", default="", namespaces=NS)) or "(no reason given)"
            project.skips.append((test_name, reason))
        else:  # Failed, Error, Timeout, Aborted, ...
            project.failed += 1
            project.failures.append((test_name, f"[{outcome}] {first_line(message)}".rstrip()))
    # A test host that crashed or was killed by --blame-hang-timeout leaves a run marked aborted,
    # often with none of its results: count it as one failure so it cannot pass unnoticed.
    # (Error-level RunInfos also carry ordinary adapter messages such as "[xUnit.net] X [FAIL]",
    # so only the platform's abort/crash messages count.)
    aborted = [text for text in (info.findtext("t:Text", default="", namespaces=NS)
                                 for info in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo", NS)
                                 if info.get("outcome") == "Error")
               if ABORTED.search(text)]
    if aborted:
        names = set(owner.values())
        if len(names) == 1:
            name = names.pop()
        else:
            stdout = root.findtext("t:ResultSummary/t:Output/t:StdOut", default="", namespaces=NS)
            match = re.search(r"Starting:\s+(\S+)", stdout)
            name = match.group(1) if match else os.path.basename(path)
        project = projects.setdefault(name, Project(name))
        project.failed += 1
        project.failures.append(("(test run aborted)", "; ".join(first_line(t) for t in aborted)))


def parse_console(path: str) -> "OrderedDict[str, tuple[int, int, int]]":
    counts: "OrderedDict[str, tuple[int, int, int]]" = OrderedDict()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            match = CONSOLE_LINE.match(raw.rstrip("\n"))
            if match:
                failed, passed, skipped, _total, name, framework = match.groups()
                key = name if not framework else f"{name} ({framework})"
                counts[key] = (int(passed), int(failed), int(skipped))
    return counts


def crash_tests(path: str) -> list[str]:
    """Names VSTest prints after 'The test running when the crash occurred:'."""
    names: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = [line.strip() for line in handle]
    for i, line in enumerate(lines):
        if line.startswith("The test running when the crash occurred") or \
                line.startswith("The tests running when the crash occurred"):
            for follow in lines[i + 1:]:
                if not follow:
                    break
                names.append(follow)
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trx-dir", required=True)
    parser.add_argument("--console-log")
    parser.add_argument("--counts", required=True)
    args = parser.parse_args()

    projects: "OrderedDict[str, Project]" = OrderedDict()
    for path in sorted(glob.glob(os.path.join(glob.escape(args.trx_dir), "**", "*.trx"), recursive=True)):
        parse_trx(path, projects)

    passed = sum(p.passed for p in projects.values())
    failed = sum(p.failed for p in projects.values())
    skipped = sum(p.skipped for p in projects.values())

    if projects:
        width = max(len(name) for name in projects)
        print("Results per test project:")
        for p in sorted(projects.values(), key=lambda x: x.name):
            print(f"  {p.name:<{width}}  passed {p.passed:>4}  failed {p.failed:>4}  skipped {p.skipped:>4}")

    failures = [(p.name, t, m) for p in projects.values() for t, m in p.failures]
    if failures:
        print(f"\nFailed tests ({len(failures)}):")
        for project, test, message in failures:
            print(f"  FAIL {project} :: {test}\n       {message}")

    skips = [(p.name, t, r) for p in projects.values() for t, r in p.skips]
    if skips:
        print(f"\nSkipped tests ({len(skips)}), with reasons:")
        for project, test, reason in skips:
            print(f"  SKIP {project} :: {test}\n       reason: {reason}")
        mongo = [s for s in skips if MONGO.search(s[1]) or MONGO.search(s[2])]
        if mongo:
            print(f"\nNOTE: {len(mongo)} skipped test(s) concern MongoDB: the MongoDB leg did NOT run "
                  "here (set MONGODB_URI or provide Docker to run it).")

    if args.console_log and os.path.exists(args.console_log):
        console = parse_console(args.console_log)
        c_passed = sum(c[0] for c in console.values())
        c_failed = sum(c[1] for c in console.values())
        c_skipped = sum(c[2] for c in console.values())
        if console and (c_passed, c_failed, c_skipped) != (passed, failed, skipped):
            # A lost trx file lowers the trx numbers; an aborted run (no console summary line)
            # lowers the console ones. The larger of each count is the safe one to report.
            merged = (max(passed, c_passed), max(failed, c_failed), max(skipped, c_skipped))
            print(f"\nWARNING: trx files count {passed}/{failed}/{skipped} (passed/failed/skipped) but the "
                  f"console summaries say {c_passed}/{c_failed}/{c_skipped}; reporting "
                  f"{merged[0]}/{merged[1]}/{merged[2]}.")
            passed, failed, skipped = merged
        crashed = crash_tests(args.console_log)
        if crashed:
            print("\nTests running when a test host crashed or hung (see the log above): " + ", ".join(crashed))

    with open(args.counts, "w", encoding="utf-8") as handle:
        handle.write(f"{passed} {failed} {skipped}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
