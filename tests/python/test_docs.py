"""The blueapps-style example of docs/python.md runs as written, against
the hand-written test catalog."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import unittest
from unittest import mock

import support
from support import TempIni

import bkerr

MARK = "<!-- tested by tests/python/test_docs.py"


def example(which: str = ":") -> str:
    """The block after the mark MARK + which ("<!-- tested by ...py:")."""
    with open(os.path.join(support.SOURCE_ROOT, "docs", "python.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(re.escape(MARK + which) + r".*?-->\n```python\n(.*?)```", text, re.S)
    if not m:
        raise AssertionError(f"docs/python.md lost its tested example {which!r}")
    return m.group(1)


class DocsExampleTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ini = TempIni("[catalog.cmdb]\npath = handmade.so\n")
        self.addCleanup(self.ini.remove)
        patch = mock.patch.dict(os.environ, {"BKERR_CONFIG": self.ini.path})
        patch.start()
        self.addCleanup(patch.stop)
        self.ns: dict = {}
        exec(compile(example(), "docs/python.md", "exec"), self.ns)
        self.addCleanup(lambda: self.ns["_registry"] and self.ns["_registry"].close())

    def test_failure_gets_advice(self) -> None:
        payload = {"result": False, "code": 1100001, "message": "上游消息", "data": None}
        out = self.ns["with_advice"](payload, lang="en-us")
        self.assertEqual(out["advice"], "English advice")
        self.assertEqual(out["message"], "上游消息")  # upstream text kept
        self.assertEqual(out["error"], {"status": "found", "symbol": "HmBoth",
                                        "platform": "cmdb", "module": None})
        self.assertNotIn("advice", payload)  # a new dict
        out = self.ns["with_advice"](payload, lang="zh-hans")
        self.assertEqual(out["advice"], "中文方案")

    def test_empty_message_is_taken_from_the_catalog(self) -> None:
        out = self.ns["with_advice"]({"result": False, "code": 1199006, "message": ""},
                                     lang="en")
        self.assertEqual(out["advice"], "通用模块方案")  # the range's, no English
        self.assertEqual(out["error"]["module"], "common")
        self.assertEqual(out["message"], "'{0}' parameter {field} failed")

    def test_legacy_code_in_product_scope(self) -> None:
        payload = {"result": False, "code": 3001, "message": "json decode failed!"}
        self.assertEqual(self.ns["with_advice"](payload)["error"]["status"], "invalid")
        out = self.ns["with_advice"](payload, product="cmdb")
        self.assertEqual(out["error"]["symbol"], "HmJsonDecode")

    def test_success_and_junk_pass_through(self) -> None:
        ok = {"result": True, "code": 0, "data": [1]}
        self.assertIs(self.ns["with_advice"](ok), ok)
        for junk in ({"result": False, "code": "abc"}, {"result": False, "code": None},
                     {"result": False, "code": 3001}):
            with self.subTest(payload=junk):
                out = self.ns["with_advice"](junk, product="nope")
                self.assertIs(out, junk)


class LoggingExampleTest(unittest.TestCase):
    """The logging set-up of docs/python.md, on real records."""

    def setUp(self) -> None:
        self.ini = TempIni("[catalog.cmdb]\npath = handmade.so\n")
        self.addCleanup(self.ini.remove)
        self.stderr, self.stdout = io.StringIO(), io.StringIO()  # ext://sys.std*
        for patch in (mock.patch.dict(os.environ, {"BKERR_CONFIG": self.ini.path}),
                      mock.patch.object(bkerr, "_default", None),
                      mock.patch("sys.stderr", self.stderr),
                      mock.patch("sys.stdout", self.stdout)):
            patch.start()
            self.addCleanup(patch.stop)
        root = logging.getLogger()
        saved = root.handlers[:], root.level
        self.addCleanup(lambda: (setattr(root, "handlers", saved[0]), root.setLevel(saved[1])))
        self.addCleanup(lambda: bkerr._default and bkerr._default.close())
        self.ns: dict = {}
        exec(compile(example(" (logging):"), "docs/python.md", "exec"), self.ns)
        self.ns["setup_logging"]()

    def test_records_carry_their_explanation_in_text_and_json(self) -> None:
        log = logging.getLogger("nodeman.subscription")
        log.error("search_host failed: %s", {"result": False, "code": 1100001})
        log.warning("'%s' parameter %s failed", "bk_biz_id", "name")
        log.info("no code here")
        self.assertEqual(self.stderr.getvalue().splitlines(), [
            "ERROR nodeman.subscription: search_host failed: {'result': False, "
            "'code': 1100001} [bkerr: 1100001 cmdb HmBoth: English message]",
            "WARNING nodeman.subscription: 'bk_biz_id' parameter name failed"
            " [bkerr: 1199006 cmdb HmParams]",
            "INFO nodeman.subscription: no code here"])
        lines = [json.loads(line) for line in self.stdout.getvalue().splitlines()]
        self.assertEqual([x["message"] for x in lines],
                         ["search_host failed: {'result': False, 'code': 1100001}",
                          "'bk_biz_id' parameter name failed", "no code here"])
        self.assertEqual(lines[0]["bkerr"], [{"code": 1100001, "catalog": "cmdb",
                                              "symbol": "HmBoth",
                                              "message": "English message",
                                              "advice": "English advice"}])
        self.assertEqual(lines[1]["bkerr"][0]["message"], "'bk_biz_id' parameter name failed")
        self.assertNotIn("bkerr", lines[2])


if __name__ == "__main__":
    unittest.main(verbosity=2)
