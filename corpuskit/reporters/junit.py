"""JUnit XML: a test suite per file, a failing test case per diagnostic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from corpuskit.validate import Report


def report(result: Report, out: TextIO) -> None:
    diagnostics = sorted(result.diagnostics, key=lambda d: (d.path or "", d.line or 0))
    suites = ET.Element(
        "testsuites", name="corpuskit validate", tests=str(max(1, len(diagnostics))), failures=str(len(diagnostics))
    )
    if not diagnostics:
        suite = ET.SubElement(suites, "testsuite", name="corpuskit validate", tests="1", failures="0")
        ET.SubElement(
            suite, "testcase", name=f"{result.records} valid record(s) in {result.files} file(s)", classname="corpuskit"
        )
    for path, group in groupby(diagnostics, key=lambda d: d.path or "-"):
        items = list(group)
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len(items)), failures=str(len(items)))
        for d in items:
            where = d.location
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {where}", classname=path)
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{where}: {d.code} {d.name}: {d.detail}"
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n")
