"""bkerr.logging.ExplainFilter on real log records: the codes and quoted
messages of a record are explained in its attributes (and, asked, its
message); a filter never breaks logging."""

from __future__ import annotations

import logging
import logging.config
import os
import threading
import unittest
from typing import List
from unittest import mock

import support
from support import TempIni, library_path

import bkerr
from bkerr.logging import ExplainFilter, Explanation

HANDMADE = "[catalog.cmdb]\npath = handmade.so\n"


class Capture(logging.Handler):
    """Keeps each record and its formatted line; counts logging errors."""

    def __init__(self, fmt: str = "%(message)s%(bkerr_note)s") -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(fmt))
        self.records: List[logging.LogRecord] = []
        self.lines: List[str] = []
        self.errors = 0
        self._list_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            line = None
        with self._list_lock:
            self.records.append(record)
            if line is not None:
                self.lines.append(line)

    def handleError(self, record: logging.LogRecord) -> None:
        self.errors += 1  # logging's own report of a bad record, not ours


class LoggerCase(unittest.TestCase):
    config = HANDMADE

    def setUp(self) -> None:
        with TempIni(self.config) as ini:
            self.reg = bkerr.Registry(ini.path, library=library_path())
        self.addCleanup(self.reg.close)
        self.log = logging.getLogger(f"bkerr-test.{self.id()}")
        self.log.propagate = False
        self.log.setLevel(logging.DEBUG)

    def handler(self, *args: object, **kw: object) -> Capture:
        h = Capture(*args)  # type: ignore[arg-type]
        h.addFilter(ExplainFilter(**kw))  # type: ignore[arg-type]
        self.log.addHandler(h)
        self.addCleanup(self.log.removeHandler, h)
        return h


