#!/usr/bin/env python3
"""Crash safety (issue 14, part 4): kills the real server with SIGKILL at random moments
while clients write, restarts it, and checks the database after every kill.

The writes, in parallel threads, as the web app makes them:
  appointments  a new woman (POST /api/people), then her position (POST /api/positions)
  certificates  batches of three of those positions (POST /api/certificates)
  imports       a roster sheet of four new women uploaded, checked and committed
  submissions   the district's account submitted (POST /api/milestones/8/submissions),
                then returned by the city (POST /api/submissions/ID/return)

After each kill, read from the database itself (sqlite3 module, or psql):
  - a batch of certificates and an import are all or nothing: every position of a batch
    has its certificate or none has; every woman of a sheet is stored or none is;
  - what the server answered as done is there (an answered write survives the kill);
  - every person, position, certificate, submission and return written since the start
    has its audit record, and no audit record lacks its change;
  - certificate numbers of each issuer and year run 1..n without gap or duplicate, and
    the issuer's counter stands at n;
  - an import job stored as committed has its women, and a file whose women are stored
    has its job marked committed.

Then, once: SIGTERM while a request is in flight and a keep-alive connection is idle:
the request gets its whole answer, and the process exits 0 within 10 s.

  python3 scripts/fault_test.py --kills 100                         # SQLite
  python3 scripts/fault_test.py --kills 100 --database postgresql://...

Standard library only. Exit status 0 when every check held.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HARBIN = ("harbin", "City-Federation-2016")  # the city: issues certificates, returns submissions
DAOLI = ("daoli", "Songhua-River-2016")  # a district: submits the campaign's account
ADMIN = ("admin", "Jinguo-System-2016")  # the system administrator: imports too
DISTRICT = 2  # 道里区妇联 in the Harbin demo
ACCOUNT_MILESTONE = 8  # the demo campaign's "account" milestone, owed by the districts
BATCH = 3  # positions per certificate batch
SHEET = 4  # women per imported sheet


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# The database, read directly


class Database:
    def __init__(self, url):
        self.url = url
        # as the server tells them apart (storage/database.cpp, backend_of)
        self.postgres = (url.startswith(("postgresql://", "postgres://")) or "dbname=" in url or "host=" in url)

    def rows(self, sql):
        """Every row as a tuple of strings (None for NULL)."""
        if self.postgres:
            out = subprocess.run(["psql", self.url, "-AtqX", "-F", "\x1f", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [tuple(None if v == "" else v for v in line.split("\x1f")) for line in out.splitlines()]
        db = sqlite3.connect(self.url, timeout=30)
        try:
            return [tuple(None if v is None else str(v) for v in row) for row in db.execute(sql).fetchall()]
        finally:
            db.close()

    def value(self, sql):
        rows = self.rows(sql)
        return rows[0][0] if rows else None


# ---------------------------------------------------------------------------------------------
# The server and its clients


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, database, log):
        self.binary, self.database, self.log = binary, database, log
        self.port = free_port()
        self.process = None

    def start(self):
        out = open(self.log, "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--database", self.database, "--host", "127.0.0.1", "--port", str(self.port),
             "--web-root", "/nonexistent", "--threads", "16"], stdout=out, stderr=out)
        out.close()
        for _ in range(600):
            if self.process.poll() is not None:
                raise Failure(f"the server stopped at start (exit {self.process.returncode}); see {self.log}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/api/health")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.02)
        raise Failure("the server did not answer /api/health")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


class Lost(Exception):
    """The connection failed: the server is gone (killed)."""


class Client:
    def __init__(self, server, credentials):
        self.server, self.credentials = server, credentials
        self.cookie = self.csrf = None

    def login(self):
        status, body, headers = self._send("POST", "/api/auth/login",
                                           json.dumps({"username": self.credentials[0],
                                                       "password": self.credentials[1]}).encode())
        if status != 200:
            raise Failure(f"login {self.credentials[0]}: {status} {body}")
        self.csrf = body["csrf_token"]
        for key, value in headers:
            if key.lower() == "set-cookie" and value.startswith("jinguo_session="):
                self.cookie = value.split(";")[0]

    def _send(self, method, path, body=None, content_type="application/json"):
        headers = {"Content-Type": content_type}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
            c.request(method, path, body=body, headers=headers)
            r = c.getresponse()
            data = r.read()
            c.close()
        except (OSError, http.client.HTTPException) as e:
            raise Lost(str(e)) from e
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return r.status, parsed, r.getheaders()

    def call(self, method, path, body=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        status, parsed, _ = self._send(method, path, data, content_type)
        return status, parsed


# ---------------------------------------------------------------------------------------------
# What the clients did: the ledger the checks compare the database with


def id_number(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


class Ledger:
    def __init__(self, run_tag):
        self.lock = threading.Lock()
        self.next_woman = 0
        self.run_tag = run_tag  # keeps ID numbers of two runs on one database apart
        self.positions_done = []  # answered 201
        self.uncertified = []  # answered positions not yet sent in a batch
        self.batches = []  # (position ids, "done" | "refused" | "unknown")
        self.sheets = []  # (ID numbers, job id or None, "committed" | "refused" | "unknown")
        self.submissions_done = []  # answered 201
        self.returns_done = []  # answered 200
        self.writes = 0

    def woman(self):
        with self.lock:
            k = self.next_woman
            self.next_woman += 1
        # Registered in Beijing (110101: no woman of the demo), born 1951-1958, sequence even: a woman.
        day = k // 450
        sequence = (k % 450) * 2
        year = 1951 + self.run_tag % 8
        return (f"范{'梅兰竹菊松柏桃李'[k % 8]}英",
                id_number(f"110101{year}{1 + day // 28 % 12:02d}{1 + day % 28:02d}{sequence:03d}"))


# ---------------------------------------------------------------------------------------------
# The writers: each loops until the server is gone


def appointments(harbin, ledger, bodies, stop):
    while not stop.is_set():
        name, number = ledger.woman()
        status, person = harbin.call("POST", "/api/people", {"name": name, "id_number": number})
        if status != 201:
            continue  # an ID number taken by an earlier run's woman: the next one
        status, position = harbin.call("POST", "/api/positions", {
            "person_id": person["id"], "organisation_id": random.choice(bodies), "role": "executive",
            "manner": "part_time", "start_on": "2016-07-01", "override_reason": "故障测试 / fault test"})
        if status != 201:
            raise Failure(f"appointment refused: {status} {position}")
        with ledger.lock:
            ledger.positions_done.append(position["id"])
            ledger.uncertified.append(position["id"])
            ledger.writes += 2


def certificates(harbin, ledger, stop):
    while not stop.is_set():
        with ledger.lock:
            if len(ledger.uncertified) < BATCH:
                batch = None
            else:
                batch = ledger.uncertified[:BATCH]
                del ledger.uncertified[:BATCH]
                entry = [batch, "unknown"]
                ledger.batches.append(entry)
        if batch is None:
            time.sleep(0.01)
            continue
        status, answer = harbin.call("POST", "/api/certificates", {"position_ids": batch})
        if status != 201 and status != 200:
            raise Failure(f"certificate batch refused: {status} {answer}")
        with ledger.lock:
            entry[1] = "done"
            ledger.writes += 1


def imports(clerks, ledger, town, stop):
    # An account has one import at a time, and a job a killed server left checking or
    # committing counts as running for two minutes (it may be another server's): the sheet
    # goes to the next of the clerks; when all are waiting, this writer rests this round.
    clerks = list(clerks)
    while not stop.is_set() and clerks:
        women = [ledger.woman() for _ in range(SHEET)]
        entry = [[n for _, n in women], None, "unknown"]
        with ledger.lock:
            ledger.sheets.append(entry)
        sheet = "姓名,身份证号,所在组织,妇联职务,任职方式,任职时间\n" + "".join(
            f"{name},{number},{town},执委,兼职,2016-07-01\n" for name, number in women)
        harbin = clerks[0]
        status, job = harbin.call("POST", f"/api/imports?within={DISTRICT}&file_name=fault.csv",
                                  raw=("\ufeff" + sheet).encode(), content_type="application/octet-stream")
        if status == 409 and (job or {}).get("error", {}).get("code") == "import_busy":
            entry[2] = "refused"  # not sent
            clerks.pop(0)
            continue
        if status != 202:
            raise Failure(f"upload refused: {status} {job}")
        entry[1] = job["id"]
        committing = False
        while True:
            status, job = harbin.call("GET", f"/api/imports/{entry[1]}")
            state = job["state"]
            if state in ("checking", "committing"):
                time.sleep(0.01)
            elif state == "checked" and not committing:
                # The street fills up past its staffing maximum as the run goes on: the city overrides.
                status, job = harbin.call("POST", f"/api/imports/{entry[1]}/commit",
                                          {"override_reason": "故障测试 / fault test"})
                if status != 202:
                    raise Failure(f"commit refused: {status} {job}")
                committing = True
            elif state == "committed":
                with ledger.lock:
                    entry[2] = "committed"
                    ledger.writes += 1
                break
            else:
                entry[2] = "refused"  # an ID number taken by an earlier run: nothing stored
                break


def submissions(harbin, daoli, ledger, stop):
    while not stop.is_set():
        status, progress = daoli.call("GET", f"/api/milestones/{ACCOUNT_MILESTONE}/submissions?organisation_id={DISTRICT}")
        versions = progress.get("versions") or []
        if versions and versions[0]["state"] == "submitted":
            status, answer = harbin.call("POST", f"/api/submissions/{versions[0]['id']}/return",
                                         {"reason": "请补充具体做法"})
            if status != 200:
                raise Failure(f"return refused: {status} {answer}")
            with ledger.lock:
                ledger.returns_done.append(versions[0]["id"])
                ledger.writes += 1
        else:
            status, answer = daoli.call("POST", f"/api/milestones/{ACCOUNT_MILESTONE}/submissions",
                                        {"organisation_id": DISTRICT, "text": "我们的做法和成效"})
            if status != 201:
                raise Failure(f"submission refused: {status} {answer}")
            with ledger.lock:
                ledger.submissions_done.append(answer["id"])
                ledger.writes += 1


def writer(target, errors, *args):
    try:
        target(*args)
    except Lost:
        pass  # the server was killed: expected
    except Exception as e:  # noqa: BLE001 - reported as the run's failure
        errors.append(f"{target.__name__}: {e!r}")


# ---------------------------------------------------------------------------------------------
# The checks


def ids(rows):
    return {r[0] for r in rows}


def in_list(values):
    return ",".join(f"'{v}'" for v in values) or "NULL"


def check(db, base, ledger):
    problems = []

    # Certificate numbers: 1..n per issuer and year, and the counter at n.
    numbers = {}
    for issuer, year, number in db.rows("SELECT issuer_id, year, number FROM certificates"):
        numbers.setdefault((issuer, year), []).append(int(number))
    counters = {(i, y): int(n) for i, y, n in db.rows("SELECT issuer_id, year, last_number FROM certificate_counters")}
    for key, taken in numbers.items():
        if sorted(taken) != list(range(1, len(taken) + 1)):
            problems.append(f"certificate numbers of issuer {key[0]} in {key[1]} have a gap or a duplicate: "
                            f"{sorted(taken)[:20]}...")
        if counters.get(key) != len(taken):
            problems.append(f"certificate counter of issuer {key[0]} in {key[1]} is {counters.get(key)}, "
                            f"{len(taken)} certificates")

    # Every change since the start has its audit record, and every audit record its change.
    def pair(entity, action, table, condition="TRUE"):
        changed = ids(db.rows(f"SELECT CAST(id AS TEXT) FROM {table} WHERE id > {base[table]} AND {condition}"))
        audited = ids(db.rows(f"SELECT entity_id FROM audit_events WHERE id > {base['audit_events']} "
                              f"AND entity = '{entity}' AND action = '{action}'"))
        if changed - audited:
            problems.append(f"{table} without their '{action}' audit record: {sorted(changed - audited)[:10]}")
        if audited - changed:
            problems.append(f"'{action} {entity}' audit records without their change: {sorted(audited - changed)[:10]}")

    pair("person", "create", "people")
    pair("position", "create", "positions")
    pair("certificate", "issue", "certificates")
    pair("submission", "submit", "submissions")
    pair("submission", "return", "submissions", "state = 'returned'")

    # What was answered is there.
    with ledger.lock:
        positions_done = list(ledger.positions_done)
        batches = [(list(b), s) for b, s in ledger.batches]
        sheets = [(list(n), j, s) for n, j, s in ledger.sheets]
        submitted, returned = list(ledger.submissions_done), list(ledger.returns_done)
    stored = ids(db.rows(f"SELECT CAST(id AS TEXT) FROM positions WHERE id > {base['positions']}"))
    lost = [p for p in positions_done if str(p) not in stored]
    if lost:
        problems.append(f"answered positions lost: {lost[:10]}")
    stored = ids(db.rows(f"SELECT CAST(id AS TEXT) FROM submissions WHERE id > {base['submissions']}"))
    if [s for s in submitted if str(s) not in stored]:
        problems.append("answered submissions lost")
    stored = ids(db.rows(f"SELECT CAST(id AS TEXT) FROM submissions WHERE state = 'returned' AND id > {base['submissions']}"))
    if [s for s in returned if str(s) not in stored]:
        problems.append("answered returns lost")

    # All or nothing: a batch of certificates, an imported sheet.
    certified = {}
    for (position,) in db.rows(f"SELECT CAST(position_id AS TEXT) FROM certificates WHERE id > {base['certificates']}"):
        certified[position] = certified.get(position, 0) + 1
    for batch, state in batches:
        have = [certified.get(str(p), 0) for p in batch]
        if any(h > 1 for h in have):
            problems.append(f"a position certified twice: batch {batch}")
        if sum(have) not in (0, len(batch)):
            problems.append(f"certificate batch {batch} half stored: {have}")
        if state == "done" and sum(have) != len(batch):
            problems.append(f"answered certificate batch {batch} lost")
    for numbers_, job, state in sheets:
        count = int(db.value(f"SELECT COUNT(*) FROM people WHERE id_number IN ({in_list(numbers_)})"))
        positions = int(db.value(f"SELECT COUNT(*) FROM positions p JOIN people w ON w.id = p.person_id "
                                 f"WHERE w.id_number IN ({in_list(numbers_)})"))
        if state == "refused":
            continue
        if count not in (0, len(numbers_)) or positions != count:
            problems.append(f"import of job {job} half stored: {count} of {len(numbers_)} women, {positions} positions")
        if state == "committed" and count != len(numbers_):
            problems.append(f"answered import {job} lost")
        if job is not None:
            job_state = db.value(f"SELECT state FROM imports WHERE id = {job}")
            if count and job_state != "committed":
                problems.append(f"import job {job} stored its women but says '{job_state}'")
            if job_state == "committed" and not count:
                problems.append(f"import job {job} says committed but stored nothing")
    return problems


# ---------------------------------------------------------------------------------------------
# SIGTERM: the request in flight answered, the idle keep-alive connection no obstacle, exit 0


def graceful_stop(server, harbin, db, base):
    server.start()
    ids_ = [r[0] for r in db.rows(f"SELECT CAST(id AS TEXT) FROM certificates ORDER BY id DESC LIMIT 100")]
    if not ids_:
        raise Failure("no certificates to print for the SIGTERM check")
    idle = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    idle.request("GET", "/api/health")
    idle.getresponse().read()  # kept open: a keep-alive connection, idle
    answer = {}

    def print_them():
        try:
            status, body, headers = harbin._send("GET", "/api/certificates.pdf?ids=" + ",".join(ids_))
            answer["status"] = status
            answer["at"] = time.monotonic()
        except Lost as e:
            answer["error"] = str(e)

    request = threading.Thread(target=print_them)
    request.start()
    # The request has reached the server (loopback) and its printing has begun: 100 certificates
    # take 0.45-0.6 s to draw on this machine (5 ms each), 40 sometimes ended within the 0.3 s
    # this waited before, on a faster host.
    time.sleep(0.1)
    sent = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        raise Failure("SIGTERM: the server did not stop within 10 s")
    stopped = time.monotonic() - sent
    request.join()
    idle.close()
    if code != 0:
        raise Failure(f"SIGTERM: exit status {code}")
    if answer.get("status") != 200:
        raise Failure(f"SIGTERM: the request in flight got {answer}")
    in_flight = answer["at"] > sent
    print(f"SIGTERM: the request in flight {'answered after the signal' if in_flight else 'had finished before it'}"
          f" (200), exit 0 after {stopped:.2f} s with an idle keep-alive connection open")
    if not in_flight:
        raise Failure("SIGTERM: the request was not in flight when the signal came (print more certificates)")


# ---------------------------------------------------------------------------------------------


def prepare(binary, database, work):
    """A fresh Harbin demo in `database` (a file or a PostgreSQL URL)."""
    log = os.path.join(work, "demo.log")
    with open(log, "wb") as out:
        if subprocess.run([binary, "demo", "--database", database, "--force"], stdout=out, stderr=out).returncode:
            raise Failure(f"jinguo demo failed; see {log}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default="build/jinguo")
    parser.add_argument("--database", help="a PostgreSQL connection string, whose Jinguo tables are replaced "
                        "(default: a SQLite file in a temporary folder)")
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, server log)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    random.seed(seed)
    work = tempfile.mkdtemp(prefix="jinguo-fault.")
    database = args.database or os.path.join(work, "fault.db")
    db = Database(database)
    backend = "PostgreSQL" if db.postgres else "SQLite"
    started = time.monotonic()
    try:
        prepare(args.binary, database, work)
        tables = ["people", "positions", "certificates", "submissions", "audit_events"]
        base = {t: int(db.value(f"SELECT COALESCE(MAX(id), 0) FROM {t}")) for t in tables}
        # Townships and streets of the district: the appointments' and the sheets' bodies.
        bodies = [int(r[0]) for r in db.rows(f"SELECT id FROM organisations WHERE parent_id = {DISTRICT} "
                                             "AND closed_on IS NULL ORDER BY id")]
        town = db.value(f"SELECT name FROM organisations WHERE id = {bodies[0]}")
        server = Server(args.binary, database, os.path.join(work, "server.log"))
        ledger = Ledger(seed)
        server.start()
        harbin, daoli, admin = Client(server, HARBIN), Client(server, DAOLI), Client(server, ADMIN)
        for client in (harbin, daoli, admin):
            client.login()  # the sessions are stored: they outlive the restarts
        errors = []
        for kill in range(1, args.kills + 1):
            if kill > 1:
                server.start()
            stop = threading.Event()
            threads = [threading.Thread(target=writer, args=(appointments, errors, harbin, ledger, bodies, stop)),
                       threading.Thread(target=writer, args=(certificates, errors, harbin, ledger, stop)),
                       threading.Thread(target=writer, args=(imports, errors, (harbin, admin, daoli), ledger, town, stop)),
                       threading.Thread(target=writer, args=(submissions, errors, harbin, daoli, ledger, stop))]
            for t in threads:
                t.start()
            time.sleep(random.uniform(0.05, 0.6))
            server.kill()
            stop.set()
            for t in threads:
                t.join()
            if errors:
                raise Failure(f"kill {kill}: " + "; ".join(errors))
            problems = check(db, base, ledger)
            if problems:
                raise Failure(f"after kill {kill}:\n  " + "\n  ".join(problems))
        graceful_stop(server, harbin, db, base)
        with ledger.lock:
            print(f"{backend}: {args.kills} SIGKILLs during {ledger.writes} answered writes "
                  f"({len(ledger.positions_done)} appointments, {len(ledger.batches)} certificate batches, "
                  f"{len(ledger.sheets)} sheets, {len(ledger.submissions_done)} submissions, "
                  f"{len(ledger.returns_done)} returns): every check held "
                  f"({time.monotonic() - started:.0f} s, seed {seed})")
        return 0
    except Failure as e:
        print(f"{backend}: FAILED (seed {seed}, work folder {work}): {e}", file=sys.stderr)
        args.keep = True
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
