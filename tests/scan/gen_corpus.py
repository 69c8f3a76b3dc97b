#!/usr/bin/env python3
"""Writes tests/scan/corpus.txt: real-looking log lines that carry no error
code, for test_scan's false-positive rate.

Ids, sizes, counts, timestamps, SQL, JSON, access logs, Chinese log lines
with 流水号 and the like, in the shapes BlueKing services print them.  The
worst case is used on purpose: most ids are codes the bundled catalogs
know (read from plugins/*/*.catalog), so a scanner that trusts a known
number without looking at its context fails here.  Sizes and durations
are random, as they are in real logs.  Fixed seed: the output is the same
on every run.

    tests/scan/gen_corpus.py > tests/scan/corpus.txt
"""
import glob
import os
import random
import re

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
known = sorted({int(m) for f in glob.glob(os.path.join(root, "plugins", "*", "*.catalog"))
                for m in re.findall(r"^\[(\d{7})\]", open(f, encoding="utf-8").read(), re.M)})
rng = random.Random(15)


def k():  # an id that happens to be a known code
    return str(rng.choice(known))


def r(lo=1000000, hi=9999999):  # a plain number
    return str(rng.randint(lo, hi))


def ts():
    return "2026-%02d-%02d %02d:%02d:%02d" % (rng.randint(1, 12), rng.randint(1, 28),
                                               rng.randint(0, 23), rng.randint(0, 59),
                                               rng.randint(0, 59))


def ms():
    return "%03d" % rng.randint(0, 999)


def ip():
    return "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def hexid(n=32):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