class ExplainFilterTest(LoggerCase):
    def test_a_code_in_the_arguments_is_explained(self) -> None:
        h = self.handler(registry=self.reg, lang="en")
        self.log.error("cmdb answered %s", {"result": False, "code": 1100001})
        (r,) = h.records
        self.assertEqual(r.bkerr_codes, [1100001])
        (e,) = r.bkerr_explanations
        self.assertIsInstance(e, Explanation)
        self.assertEqual((e.code, e.symbol, e.message, e.advice),
                         (1100001, "HmBoth", "English message", "English advice"))
        self.assertEqual(e.hit.confidence, bkerr.ScanConfidence.KEYED)
        self.assertEqual(r.bkerr_note, " [bkerr: 1100001 cmdb HmBoth: English message]")
        self.assertEqual(h.lines, ["cmdb answered {'result': False, 'code': 1100001}"
                                   " [bkerr: 1100001 cmdb HmBoth: English message]"])
        self.assertEqual(r.getMessage(), "cmdb answered {'result': False, 'code': 1100001}")

    def test_a_quoted_message_is_matched_when_there_is_no_code(self) -> None:
        h = self.handler(registry=self.reg, lang="en")
        self.log.warning("'%s' 参数 %s 校验失败", "bk_biz_id", "name")
        (r,) = h.records
        self.assertEqual(r.bkerr_codes, [1199006])
        (e,) = r.bkerr_explanations
        self.assertEqual(e.match.captures, {"0": "bk_biz_id", "field": "name"})
        self.assertEqual(e.message, "'bk_biz_id' parameter name failed")  # in English
        self.assertIsNone(e.hit)
        self.assertEqual(r.bkerr_note,
                         " [bkerr: 1199006 cmdb HmParams: 'bk_biz_id' parameter name failed]")

    def test_a_message_in_its_own_language_is_not_repeated(self) -> None:
        h = self.handler(registry=self.reg, lang="zh_CN", advice=True)
        self.log.warning("出错：'bk_biz_id' 参数 name 校验失败")
        (e,) = h.records[0].bkerr_explanations
        self.assertTrue(e.quoted)
        self.assertEqual(h.records[0].bkerr_note, " [bkerr: 1199006 cmdb HmParams — 通用模块方案]")

    def test_codes_win_over_messages_and_repeat_once(self) -> None:
        h = self.handler(registry=self.reg, lang="en", limit=1)
        self.log.error("code=1100001 English only code=1100001 code=1100003")
        (r,) = h.records
        self.assertEqual(r.bkerr_codes, [1100001, 1100003])  # every code, once
        self.assertEqual([e.code for e in r.bkerr_explanations], [1100001])  # limit

    def test_nothing_found(self) -> None:
        h = self.handler(registry=self.reg)
        self.log.info("service started on port %d", 8080)
        (r,) = h.records
        self.assertEqual((r.bkerr_codes, r.bkerr_explanations, r.bkerr_note), ([], [], ""))
        self.assertEqual(h.lines, ["service started on port 8080"])

    def test_append_puts_the_note_in_the_message(self) -> None:
        h = self.handler("%(message)s", registry=self.reg, lang="en", append=True)
        other = Capture("%(message)s")
        self.log.addHandler(other)
        self.addCleanup(self.log.removeHandler, other)
        self.log.error("failed: code=%d", 1100001)
        (r,) = h.records
        self.assertEqual(r.getMessage(),
                         "failed: code=1100001 [bkerr: 1100001 cmdb HmBoth: English message]")
        self.assertIsNone(r.args)
        self.assertEqual(h.lines, other.lines)  # the record itself changed, once

    def test_a_message_whose_formatting_raises(self) -> None:
        f = ExplainFilter(registry=self.reg, lang="en", append=True)
        h = Capture()
        h.addFilter(f)
        self.log.addHandler(h)
        self.addCleanup(self.log.removeHandler, h)
        self.log.error("code=1100001 and %d", "not a number")
        (r,) = h.records
        # the filter read the msg alone, left the record for logging to
        # report, and raised nothing
        self.assertEqual(r.bkerr_codes, [1100001])
        self.assertEqual((r.msg, r.args), ("code=1100001 and %d", ("not a number",)))
        self.assertEqual(h.errors, 1)
        self.assertIsNone(f.last_error)

    def test_messages_that_are_not_str(self) -> None:
        h = self.handler(registry=self.reg, lang="en")
        self.log.error({"code": 1100001})
        self.log.error(ValueError("错误码：1100003"))
        self.log.error(1100001)  # a bare number, known: found
        self.assertEqual([r.bkerr_codes for r in h.records], [[1100001], [1100003], [1100001]])

    def test_a_message_that_cannot_even_be_made_a_str(self) -> None:
        class Unprintable:
            def __str__(self) -> str:
                raise RuntimeError("no text")

        h = self.handler(registry=self.reg)
        self.log.error(Unprintable())
        (r,) = h.records
        self.assertEqual((r.bkerr_codes, r.bkerr_note), ([], ""))
        self.assertEqual(h.errors, 1)  # logging's own report

    def test_a_closed_registry_leaves_records_alone(self) -> None:
        f = ExplainFilter(registry=self.reg)
        h = Capture()
        h.addFilter(f)
        self.log.addHandler(h)
        self.addCleanup(self.log.removeHandler, h)
        self.reg.close()
        self.log.error("code=1100001")
        self.assertEqual(h.lines, ["code=1100001"])
        self.assertEqual(h.records[0].bkerr_codes, [])
        self.assertIsInstance(f.last_error, bkerr.ClosedError)

    def test_on_the_logger_and_the_handler_a_record_is_explained_once(self) -> None:
        on_logger = ExplainFilter(registry=self.reg, append=True, lang="en")
        self.log.addFilter(on_logger)
        self.addCleanup(self.log.removeFilter, on_logger)
        h = self.handler("%(message)s", registry=self.reg, append=True, lang="en")
        with mock.patch.object(ExplainFilter, "explain", wraps=on_logger.explain) as explain:
            self.log.error("code=1100001")
        self.assertEqual(explain.call_count, 1)
        self.assertEqual(h.lines, ["code=1100001 [bkerr: 1100001 cmdb HmBoth: English message]"])

    def test_a_named_filter_passes_only_its_loggers_records(self) -> None:
        h = self.handler(registry=self.reg, name="elsewhere")
        self.log.error("code=1100001")
        self.assertEqual(h.records, [])

    def test_live_registry(self) -> None:
        with TempIni(HANDMADE) as ini:
            live = bkerr.LiveRegistry(ini.path, library=library_path())
            self.addCleanup(live.close)
            h = self.handler(registry=live, lang="en")
            self.log.error("code=1100001")
            live.reload()
            self.log.error("code=1100003")
        self.assertEqual([r.bkerr_codes for r in h.records], [[1100001], [1100003]])
        self.assertEqual(h.records[1].bkerr_explanations[0].message, "English only")

    def test_threads_share_one_filter(self) -> None:
        h = self.handler(registry=self.reg, lang="en")
        texts = [("code=1100001", [1100001]), ("'a' parameter b failed", [1199006]),
                 ("nothing", []), ("错误码：1100003 %d", [1100003])]

        def work(k: int) -> None:
            for i in range(200):
                text, _ = texts[(k + i) % len(texts)]
                self.log.error(text, *(("x",) if "%d" in text else ()))

        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(h.records), 8 * 200)
        want = dict(texts)
        for r in h.records:
            self.assertEqual(r.bkerr_codes, want[r.msg], r.msg)

    def test_dict_config(self) -> None:
        h = Capture()
        logging.config.dictConfig({
            "version": 1, "incremental": False, "disable_existing_loggers": False,
            "filters": {"bkerr": {"()": "bkerr.logging.ExplainFilter", "lang": "en",
                                  "registry": self.reg}},
            "handlers": {"capture": {"()": lambda: h, "filters": ["bkerr"]}},
            "loggers": {self.log.name: {"handlers": ["capture"], "propagate": False}},
        })
        self.log.error("code=1100001")
        self.assertEqual(h.lines, ["code=1100001 [bkerr: 1100001 cmdb HmBoth: English message]"])


