#!/usr/bin/python3
"""The soak (`make soak`): a long run of mixed reads and writes against the real server on a
fresh Harbin demo database, which fails on any server error or on memory that keeps growing.

usage: soak.py [--binary build/jinguo] [--seconds 600] [--connections 16]

The server is started here (its default threads and pool) so that its memory can be read
from /proc. Each connection signs in as the city federation's administrator and draws, by
weight, one of: a township's roster, the people of a district (a page with its total), a
search of people by name, of bodies by name, a body's children, compliance, one of the five
forms, the health check, a person's details changed, and an appointment that is deleted
again (an entry made by mistake, the same day), so that the data stays the same size.
One more client imports a small roster (.csv, 20 rows) every few seconds: judged, then
committed; the same rows each time, so after the first the import only finds them unchanged.

It fails when:
- any answer is a 5xx, a connection fails, or a request gets a status its operation does
  not expect (e.g. a 401: a session lost);
- memory grows: see judge_memory().
Python 3 standard library only.
"""
import argparse, http.client, json, os, random, shutil, signal, socket, statistics, subprocess, sys, tempfile
import threading, time
import urllib.parse

USER, PASSWORD = "harbin", "City-Federation-2016"  # the demo's city federation administrator
ON = "2016-09-20"  # the demo data's report date


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def rss_kib(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError("no %s for pid %d" % (field, pid))


class Failure(Exception):
    pass


class Client:
    """One keep-alive connection with its own session (also bench/memory.py's).

    resend: after the server closed the connection while it was idle (it closes keep-alive
    connections idle for 5 s), open a new one and send the request again, as a browser does.
    The soak's connections are never idle that long: there it stays off, and any closed
    connection is a failure."""

    def __init__(self, port, host="127.0.0.1", sign_in=True, timeout=60, resend=False):
        self.host, self.port, self.resend = host, port, resend
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)
        self.headers = {}
        self.last_cookie = ""
        if sign_in:
            self.sign_in()

    def sign_in(self):
        self.headers = {}
        _, body = self.call("POST", "/api/auth/login", {"username": USER, "password": PASSWORD}, expect=(200,))
        self.headers = {"Cookie": self.last_cookie.split(";")[0], "X-CSRF-Token": body["csrf_token"]}

    def call(self, method, path, body=None, expect=(200,), content_type="application/json"):
        """Returns (status, parsed JSON or None); raises Failure on an unexpected status."""
        data = None
        headers = dict(self.headers)
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, data, headers)
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (OSError, http.client.HTTPException) as e:
                self.conn.close()
                idle_close = isinstance(e, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError))
                if attempt == 2 or not (self.resend and idle_close):
                    raise Failure("%s %s: %s" % (method, path.split("?")[0], e))
        self.last_cookie = r.getheader("Set-Cookie") or ""
        if r.status not in expect:
            raise Failure("%s %s: %d %s" % (method, path, r.status, raw[:300].decode("utf-8", "replace")))
        ctype = r.getheader("Content-Type") or ""
        return r.status, (json.loads(raw) if raw and "json" in ctype else None)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}  # operation -> [seconds]
        self.failures = []

    def record(self, op, seconds):
        with self.lock:
            self.latencies.setdefault(op, []).append(seconds)

    def fail(self, op, message):
        with self.lock:
            self.failures.append("%s: %s" % (op, message))


def discover(client):
    """Ids to query: the district with the most bodies under the city, its townships and villages."""
    _, root = client.call("GET", "/api/organisations")
    city = root["items"][0]["id"]
    _, districts = client.call("GET", "/api/organisations?parent_id=%d&page_size=200" % city)
    district = max(districts["items"], key=lambda o: o["child_count"])["id"]
    _, children = client.call("GET", "/api/organisations?parent_id=%d&page_size=200" % district)
    townships = [o["id"] for o in children["items"] if o["type"] in ("street", "township")]
    villages = []
    for t in townships[:6]:
        _, below = client.call("GET", "/api/organisations?parent_id=%d&page_size=200" % t)
        villages += [o["id"] for o in below["items"] if o["type"] in ("village", "community")]
    _, people = client.call("GET", "/api/people?organisation_id=%d&page_size=50" % district)
    if not townships or not villages or not people["items"]:
        raise Failure("the demo data has no townships, villages or people to query")
    return {"city": city, "district": district, "townships": townships, "villages": villages,
            "people": [p["id"] for p in people["items"]]}


