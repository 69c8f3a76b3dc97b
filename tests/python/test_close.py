"""Use after close raises instead of crashing, and close() waits for the
calls in progress (a lookup racing a close never reads freed memory).  The
same for a LiveRegistry and the views its acquire() lends, and a reload
waits for the views of the registry it replaces."""

from __future__ import annotations

import gc
import threading
import unittest

import support  # noqa: F401
from support import BROKEN, CONFIG_A, CONFIG_B, TempIni, library_path, open_registry

import bkerr


class UseAfterCloseTest(unittest.TestCase):
    def test_every_call_after_close_raises(self) -> None:
        reg = open_registry()
        reg.close()
        self.assertTrue(reg.closed)
        calls = [
            lambda: reg.lookup(1100001),
            lambda: reg.lookup(3001, product="cmdb"),
            lambda: reg.message(1100001),
            lambda: reg.format(1199006, "x"),
            lambda: reg.status(),
            lambda: reg.platforms(),
            lambda: reg.platform(11),
        ]
        for i, call in enumerate(calls):
            with self.subTest(call=i), self.assertRaises(bkerr.ClosedError) as cm:
                call()
            self.assertIsInstance(cm.exception, ValueError)
            self.assertIn("closed", str(cm.exception))

    def test_close_is_idempotent_and_a_context_manager_closes(self) -> None:
        with open_registry() as reg:
            self.assertFalse(reg.closed)
            self.assertEqual(reg.lookup(1100001).symbol, "HmBoth")
        self.assertTrue(reg.closed)
        reg.close()
        reg.close()
        with self.assertRaises(bkerr.ClosedError):
            reg.lookup(1100001)
        self.assertIn("closed", repr(reg))

    def test_results_and_config_path_survive_close(self) -> None:
        reg = open_registry()
        r = reg.lookup(1101000, lang="en")
        reg.close()
        self.assertEqual(r.advice, "Topology module advice")
        self.assertEqual(r.module, "topo")
        self.assertTrue(reg.config_path.endswith("bkerr.ini"))

    def test_dropping_an_open_registry_closes_it(self) -> None:
        reg = open_registry()
        reg.lookup(1100001)
        del reg
        gc.collect()  # no crash, no leak of the C registry


class _SlowLookup:
    """A proxy of the function table whose lookup() blocks until released,
    so that a close() can be started while a C lookup is in progress."""

    def __init__(self, api: object) -> None:
        self._api = api
        self.entered = threading.Event()
        self.release = threading.Event()
        self.closed_in_c = threading.Event()

    def __getattr__(self, name: str) -> object:
        return getattr(self._api, name)

    def lookup(self, *args: object) -> int:
        self.entered.set()
        self.release.wait(10)
        return self._api.lookup(*args)  # type: ignore[attr-defined]

    def close(self, handle: object) -> None:
        self.closed_in_c.set()
        self._api.close(handle)  # type: ignore[attr-defined]


class CloseRacingLookupsTest(unittest.TestCase):
    def test_close_waits_for_a_lookup_in_progress(self) -> None:
        reg = open_registry()
        slow = _SlowLookup(reg._api)
        reg._api = slow  # type: ignore[assignment]
        got: list = []
        looker = threading.Thread(target=lambda: got.append(reg.lookup(1100001, lang="en")))
        looker.start()
        self.assertTrue(slow.entered.wait(10))
        closer = threading.Thread(target=reg.close)
        closer.start()
        closer.join(0.2)
        # close() has begun: new calls are refused, but the C registry is
        # not freed while the lookup is inside the library
        self.assertTrue(closer.is_alive())
        self.assertTrue(reg.closed)
        self.assertFalse(slow.closed_in_c.is_set())
        with self.assertRaises(bkerr.ClosedError):
            reg.lookup(1100002)
        slow.release.set()
        looker.join(10)
        closer.join(10)
        self.assertFalse(closer.is_alive())
        self.assertTrue(slow.closed_in_c.is_set())
        self.assertEqual(got[0].message, "English message")

    def test_lookups_racing_close_raise_or_succeed(self) -> None:
        for _ in range(5):
            reg = open_registry()
            start = threading.Barrier(9)
            outcomes: list = []
            lock = threading.Lock()

            def work() -> None:
                start.wait()
                ok = 0
                while True:
                    try:
                        r = reg.lookup(1100001, lang="en")
                        reg.format(1199006, "v", field="f")
                    except bkerr.ClosedError:
                        break
                    except Exception as e:  # pragma: no cover - the failure
                        with lock:
                            outcomes.append(e)
                        return
                    if r.message != "English message":  # pragma: no cover
                        with lock:
                            outcomes.append(AssertionError(r))
                        return
                    ok += 1
                with lock:
                    outcomes.append(ok)

            threads = [threading.Thread(target=work) for _ in range(8)]
            for t in threads:
                t.start()
            start.wait()
            reg.close()
            for t in threads:
                t.join(30)
            self.assertEqual(len(outcomes), 8)
            for o in outcomes:
                self.assertIsInstance(o, int, o)


class LiveRegistryLifetimeTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ini = TempIni(CONFIG_A)
        self.addCleanup(self.ini.remove)
        self.live = bkerr.LiveRegistry(self.ini.path, library=library_path())
        self.addCleanup(self.live.close)

    def catalogs(self) -> list:
        with self.live.acquire() as reg:
            return [s.id for s in reg.status()]

    def test_a_view_is_a_registry_for_one_block(self) -> None:
        self.assertEqual(self.live.config_path, self.ini.path)
        with self.live.acquire() as reg:
            self.assertIsInstance(reg, bkerr.Registry)
            self.assertIsInstance(reg, bkerr.LiveView)
            self.assertEqual(reg.config_path, self.ini.path)
            r = reg.lookup(1101000, lang="en")
            self.assertIn("HmBoth", reg.format(1100001, lang="en"))
            self.assertEqual(reg.lookup(3001, product="cmdb").symbol, "HmJsonDecode")
            self.assertEqual(len(reg.entries("cmdb")), 6 + 5)
            self.assertIn("held", repr(reg))
        self.assertTrue(reg.closed)
        self.assertIn("released", repr(reg))
        with self.assertRaises(bkerr.ClosedError):
            reg.lookup(1100001)
        self.assertEqual(r.advice, "Topology module advice")  # copied out
        with self.assertRaises(TypeError):
            bkerr.LiveView()

    def test_a_failed_reload_leaves_the_registry_in_service(self) -> None:
        self.ini.replace(BROKEN)
        with self.assertRaises(bkerr.ConfigError) as cm:
            self.live.reload()
        self.assertIn("bkerr.ini:3:", str(cm.exception))
        self.assertEqual(self.catalogs(), ["cmdb", "monitor"])
        self.ini.replace(CONFIG_B)
        self.live.reload()
        self.assertEqual(self.catalogs(), ["cmdb"])

    def test_a_reload_waits_for_the_views_of_the_old_registry(self) -> None:
        held, release = threading.Event(), threading.Event()
        before: list = []
        after_reload: list = []

        def holder() -> None:
            with self.live.acquire() as reg:
                held.set()
                release.wait(10)
                # a reload has put B in service meanwhile: this view is A still
                before.append([s.id for s in reg.status()])
                before.append(reg.lookup(3300001).symbol)

        t = threading.Thread(target=holder)
        t.start()
        self.assertTrue(held.wait(10))
        self.ini.replace(CONFIG_B)
        reloader = threading.Thread(target=lambda: (self.live.reload(),
                                                    after_reload.append(True)))
        reloader.start()
        reloader.join(0.3)
        self.assertTrue(reloader.is_alive())  # waiting for the holder
        self.assertEqual(self.catalogs(), ["cmdb"])  # new blocks get B already
        release.set()
        t.join(10)
        reloader.join(10)
        self.assertFalse(reloader.is_alive())
        self.assertEqual(after_reload, [True])
        self.assertEqual(before, [["cmdb", "monitor"], "MonitorError"])
        self.assertEqual(self.catalogs(), ["cmdb"])

    def test_reload_or_close_inside_a_block_of_the_same_thread_is_refused(self) -> None:
        with self.live.acquire() as reg:
            with self.assertRaises(RuntimeError):
                self.live.reload()
            with self.assertRaises(RuntimeError):
                self.live.close()
            with self.live.acquire() as inner:  # nesting is fine
                self.assertEqual(inner.lookup(1100001).symbol, "HmBoth")
            with self.assertRaises(RuntimeError):
                self.live.reload()
            self.assertEqual(reg.lookup(1100001).symbol, "HmBoth")
        self.live.reload()
        self.assertFalse(self.live.closed)

    def test_close_waits_for_blocks_and_later_use_raises(self) -> None:
        held, release = threading.Event(), threading.Event()
        got: list = []

        def holder() -> None:
            with self.live.acquire() as reg:
                held.set()
                release.wait(10)
                got.append(reg.lookup(1100001, lang="en").message)

        t = threading.Thread(target=holder)
        t.start()
        self.assertTrue(held.wait(10))
        closer = threading.Thread(target=self.live.close)
        closer.start()
        closer.join(0.2)
        self.assertTrue(closer.is_alive())  # the block still holds the registry
        self.assertTrue(self.live.closed)
        with self.assertRaises(bkerr.ClosedError):
            with self.live.acquire():
                pass  # pragma: no cover
        with self.assertRaises(bkerr.ClosedError):
            self.live.reload()
        release.set()
        t.join(10)
        closer.join(10)
        self.assertFalse(closer.is_alive())
        self.assertEqual(got, ["English message"])
        self.live.close()  # idempotent
        self.assertIn("closed", repr(self.live))

    def test_open_errors_and_the_context_manager(self) -> None:
        with TempIni(BROKEN) as bad:
            with self.assertRaises(bkerr.ConfigError) as cm:
                bkerr.LiveRegistry(bad.path, library=library_path())
            self.assertIn("bkerr.ini:3:", str(cm.exception))
        with bkerr.LiveRegistry(self.ini.path, library=library_path()) as live:
            self.assertFalse(live.closed)
        self.assertTrue(live.closed)
        live = bkerr.LiveRegistry(self.ini.path, library=library_path())
        del live
        gc.collect()  # closed when dropped, no crash


if __name__ == "__main__":
    unittest.main(verbosity=2)
