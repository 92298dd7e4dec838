#!/usr/bin/python3
"""The mixed-load memory bench's driver (bench/memory.sh starts the server and calls this).

usage: memory.py URL SERVER_PID SHEET.xlsx [--connections 64] [--seconds 30] [--imports 2]
                 [--townships 16] [--out FILE.md]

Against a server on the Harbin demo it:
1. signs in once, finds the city, its largest district and that district's townships, and
   creates one district per import (TOWNSHIPS townships of 25 villages, named as
   bench/import_data.py's sheet names them), so that each import judges and commits 10,000
   rows of new positions;
2. the morning: CONNECTIONS people sign in at the same moment (argon2id: 9 MiB each while it
   runs; 19 and 64 MiB before issue 14's password costs);
3. the day: for SECONDS each connection draws, by weight, a township's roster, the people of
   the district (a page with its total), people found by name, compliance of the city or of
   the district, form 4 or form 5 of the city (and now and then as PDF), or a sign-in on a
   connection of its own; meanwhile one more client imports the sheet into each new district
   in turn (upload, dry run, commit: /api/imports); the day lasts until the imports are done
   too;
4. the evening: ten seconds of nothing, to see what the server gives back.
All along it samples the server's VmRSS and VmHWM every 0.2 s. It prints (and writes to --out)
the peak, a table of memory per phase, one of the requests, and the memory over time.
Python 3 standard library only.
"""
import argparse, os, random, statistics, sys, threading, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from soak import ON, Client, Failure, rss_kib  # noqa: E402 (scripts/soak.py: the same client and /proc reading)

GOAL_MIB = 100


def status_kib(pid):
    return dict((field, rss_kib(pid, field)) for field in ("VmRSS", "VmHWM", "Threads"))


def client(host, port, sign_in=True):
    return Client(port, host=host, sign_in=sign_in, timeout=300, resend=True)