def id_number(k):
    first17 = "230102%04d%02d%02d%03d" % (1970 + k % 30, 1 + k % 12, 1 + k % 28, 100 + 2 * (k % 400))
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def operations(ids, person):
    """(name, weight, function(client)) of the mix."""
    quote = urllib.parse.quote
    district, city = ids["district"], ids["city"]

    def appoint(c):
        village = random.choice(ids["villages"])
        status, position = c.call("POST", "/api/positions", {
            "person_id": person, "organisation_id": village, "role": "executive", "manner": "part_time",
            "start_on": time.strftime("%Y-%m-%d")}, expect=(201, 409, 422))
        if status != 201:  # a staffing rule may refuse it (409, 422): that is an answer too
            return "appointment refused by a rule"
        c.call("DELETE", "/api/positions/%d" % position["id"], {"reason": "soak: entered by mistake"})
        return "appointment, then deleted"

    return [
        ("roster", 25, lambda c: c.call("GET", "/api/organisations/%d/roster?on=%s" % (random.choice(ids["townships"]), ON))),
        ("people of the district", 15, lambda c: c.call("GET", "/api/people?organisation_id=%d&page_size=50&page=%d" % (
            district, random.randint(1, 5)))),
        ("people by name", 10, lambda c: c.call("GET", "/api/people?q=%s&organisation_id=%d" % (
            quote(random.choice("王李张刘陈杨赵黄周吴")), district))),
        ("bodies by name", 5, lambda c: c.call("GET", "/api/organisations/search?q=%s&within=%d" % (quote("社区"), city))),
        ("children", 8, lambda c: c.call("GET", "/api/organisations?parent_id=%d" % district)),
        ("compliance", 8, lambda c: c.call("GET", "/api/compliance?within=%d&on=%s" % (random.choice((city, district)), ON))),
        ("forms", 7, lambda c: c.call("GET", "/api/forms/%d?within=%d&on=%s" % (random.randint(1, 5), district, ON))),
        ("health", 4, lambda c: c.call("GET", "/api/health")),
        ("person changed", 5, lambda c: c.call("PATCH", "/api/people/%d" % person, {
            "mobile": "139%08d" % random.randint(0, 99999999)})),
        ("appointment", 10, appoint),
    ]


def worker(port, ids, person, stats, stop):
    try:
        client = Client(port)
    except Failure as e:
        stats.fail("sign-in", str(e))
        return
    ops = operations(ids, person)
    names = [o[0] for o in ops]
    weights = [o[1] for o in ops]
    run = dict((o[0], o[2]) for o in ops)
    while not stop.is_set():
        op = random.choices(names, weights)[0]
        started = time.monotonic()
        try:
            outcome = run[op](client)
        except Failure as e:
            stats.fail(op, str(e))
            if "Connection refused" in str(e):
                return
            client.conn.close()
            continue
        stats.record(outcome if isinstance(outcome, str) else op, time.monotonic() - started)


def wait_while(client, job, state):
    while job["state"] == state:
        time.sleep(0.05)
        _, job = client.call("GET", "/api/imports/%d" % job["id"])
    return job


