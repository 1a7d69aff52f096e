"""JUnit XML for CI systems (``quest test --junit-xml PATH``).

The layout is the common Ant/Jenkins one::

    <testsuites name="quest test" tests="3" failures="1" errors="0" skipped="1" time="0.012">
      <testsuite name="Math" file="test/test_math.q" tests="3" failures="1" ...>
        <testcase name="adds" classname="Arithmetic" file="test/test_math.q" time="0.001"/>
        <testcase name="by zero" classname="Arithmetic > Division" ...>
          <failure message="Expected 0 but got 1" type="AssertionFailure">...</failure>
          <system-out>captured output</system-out>
        </testcase>
        <testcase name="big" ...><skipped message="tag 'slow'"/></testcase>
      </testsuite>
    </testsuites>

One ``testsuite`` per module (a file, or each ``module(name)`` group in it) and one
``testcase`` per ``it``. Describes do not nest as suites (Ant's schema has no nested
suites); their names, joined with `` > ``, are the case's ``classname`` (the module name
for tests outside any describe). A file that failed to load is a suite with one
``<error>`` case, so CI shows it too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quest_rt.testing.results import RunResult, Status

#: characters XML 1.0 cannot carry (captured output may hold ANSI escapes, NULs...)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _seconds(ms: float) -> str:
    return f"{ms / 1000:.3f}"


def build(run: RunResult) -> ET.ElementTree:
    counts = run.counts()
    root = ET.Element("testsuites", {
        "name": "quest test", "tests": str(counts.total + len(run.load_failures)),
        "failures": str(counts.failed), "errors": str(len(run.load_failures)),
        "skipped": str(counts.skipped), "time": _seconds(run.elapsed_ms),
    })
    for module in run.modules:
        c = module.counts()
        suite = ET.SubElement(root, "testsuite", {
            "name": module.name, "tests": str(c.total), "failures": str(c.failed),
            "errors": "0", "skipped": str(c.skipped), "time": _seconds(module.duration_ms),
        })
        if module.path:
            suite.set("file", module.path)
        for path, test in module.root.walk():
            case = ET.SubElement(suite, "testcase", {
                "name": test.name, "classname": " > ".join(path) or module.name,
                "time": _seconds(test.duration_ms),
            })
            if module.path:
                case.set("file", module.path)
            if test.line is not None:
                case.set("line", str(test.line))
            if test.status is Status.FAILED:
                failure = ET.SubElement(case, "failure", {
                    "message": "\n".join(test.failures),
                    "type": "UnexpectedError" if test.raised else "AssertionFailure",
                })
                failure.text = "\n".join(test.failures + [f"  at {f}" for f in test.stack])
            elif test.status is Status.SKIPPED:
                skipped = ET.SubElement(case, "skipped")
                if test.skip_reason:
                    skipped.set("message", test.skip_reason)
            if test.output:
                ET.SubElement(case, "system-out").text = test.output
    for load in run.load_failures:
        suite = ET.SubElement(root, "testsuite", {
            "name": load.path, "file": load.path, "tests": "1", "failures": "0",
            "errors": "1", "skipped": "0", "time": "0.000",
        })
        case = ET.SubElement(suite, "testcase", {
            "name": "load", "classname": load.path, "file": load.path, "time": "0.000"})
        error = ET.SubElement(case, "error", {
            "message": f"Failed to load module: {load.path}", "type": "LoadError"})
        error.text = load.message
    for element in root.iter():
        element.attrib = {k: _clean(v) for k, v in element.attrib.items()}
        if element.text:
            element.text = _clean(element.text)
    ET.indent(root)
    return ET.ElementTree(root)


def write(run: RunResult, path: str) -> None:
    build(run).write(path, encoding="utf-8", xml_declaration=True)
