#!/usr/bin/env python3
"""Writes a synthetic BlueKing service log for bench/annotate.sh: about
400,000 lines, 70 MB, of mixed INFO lines, JSON responses and Chinese
lines; about one line in 25 carries a code, in the shapes bkerr_scan()
finds (keyed, bracketed, glued to Chinese text, compared in code, several
on a line), and many more carry ids, sizes and timestamps that it must
leave alone.  Fixed seed: the same file on every run.

    bench/gen_log.py OUT [LINES]
"""
import random
import sys

rng = random.Random(70)
CODES = [1199006, 1199000, 1110029, 1306000, 1244006, 2101001, 3800001,
         1640001, 1101000, 1199002]
BIG = 7 * 1000 * 1000  # ids and sizes drawn from 7-digit numbers too


def ts():
    return "2026-05-%02d %02d:%02d:%02d.%03d" % (
        rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
        rng.randint(0, 59), rng.randint(0, 999))


def num():
    return rng.randint(1000000, 9999999)


def hexid(n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def code():
    return rng.choice(CODES)


PLAIN = [
    lambda: f"{ts()} INFO [cmdb-apiserver] handle request GET /api/v3/biz/{num()}/hosts rid={hexid(32)} cost={rng.randint(1, 999)}ms status=200 bytes={num()}",
    lambda: f"{ts()} INFO 1 --- [nio-19802-exec-{rng.randint(1, 99)}] c.t.b.j.e.s.TaskExecuteServiceImpl : start task instance, taskInstanceId={num()}, stepInstanceId={num()}, operator=admin",
    lambda: f'{{"result": true, "code": 0, "message": "success", "request_id": "{hexid(32)}", "data": {{"count": {rng.randint(1, 9999)}, "info": [{{"bk_host_id": {num()}, "bk_biz_id": {num()}}}]}}}}',
    lambda: f"{ts()} DEBUG apps.backend.subscription subscription_id={num()} instance_id=host|instance|host|{num()} step=install_agent pid={rng.randint(1, 99999)}",
    lambda: f"[{ts()}] 业务{num()}下主机同步完成，共{rng.randint(1, 999)}台，流水号{num()}，耗时{rng.randint(1, 9999)}毫秒",
    lambda: f"{ts()} INFO 用户admin在业务{num()}下创建集群成功，集群ID：{num()}，请求ID {hexid(16)}",
    lambda: f'{ts()} 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)} - - "POST /api/c/compapi/v2/cc/search_host/?bk_biz_id={num()} HTTP/1.1" 200 {rng.randint(100, 99999)} "python-requests/2.31.0"',
]
WITH_CODE = [
    lambda: f'{{"result": false, "code": {code()}, "message": "\'bk_biz_id\' 数据参数校验不通过", "request_id": "{hexid(32)}", "data": null}}',
    lambda: f"{ts()} ERROR [job-execute] request failed, code={code()}, msg=task instance not exist, stepInstanceId={num()}",
    lambda: f"{ts()} ERROR 主机转移失败{code()}，bk_host_id={num()}",
    lambda: f"{ts()} ERROR ESB接口返回{code()}，组件调用异常 [{code()}]",
    lambda: f"{ts()} WARN 保存失败（{code()}） 错误码：{code()}",
    lambda: f'    assert resp["code"] == "{code()}", resp',
    lambda: f'{{"status": {code()}, "message": "子流水线id不存在", "errorCode": "{code()}"}}',
]


def main():
    out = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 400000
    with open(out, "w", encoding="utf-8") as f:
        for i in range(lines):
            t = rng.choice(WITH_CODE) if i % 25 == 0 else rng.choice(PLAIN)
            f.write(t() + " trace=" + hexid(24) + "\n")


main()