def importer(port, township, villages, stats, stop, every):
    """A roster of 20 rows uploaded, judged, committed, every `every` seconds: the same rows."""
    roles = ["主席", "副主席"] + ["执委"] * 8
    lines = ["姓名,身份证号,民族,政治面貌,文化程度,手机,所在组织,妇联职务,任职方式,任职时间"]
    for k in range(20):
        lines.append("%s%s,%s,汉族,群众,高中,139%08d,%s,%s,兼职,2016-07-01" % (
            "王李张刘陈"[k % 5], "秀兰桂芝玉梅淑珍丽华"[k % 5 * 2:k % 5 * 2 + 2], id_number(5000 + k), 7000 + k,
            villages[k // 10], roles[k % 10]))
    sheet = ("\n".join(lines) + "\n").encode()
    try:
        client = Client(port)
    except Failure as e:
        stats.fail("import", str(e))
        return
    while not stop.is_set():
        started = time.monotonic()
        try:
            _, job = client.call("POST", "/api/imports?kind=roster&within=%d&file_name=soak.csv" % township, sheet,
                                 expect=(202,), content_type="application/octet-stream")
            job = wait_while(client, job, "checking")
            if job["state"] == "checked":
                _, job = client.call("POST", "/api/imports/%d/commit" % job["id"], {"skip_invalid": True},
                                     expect=(202,))
                job = wait_while(client, job, "committing")
            if job["state"] != "committed":
                stats.fail("import", "job %d ended %s: %s" % (job["id"], job["state"], job.get("error")))
            else:
                stats.record("import (20 rows, judged and committed)", time.monotonic() - started)
        except Failure as e:
            stats.fail("import", str(e))
            client.conn.close()
        stop.wait(max(0.0, every - (time.monotonic() - started)))


def warm_up_seconds(seconds):
    return max(10.0, 0.2 * seconds)


def reset_peak(pid):
    """Returns the peak so far (VmHWM) and resets it, so that the end of the run reports the
    peak under steady load apart from the warm-up's (16 sign-ins at once: Argon2id takes
    9 MiB for each). None if the kernel does not let us."""
    peak = rss_kib(pid, "VmHWM")
    try:
        with open("/proc/%d/clear_refs" % pid, "w") as f:
            f.write("5")
    except OSError:
        return None
    return peak


def judge_memory(samples, seconds):
    """Memory growth: the median VmRSS of the last quarter of the run against the median of
    the quarter after warm-up. Warm-up is the first 20 % (at least 10 s): the sign-ins, the
    page cache of the pool's connections, the prepared statements, the malloc arenas of the
    request threads and the forms index fill up then, once. After it a server that frees
    what it allocates stays flat: measured on the demo data (16 connections, 2 busy cores),
    VmRSS moves between about 70 and 100 MiB from second to second (the allocator keeping
    or returning the last forms' and compliance pages' memory), while the quarter medians
    stay within 4 MiB of each other (runs of 60 s and 300 s: +0.1, -3.9, -0.6 MiB). The
    threshold, 15 % of the early median and at least 16 MiB, sits well above that so that a
    busy machine does not fail the test. At ~150 operations a second, a leak of 1 KiB an
    operation grows 9 MiB a minute: the 10-minute soak (quarters about 6 minutes apart)
    catches it (about 50 MiB); the 60 s run of `make test` (36 s apart) catches about
    4 KiB an operation and more.
    Returns (ok, message)."""
    warm = warm_up_seconds(seconds)
    after = [(t, kib) for t, kib in samples if t >= warm]
    if len(after) < 8:
        return True, "too short a run to judge memory growth (%d samples after warm-up)" % len(after)
    span = after[-1][0] - warm
    early = [kib for t, kib in after if t < warm + span / 4]
    late = [kib for t, kib in after if t >= warm + 3 * span / 4]
    e, l = statistics.median(early), statistics.median(late)
    allowed = max(16 * 1024, 0.15 * e)
    message = "VmRSS median %.1f MiB after warm-up, %.1f MiB at the end: %+.1f MiB (allowed %.1f MiB)" % (
        e / 1024, l / 1024, (l - e) / 1024, allowed / 1024)
    return l - e <= allowed, message


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--binary", default=os.path.join(root, "build", "jinguo"))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("SOAK_SECONDS", 600)))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("SOAK_CONNECTIONS", 16)))
    parser.add_argument("--import-every", type=float, default=5.0, help="seconds between imports")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit("soak: no server binary at %s: run 'make build' first" % args.binary)

    work = tempfile.mkdtemp(prefix="jinguo-soak.")
    database = os.path.join(work, "soak.db")
    subprocess.run([args.binary, "demo", "--database", database], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--database", database, "--port", str(port),
                               "--web-root", work], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/api/health")
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        return soak(args, port, server, work)
    except Failure as e:  # the set-up before the run
        print("soak: FAILED: " + str(e))
        return 1
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def soak(args, port, server, work):
    setup = Client(port)
    ids = discover(setup)
    # Writers' own people (an appointment each at a time) and the import's township and villages.
    people = []
    for k in range(args.connections):
        name = "压测" + "甲乙丙丁戊己庚辛壬癸"[k % 10] + "子丑寅卯辰巳午未申酉"[k // 10 % 10]
        _, person = setup.call("POST", "/api/people", {"name": name, "id_number": id_number(k), "sex": "female"},
                               expect=(201,))
        people.append(person["id"])
    _, township = setup.call("POST", "/api/organisations", {
        "parent_id": ids["district"], "type": "township", "name": "压测镇妇联"}, expect=(201,))
    village_names = []
    for v in range(2):
        name = "压测镇%d村妇联" % (v + 1)
        setup.call("POST", "/api/organisations", {"parent_id": township["id"], "type": "village", "name": name},
                   expect=(201,))
        village_names.append(name)

    stats, stop = Stats(), threading.Event()
    samples = []  # (seconds since start, VmRSS KiB)
    threads = [threading.Thread(target=worker, args=(port, ids, people[k], stats, stop))
               for k in range(args.connections)]
    threads.append(threading.Thread(target=importer, args=(port, township["id"], village_names, stats, stop,
                                                           args.import_every)))
    print("soak: %d connections and an importer for %.0f s on the demo data (server pid %d)" % (
        args.connections, args.seconds, server.pid), flush=True)
    start = time.monotonic()
    for t in threads:
        t.start()
    next_report = 10.0
    warm_peak = None  # the peak of the warm-up, before VmHWM is reset
    while True:
        now = time.monotonic() - start
        try:
            if now >= args.seconds or server.poll() is not None:
                break
            samples.append((now, rss_kib(server.pid)))
        except OSError:  # it stopped between the two
            break
        if warm_peak is None and now >= warm_up_seconds(args.seconds):
            warm_peak = reset_peak(server.pid)
        if now >= next_report:
            done = sum(len(v) for v in stats.latencies.values())
            print("soak: %3.0f s  %7d operations  VmRSS %.1f MiB  peak %.1f MiB  failures %d" % (
                now, done, samples[-1][1] / 1024, rss_kib(server.pid, "VmHWM") / 1024, len(stats.failures)),
                flush=True)
            next_report += 10 if args.seconds <= 120 else 60
        time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.monotonic() - start
    died = server.poll()
    peak = rss_kib(server.pid, "VmHWM") if died is None else 0

    print("\n| operation | count | per second | median ms | p99 ms |\n|---|---|---|---|---|")
    total = 0
    for op in sorted(stats.latencies, key=lambda o: -len(stats.latencies[o])):
        values = sorted(stats.latencies[op])
        total += len(values)
        print("| %s | %d | %.1f | %.1f | %.1f |" % (op, len(values), len(values) / elapsed,
                                                   1000 * values[len(values) // 2],
                                                   1000 * values[min(len(values) - 1, int(0.99 * len(values)))]))
    print("\nsoak: %d operations in %.0f s (%.0f a second); server peak VmHWM %s after warm-up%s" % (
        total, elapsed, total / elapsed, "%.1f MiB" % (peak / 1024) if warm_peak is not None else "(not reset)",
        ", %.1f MiB in it (the sign-ins)" % (warm_peak / 1024) if warm_peak else ""))
    ok = True
    if died is not None:
        print("soak: FAILED: the server stopped (exit %s); its log:" % died)
        print(open(os.path.join(work, "server.log")).read()[-3000:])
        ok = False
    memory_ok, message = judge_memory(samples, args.seconds)
    print("soak: memory: " + message)
    if not memory_ok:
        print("soak: FAILED: memory grew: " + " ".join("%.0f" % (kib / 1024) for _, kib in samples[::10]) + " MiB")
        ok = False
    if stats.failures:
        print("soak: FAILED: %d request(s) failed; the first ones:" % len(stats.failures))
        for f in stats.failures[:10]:
            print("  " + f)
        ok = False
    if total == 0:
        print("soak: FAILED: no request completed")
        ok = False
    print("soak: ok" if ok else "soak: failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