T = [
    # Python / Django services
    lambda: f"[{ts()},{ms()}] INFO [views.py:88] search_host bk_biz_id={k()} bk_host_id={k()} cost 0.{ms()}s",
    lambda: f"[{ts()},{ms()}] ERROR [tasks.py:212] subscription_id={k()} instance_id=host|instance|host|{k()} failed",
    lambda: f"{ts()},{ms()} WARNING apps.backend.subscription.tools request_id={hexid()} task_id={k()} retry 3",
    lambda: f"{ts()} INFO celery.worker.strategy Received task: pipeline.eri.celery.tasks.execute[{hexid(8)}-{hexid(4)}] node_id={k()}",
    lambda: f"{ts()} DEBUG blueapps.middleware request_id={hexid()} user=admin bk_biz_id={k()} path=/api/v3/biz/{k()}/",
    # Java (job, bk-ci, bk-repo)
    lambda: f"{ts()}.{ms()} INFO 1 --- [nio-19802-exec-{rng.randint(1, 99)}] c.t.b.j.e.s.TaskExecuteServiceImpl : Start task instance, taskInstanceId={k()}, stepInstanceId={k()}",
    lambda: f"{ts()}.{ms()} INFO [job-execute,{hexid(16)},{hexid(16)}] GseTaskResultHandler - Handle gse task result, stepInstanceId: {k()}, executeCount: 0, batch: 1",
    lambda: f"{ts()}.{ms()} WARN [pool-3-thread-7] c.t.d.p.s.PipelineRuntimeService - [p-{hexid()}]|buildId=b-{hexid()}|buildNum={rng.randint(1, 9999)}|pipeline {k()} queued",
    lambda: f"{ts()}.{ms()} INFO [http-nio-25901-exec-2] c.t.b.r.g.service.NodeService - Create node [/{hexid(6)}/release/app-{rng.randint(1, 99)}.tar.gz] size {r()} bytes",
    lambda: f"{ts()}.{ms()} DEBUG [scheduling-1] o.s.s.a.ScheduledAnnotationBeanPostProcessor - job {k()} scheduled, next run in {r(1000, 99999)}ms",
    # Go (cmdb, gse, bscp)
    lambda: f"I{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{r(100000, 999999)} {rng.randint(1, 99)} host.go:{rng.randint(10, 999)}] transfer host {k()} to module {k()}, rid: cc{hexid()}",
    lambda: f"E{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} 10:01:02.{r(100000, 999999)} 7 set.go:88] delete set {k()} failed, err: set has hosts, rid: {hexid()}",
    lambda: f"level=info ts={ts().replace(' ', 'T')}.{ms()}Z caller=watch.go:211 msg=\"watch event\" cursor={hexid(24)} bk_host_id={k()} bk_cloud_id=0",
    lambda: f"{ts()} [INFO] gse_agent: agent {hexid(12)} heartbeat ok, pid {k()} uptime {r(1000, 9999999)}s",
    lambda: f"time=\"{ts()}\" level=debug msg=\"release published\" app_id={k()} release_id={k()} biz_id={k()}",
    # JSON bodies and responses without error
    lambda: f'{{"result": true, "code": 0, "message": "success", "data": {{"count": {r(1, 99999)}, "info": [{{"bk_host_id": {k()}, "bk_host_innerip": "{ip()}"}}]}}}}',
    lambda: f'{{"bk_biz_id": {k()}, "bk_set_id": {k()}, "bk_module_id": {k()}, "bk_module_name": "gamesvr-{rng.randint(1, 99)}"}}',
    lambda: f'{{"id": {k()}, "name": "job-{rng.randint(1, 999)}", "creator": "admin", "create_time": "{ts()}", "last_modify_time": "{ts()}"}}',
    lambda: f'{{"task_id": "{k()}", "status": "SUCCESS", "start_time": "{ts()}", "total_time": {r(1000, 99999)}}}',
    lambda: f'{{"page": {{"start": 0, "limit": 500}}, "bk_host_ids": [{k()}, {k()}, {k()}]}}',
    lambda: f'{{"trace_id": "{hexid()}", "span_id": "{hexid(16)}", "duration_ns": {r(1000000, 99999999999)}}}',
    lambda: f'{{"ts": {r(1700000000, 1799999999)}{ms()}, "user_id": {k()}, "event": "login", "ip": "{ip()}"}}',
    # SQL
    lambda: f"UPDATE cc_HostBase SET bk_cloud_id = {k()} WHERE bk_host_id = {k()};",
    lambda: f"SELECT * FROM job_execute.step_instance WHERE id = {k()} AND task_instance_id = {k()} LIMIT 1",
    lambda: f"INSERT INTO t_pipeline_build_history (BUILD_ID, PROJECT_ID, BUILD_NUM) VALUES ('b-{hexid()}', 'demo', {rng.randint(1, 9999)});",
    lambda: f"DELETE FROM node_instance WHERE subscription_id IN ({k()}, {k()}) -- cleanup {ts()}",
    lambda: f"[SQL] {ts()} SELECT COUNT(*) FROM cc_ObjectBase WHERE bk_obj_id='host' AND bk_inst_id > {k()} took {r(100, 99999)}us",
    # access logs and proxies
    lambda: f'{ip()} - - [28/May/2026:10:{rng.randint(10, 59)}:{rng.randint(10, 59)} +0800] "GET /api/v3/host/{k()}/ HTTP/1.1" 200 {r(100, 99999)} "-" "python-requests/2.31.0" {rng.random():.3f}',
    lambda: f'{ip()} - admin [28/May/2026:10:01:02 +0800] "POST /api/c/compapi/v2/cc/search_host/?bk_biz_id={k()} HTTP/1.1" 200 {r(100, 99999)}',
    lambda: f"upstream response time 0.{ms()} request_length {r(100, 99999)} bytes_sent {r(100, 9999999)} request_id {hexid()}",
    # metrics and system lines
    lambda: f"{ts()} metrics cpu=12.{rng.randint(0, 9)} mem_rss={r()} disk_free={r()} qps={rng.randint(1, 9999)}",
    lambda: f"kernel: [{r(100000, 9999999)}.{r(100000, 999999)}] oom-kill: pid {k()} (java) total-vm:{r()}kB",
    lambda: f"{ts()} systemd[1]: Started bk-cmdb-web.service, main PID {k()}.",
    lambda: f"Jun 12 10:01:02 bk-node-{rng.randint(1, 99)} kubelet[{k()}]: pod bk-cmdb-web-{hexid(10)}-{hexid(5)} restarted {rng.randint(1, 9)} times",
    lambda: f"offset {k()} length {r()} partition {rng.randint(0, 31)} topic 0bkmonitor_{k()}0",
    lambda: f"consumer lag: topic=bk_log_{k()} partition=3 offset={r()} lag={rng.randint(0, 9999)}",
    # Chinese log lines
    lambda: f"[{ts()}] 业务{k()}下主机同步完成，共{rng.randint(1, 999)}台，流水号{k()}",
    lambda: f"{ts()} INFO 用户admin在业务{k()}下创建集群成功，集群ID：{k()}",
    lambda: f"{ts()} 作业{k()}执行成功，步骤实例{k()}，耗时{r(1000, 99999)}毫秒",
    lambda: f"[{ts()}] 任务{k()}已完成，处理{r(1000, 9999999)}条记录",
    lambda: f"{ts()} 订单号：{k()}，金额：{rng.randint(1, 9999)}元，用户{k()}",
    lambda: f"{ts()} 流水号{k()}，交易成功",
    lambda: f"{ts()} 编号{k()}的告警已恢复，持续时间{rng.randint(1, 999)}分钟",
    lambda: f"{ts()} 订阅{k()}的实例数量：{rng.randint(1, 9999)}，主机{k()}安装完成",
    lambda: f"{ts()} 流水线{k()}构建#{rng.randint(1, 999)}成功，大小 {r()} 字节",
    lambda: f"{ts()} 上传文件{hexid(8)}.tar.gz，大小{r()}字节，耗时{rng.randint(1, 99)}秒",
    lambda: f"{ts()} 模块{k()}转移完成，主机总数：{rng.randint(1, 9999)}",
    lambda: f"{ts()} [节点管理] 订阅ID:{k()} 任务ID:{k()} 执行完毕",
    lambda: f"{ts()} 第{k()}行数据解析完成",
    lambda: f"{ts()} 当前版本 3.{rng.randint(1, 14)}.{rng.randint(0, 99)}，进程{k()}运行正常",
    lambda: f"{ts()} 手机号{r(1300000, 1899999)}{r(1000, 9999)}验证通过",
    # timestamps and versions
    lambda: f"{ts()}.{r(1000000, 9999999)} INFO request done",
    lambda: f"{ts().replace(' ', 'T')}.{r(1000000, 9999999)}+08:00 heartbeat ok",
    lambda: f"build 3.{rng.randint(0, 20)}.{k()} released at {ts()}",
    lambda: f"checkpoint {ts()} lsn={r(10000000, 99999999999)} xid={k()}",
    lambda: f"GET /api/v1/projects/{k()}/pipelines/{k()}/builds 200 {rng.randint(1, 999)}ms",
    # written after the scanner's rules were tuned on the lines above:
    # the false-positive rate of these is the one that says something
    lambda: f"{ts()} INFO [bk-monitor] strategy {k()} matched alert {k()} level=2",
    lambda: f"{ts()} ERROR Traceback (most recent call last): File \"/app/apps/api/base.py\", line {rng.randint(10, 999)}, in call",
    lambda: f"{ts()} INFO sync cmdb topo: biz={k()} sets={rng.randint(1, 99)} modules={rng.randint(1, 999)} hosts={rng.randint(1, 99999)}",
    lambda: f'{{"bk_inst_id": {k()}, "bk_obj_id": "set", "bk_inst_name": "idc-{rng.randint(1, 99)}", "bk_parent_id": {k()}}}',
    lambda: f"{ts()} WARN redis slowlog id={k()} duration={r(1000, 99999)}us cmd=HGETALL bk:cache:host:{k()}",
    lambda: f"{ts()} INFO 告警策略{k()}触发，告警ID {k()}，维度 ip={ip()}",
    lambda: f"{ts()} 回调第三方接口成功，返回数据条数：{rng.randint(1, 999)}，请求序号 {k()}",
    lambda: f"mysql> SELECT bk_host_id FROM cc_HostBase WHERE bk_host_innerip = '{ip()}'; -- {k()}",
    lambda: f"{ts()} INFO [gsekit] process {k()} restarted, config version {rng.randint(1, 99)}, inst_id={k()}",
    lambda: f"{ts()} DEBUG cache hit key=host_{k()} ttl={rng.randint(1, 3600)} size={r()}",
    lambda: f"{ts()} INFO 作业平台执行方案{k()}已保存，版本{rng.randint(1, 99)}",
    lambda: f"{ts()} upload chunk {rng.randint(1, 999)}/{rng.randint(1000, 9999)} of artifact {hexid(12)} ({r()} bytes)",
]


def main():
    lines = []
    for i in range(420):
        lines.append(T[i % len(T)]())
    print("\n".join(lines))


main()
