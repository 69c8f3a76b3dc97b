"""8 threads share one Registry and look up, format and list at once; 4
threads look up in a LiveRegistry while it is reloaded again and again."""

from __future__ import annotations

import threading
import time
import unittest

import support  # noqa: F401
from support import BROKEN, CONFIG_A, CONFIG_B, TempIni, library_path, open_registry

import bkerr

THREADS = 8
ROUNDS = 300

# (code, lang, product): every status, both languages, product scope
CASES = [
    (1100001, "zh_CN", None), (1100001, "en", None), (1100002, "en", None),
    (1100003, "zh_CN", None), (1101000, "en", None), (1104600, "zh_CN", None),
    (1205000, "en", None), (1234567, None, None), (1100999, None, None),
    (1812345, None, None), (3001, None, None), (3001, "en", "cmdb"),
    (36100001, None, "cmdb"), (4361001, None, "cmdb"), (3300001, None, None),
    (-1, "en", None), (0, None, None),
]


class ThreadsTest(unittest.TestCase):
    def test_eight_threads_share_one_registry(self) -> None:
        with open_registry() as reg:
            want = [reg.lookup(c, lang=l, product=p) for c, l, p in CASES]
            want_text = reg.format(1199006, "bk_biz_id", field="name", lang="en")
            want_status = reg.status()
            want_platforms = reg.platforms()
            barrier = threading.Barrier(THREADS)
            errors: list = []

            def work(n: int) -> None:
                try:
                    barrier.wait()
                    for i in range(ROUNDS):
                        k = (i + n) % len(CASES)
                        c, l, p = CASES[k]
                        got = reg.lookup(c, lang=l, product=p)
                        if got != want[k]:
                            raise AssertionError(f"{CASES[k]}: {got} != {want[k]}")
                        if i % 10 == 0:
                            text = reg.format(1199006, "bk_biz_id", field="name", lang="en")
                            if text != want_text:
                                raise AssertionError(text)
                        if i % 50 == 0:
                            if reg.status() != want_status or reg.platforms() != want_platforms:
                                raise AssertionError("listing changed")
                except BaseException as e:  # reported by the main thread
                    errors.append((n, e))

            threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            self.assertFalse(any(t.is_alive() for t in threads))
            self.assertEqual(errors, [])
            self.assertFalse(reg.closed)
            self.assertEqual(reg._guard.users, 0)  # every call let go of the registry

    def test_module_level_explain_is_shared_too(self) -> None:
        import os
        from unittest import mock
        from support import TempIni
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini, \
                mock.patch.dict(os.environ, {"BKERR_CONFIG": ini.path}):
            bkerr._close_default()
            bkerr._default = None
            texts: list = []
            threads = [threading.Thread(target=lambda: texts.append(
                bkerr.explain(1100001, lang="en"))) for _ in range(THREADS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            self.assertEqual(len(texts), THREADS)
            self.assertEqual(set(texts), {texts[0]})
            self.assertIn("HmBoth", texts[0])
            bkerr._close_default()
            bkerr._default = None


READERS = 4
MIN_RELOADS = 60


def configuration(reg: bkerr.Registry) -> tuple:
    """Which whole configuration *reg* is ("A" or "B"), and a result of it;
    AssertionError for a mix of the two."""
    cmdb = reg.lookup(1100001, lang="en")
    monitor = reg.lookup(3300001, lang="en")
    catalogs = [s.id for s in reg.status()]
    if cmdb.status is not bkerr.Status.FOUND or cmdb.message != "English message":
        raise AssertionError(f"cmdb: {cmdb}")
    if catalogs == ["cmdb", "monitor"] and monitor.symbol == "MonitorError" \
            and monitor.platform.id == "monitor":
        return "A", monitor
    if catalogs == ["cmdb"] and monitor.status is bkerr.Status.UNASSIGNED:
        return "B", monitor
    raise AssertionError(f"a mixed registry: {catalogs} {monitor}")


class LiveRegistryThreadsTest(unittest.TestCase):
    def test_four_threads_look_up_while_it_reloads(self) -> None:
        ini = TempIni(CONFIG_A)
        self.addCleanup(ini.remove)
        live = bkerr.LiveRegistry(ini.path, library=library_path())
        self.addCleanup(live.close)
        seen = [{"A": 0, "B": 0} for _ in range(READERS)]
        errors: list = []
        stop = threading.Event()

        def reader(n: int) -> None:
            try:
                while not stop.is_set():
                    with live.acquire() as reg:
                        name, monitor = configuration(reg)
                    # copied out before the release: intact, whatever the
                    # reloads have closed since
                    if name == "A" and (monitor.symbol, monitor.platform.name_en) \
                            != ("MonitorError", "Monitor"):
                        raise AssertionError(f"result changed after release: {monitor}")
                    seen[n][name] += 1
            except BaseException as e:  # reported by the main thread
                errors.append((n, e))

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        for t in threads:
            t.start()
        # B, broken, A, B, broken, A ... until every reader has held both
        # configurations (and at least MIN_RELOADS times)
        reloads = refused = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not errors:
            if reloads + refused >= MIN_RELOADS and all(s["A"] and s["B"] for s in seen):
                break
            step = (reloads + refused) % 3
            ini.replace((CONFIG_B, BROKEN, CONFIG_A)[step])
            if step == 1:
                with self.assertRaises(bkerr.ConfigError) as cm:
                    live.reload()
                self.assertIn("bkerr.ini:3:", str(cm.exception))
                self.assertEqual(cm.exception.code, -3)
                refused += 1
            else:
                live.reload()
                reloads += 1
        stop.set()
        for t in threads:
            t.join(60)
        self.assertFalse(any(t.is_alive() for t in threads))
        self.assertEqual(errors, [])
        for n, counts in enumerate(seen):
            self.assertTrue(counts["A"] and counts["B"], f"reader {n} saw only {counts}")
        self.assertGreaterEqual(reloads + refused, MIN_RELOADS)
        self.assertEqual(live._guard.users, 0)  # every block let go
        # the last good reload is in service: B, or A after a step 2
        with live.acquire() as reg:
            self.assertEqual(configuration(reg)[0], "B" if reloads % 2 else "A")


if __name__ == "__main__":
    unittest.main(verbosity=2)