class DefaultRegistryTest(LoggerCase):
    def test_the_default_registry_is_opened_at_the_first_record(self) -> None:
        with TempIni(HANDMADE) as ini, \
                mock.patch.dict(os.environ, {"BKERR_CONFIG": ini.path}), \
                mock.patch.object(bkerr, "_default", None):
            h = self.handler(lang="en")
            self.log.error("code=1100001")
            self.addCleanup(lambda: bkerr._default and bkerr._default.close())
            self.assertEqual(h.records[0].bkerr_codes, [1100001])

    def test_a_broken_bkerr_ini_is_not_read_for_every_record(self) -> None:
        with TempIni(support.BROKEN) as ini, \
                mock.patch.dict(os.environ, {"BKERR_CONFIG": ini.path}), \
                mock.patch.object(bkerr, "_default", None), \
                mock.patch.object(bkerr, "_default_registry",
                                  wraps=bkerr._default_registry) as opens:
            f = ExplainFilter()
            h = Capture()
            h.addFilter(f)
            self.log.addHandler(h)
            self.addCleanup(self.log.removeHandler, h)
            for _ in range(5):
                self.log.error("code=1100001")
            self.assertEqual(opens.call_count, 1)
            self.assertIsInstance(f.last_error, bkerr.ConfigError)
            self.assertEqual(h.lines, ["code=1100001"] * 5)
            with mock.patch.object(ExplainFilter, "RETRY_OPEN", 0.0):
                f._open_failed = (0.0, f.last_error)
                self.log.error("code=1100001")
            self.assertEqual(opens.call_count, 2)


class BundledFilterTest(LoggerCase):
    """The issue's records, against the bundled catalogs."""

    def setUp(self) -> None:
        self.config = ""
        super().setUp()
        self.reg.close()
        self.reg = bkerr.Registry(support.env("BKERR_DEVENV_CONFIG"), library=library_path())
        self.addCleanup(self.reg.close)

    def test_issue_records(self) -> None:
        h = self.handler(registry=self.reg, lang="en")
        self.log.error("调用配置平台失败：%s", '{"code": 1199006, "message": "..."}')
        self.log.warning("订阅(%s)不存在", 123)
        self.log.error("主机转移失败1110029")
        codes = [r.bkerr_codes for r in h.records]
        self.assertEqual(codes, [[1199006], [3800001], [1110029]])
        sub = h.records[1].bkerr_explanations[0]
        self.assertEqual((sub.result.catalog, sub.match.captures),
                         ("bk_nodeman", {"subscription_id": "123"}))
        self.assertIn("123", sub.message)
        self.assertIn("CCErrCommParamsInvalid", h.records[0].bkerr_note)

    def test_generic_words_name_no_product(self) -> None:
        # bkerr.h's BKERR_MATCH_TELLING_*: as bkerr annotate, the filter
        # does not explain "Not found" or a success by some product's entry
        h = self.handler(registry=self.reg, lang="en")
        for text in ("GET /x: 404 Not found", '{"code": 0, "message": "success"}',
                     "保存成功", "upstream said Bad Request"):
            self.log.info(text)
        self.assertEqual([r.bkerr_codes for r in h.records], [[]] * 4)

    def test_a_code_and_its_message_on_one_line(self) -> None:
        # the message the line quotes picks the definition and fills it
        h = self.handler(registry=self.reg, lang="zh_CN")
        self.log.error('{"code": 1199006, "message": "\'bk_host_id\' 数据参数校验不通过"}')
        self.log.error('{"code": 1411305, "message": "找不到MongoDB数据库"}')
        first, second = (r.bkerr_explanations[0] for r in h.records)
        self.assertEqual(first.message, "'bk_host_id' 数据参数校验不通过")
        self.assertEqual(second.result.symbol, "MongodbDatabasesNoFound")


if __name__ == "__main__":
    unittest.main(verbosity=2)