class Sampler(threading.Thread):
    """VmRSS and VmHWM of the server every 0.2 s, each sample tagged with the phase it fell in."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.phase, self.samples, self.stop = pid, "start", [], threading.Event()
        self.started = time.monotonic()

    def run(self):
        while not self.stop.is_set():
            try:
                s = status_kib(self.pid)
            except OSError:
                return
            self.samples.append((time.monotonic() - self.started, self.phase, s["VmRSS"], s["VmHWM"], s["Threads"]))
            self.stop.wait(0.2)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.failures = {}, {}

    def record(self, op, seconds):
        with self.lock:
            self.latencies.setdefault(op, []).append(seconds)

    def fail(self, op, message):
        with self.lock:
            self.failures.setdefault(op, []).append(message)


def discover(c):
    _, root = c.call("GET", "/api/organisations")
    city = root["items"][0]["id"]
    _, districts = c.call("GET", "/api/organisations?parent_id=%d&page_size=200" % city)
    district = max(districts["items"], key=lambda o: o["child_count"])["id"]
    _, children = c.call("GET", "/api/organisations?parent_id=%d&page_size=200" % district)
    townships = [o["id"] for o in children["items"] if o["type"] in ("street", "township")]
    if not townships:
        raise Failure("the demo data has no townships to query")
    return {"city": city, "district": district, "townships": townships}


def import_districts(c, city, count, townships):
    """One district per import, with the townships and villages the sheet names (bench/import_data.py)."""
    def create(parent, type_, name):
        _, body = c.call("POST", "/api/organisations", {"parent_id": parent, "type": type_, "name": name},
                            expect=(201,))
        return body["id"]

    out = []
    for k in range(count):
        district = create(city, "district", "内存基准%s区妇联" % "甲乙丙丁戊己庚辛壬癸"[k % 10])
        for t in range(townships):
            town = create(district, "township", "基准%03d镇妇联" % t)
            for v in range(25):
                create(town, "village", "基准%03d镇%02d村妇联" % (t, v))
        out.append(district)
    return out


def operations(ids):
    quote = urllib.parse.quote
    city, district = ids["city"], ids["district"]

    def sign_in(c):
        client(c.host, c.port).conn.close()

    return [
        ("roster of a township", 25, lambda c: c.call("GET", "/api/organisations/%d/roster?on=%s" % (
            random.choice(ids["townships"]), ON))),
        ("people of the district (50 a page, total)", 15, lambda c: c.call(
            "GET", "/api/people?organisation_id=%d&page_size=50&page=%d" % (district, random.randint(1, 5)))),
        ("people by name", 10, lambda c: c.call("GET", "/api/people?q=%s&organisation_id=%d" % (
            quote(random.choice("王李张刘陈杨赵黄周吴")), city))),
        ("compliance, city", 6, lambda c: c.call("GET", "/api/compliance?within=%d&on=%s" % (city, ON))),
        ("compliance, district", 6, lambda c: c.call("GET", "/api/compliance?within=%d&on=%s" % (district, ON))),
        ("form 4, city", 5, lambda c: c.call("GET", "/api/forms/4?within=%d&on=%s" % (city, ON))),
        ("form 5, city", 5, lambda c: c.call("GET", "/api/forms/5?within=%d&on=%s" % (city, ON))),
        ("form 4, city, PDF", 1, lambda c: c.call("GET", "/api/forms/4.pdf?within=%d&on=%s" % (city, ON))),
        ("sign-in (a new connection)", 3, sign_in),
    ]


def worker(c, ops, stats, stop):
    names, weights = [o[0] for o in ops], [o[1] for o in ops]
    run = dict((o[0], o[2]) for o in ops)
    while not stop.is_set():
        op = random.choices(names, weights)[0]
        started = time.monotonic()
        try:
            run[op](c)
        except Failure as e:
            stats.fail(op, str(e))
            c.conn.close()
            continue
        stats.record(op, time.monotonic() - started)


def importer(c, sheet, districts, stats, stop):
    def wait(job, states):
        while job["state"] not in states:
            time.sleep(0.1)
            _, job = c.call("GET", "/api/imports/%d" % job["id"])
        return job

    for district in districts:
        started = time.monotonic()
        try:
            _, job = c.call("POST", "/api/imports?kind=roster&within=%d&file_name=memory.xlsx" % district, sheet,
                               expect=(202,), content_type="application/octet-stream")
            job = wait(job, ("checked", "refused", "failed"))
            stats.record("import: upload and dry run", time.monotonic() - started)
            if job["state"] != "checked":
                raise Failure("import job %d: %s %s" % (job["id"], job["state"], job.get("error")))
            committing = time.monotonic()
            _, job = c.call("POST", "/api/imports/%d/commit" % job["id"], {"skip_invalid": True}, expect=(202,))
            job = wait(job, ("committed", "refused", "failed", "interrupted"))
            if job["state"] != "committed":
                raise Failure("import job %d: %s %s" % (job["id"], job["state"], job.get("error")))
            stats.record("import: commit", time.monotonic() - committing)
        except Failure as e:
            stats.fail("import", str(e))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def report(args, sampler, stats, load_seconds, rows):
    mib = lambda kib: kib / 1024.0
    lines = []
    peak = max(s[3] for s in sampler.samples)
    lines.append("**Peak server memory (VmHWM): %.1f MiB** (goal ≤ %d MB = %.1f MiB: %s); %d connections, %d s of "
                 "load, %d imports of %d rows, %d threads in the server." % (
                     mib(peak), GOAL_MIB, GOAL_MIB * 1e6 / 2 ** 20, "met" if peak * 1024 <= GOAL_MIB * 1e6 else "NOT met",
                     args.connections, args.seconds, len(rows), args.townships * 625, sampler.samples[-1][4]))
    lines.append("")
    lines.append("| phase | seconds | VmRSS median MiB | VmRSS max MiB | VmHWM at its end MiB |")
    lines.append("|---|---|---|---|---|")
    for phase in ("start", "set-up", "morning: %d sign-ins at once" % args.connections, "the day: mixed load",
                  "evening: idle 10 s"):
        part = [s for s in sampler.samples if s[1] == phase]
        if not part:
            continue
        lines.append("| %s | %.1f | %.1f | %.1f | %.1f |" % (
            phase, part[-1][0] - part[0][0], mib(statistics.median(s[2] for s in part)), mib(max(s[2] for s in part)),
            mib(part[-1][3])))
    lines.append("")
    lines.append("| request | count | per second | median ms | p99 ms | max ms | failures |")
    lines.append("|---|---|---|---|---|---|---|")
    for op in sorted(set(stats.latencies) | set(stats.failures), key=lambda o: -len(stats.latencies.get(o, []))):
        lat = [x * 1000 for x in stats.latencies.get(op, [])]
        fails = len(stats.failures.get(op, []))
        if lat:
            lines.append("| %s | %d | %.1f | %.1f | %.1f | %.0f | %d |" % (
                op, len(lat), len(lat) / load_seconds, statistics.median(lat), percentile(lat, 99), max(lat), fails))
        else:
            lines.append("| %s | 0 | 0 | - | - | - | %d |" % (op, fails))
    lines.append("")
    lines.append("Memory over time (VmRSS, the highest of each 2 s; VmHWM so far):")
    lines.append("")
    lines.append("| second | phase | VmRSS MiB | VmHWM MiB |")
    lines.append("|---|---|---|---|")
    by_bucket = {}
    for t, phase, rss, hwm, _ in sampler.samples:
        b = int(t // 2)
        old = by_bucket.get(b)
        if old is None or rss > old[1]:
            by_bucket[b] = (phase, rss, hwm)
    for b in sorted(by_bucket):
        phase, rss, hwm = by_bucket[b]
        lines.append("| %d | %s | %.1f | %.1f |" % (b * 2, phase.split(":")[0], mib(rss), mib(hwm)))
    failures = sum(len(v) for v in stats.failures.values())
    if failures:
        lines.append("")
        lines.append("Failures (%d), the first of each kind:" % failures)
        for op, messages in stats.failures.items():
            lines.append("- %s: %s" % (op, messages[0]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("pid", type=int)
    parser.add_argument("sheet")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--imports", type=int, default=2)
    parser.add_argument("--townships", type=int, default=16, help="of the sheet: 625 rows each")
    parser.add_argument("--out")
    args = parser.parse_args()
    u = urllib.parse.urlparse(args.url)
    host, port = u.hostname, u.port

    sampler = Sampler(args.pid)
    sampler.start()
    stats = Stats()
    sampler.phase = "set-up"
    setup = client(host, port)
    ids = discover(setup)
    districts = import_districts(setup, ids["city"], args.imports, args.townships)
    with open(args.sheet, "rb") as f:
        sheet = f.read()

    sampler.phase = "morning: %d sign-ins at once" % args.connections
    clients = [None] * args.connections
    barrier = threading.Barrier(args.connections)

    def arrive(k):
        c = client(host, port, sign_in=False)
        barrier.wait()
        started = time.monotonic()
        try:
            c.sign_in()
            stats.record("sign-in, all at once", time.monotonic() - started)
        except Failure as e:
            stats.fail("sign-in, all at once", str(e))
            c = None
        clients[k] = c

    morning = [threading.Thread(target=arrive, args=(k,)) for k in range(args.connections)]
    for t in morning:
        t.start()
    for t in morning:
        t.join()

    sampler.phase = "the day: mixed load"
    stop = threading.Event()
    ops = operations(ids)
    threads = [threading.Thread(target=worker, args=(c, ops, stats, stop)) for c in clients if c]
    threads.append(threading.Thread(target=importer, args=(setup, sheet, districts, stats, stop)))
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    threads[-1].join(timeout=600)  # the imports under load too
    stop.set()
    for t in threads[:-1]:
        t.join()
    load_seconds = time.monotonic() - started

    sampler.phase = "evening: idle 10 s"
    time.sleep(10)
    sampler.stop.set()
    sampler.join()
    text = report(args, sampler, stats, load_seconds, districts)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
