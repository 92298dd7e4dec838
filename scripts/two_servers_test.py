#!/usr/bin/python3
"""Two Jinguo servers on one PostgreSQL behind a real nginx (`make two-servers`, a stage of
`make test`).

usage: two_servers_test.py [--binary build/jinguo] [--postgresql CONNINFO]

Starts a throwaway PostgreSQL (scripts/postgres.sh; or, with --postgresql, makes a fresh
database of its own on that server), loads the Harbin demo, starts two `jinguo serve` on it
and nginx (Debian's binary, run as this test's own process with a generated configuration
in a temporary folder: nothing of the machine's nginx set-up is read or touched) balancing
both, then checks, directly and through nginx:

1. a session made on one server works on the other (the cookie and the CSRF token of a
   sign-in on A read and write on B; a sign-out on B ends it on A), and the address the
   servers record is the client's: the one nginx names (trusted_proxies), never one the
   client wrote into X-Forwarded-For itself;
2. a write on one server is seen on the other at once: a new person and her appointment
   made on A are in B's roster, B's people list, and B's compliance and forms counts (each
   server keeps its own index of the registry, storage/held_index.h, and its own caches of
   results), which agree with A's; a name changed on B is in A's roster and people list;
3. SIGKILL of one server under load (writers creating people and changing them, readers of
   rosters, people, compliance and forms, all through nginx) loses no write that was
   answered 2xx (each is read back afterwards), no read fails (nginx passes an idempotent
   request to the other server) and the other server keeps serving.

Python 3 standard library, curl-free; nginx and PostgreSQL from Debian.
"""
import argparse, http.client, json, os, random, shutil, signal, subprocess, sys, tempfile, threading
import time, urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
from soak import free_port  # noqa: E402 (scripts/soak.py, beside this one)

USER, PASSWORD = "harbin", "City-Federation-2016"  # the demo's city federation administrator
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WRITERS, READERS = 6, 6
WRITES_BEFORE_KILL, WRITES_AFTER_KILL = 25, 25  # each writer's, counted (no timing)


class Failure(Exception):
    pass


def check(ok, message):
    if not ok:
        raise Failure(message)


def wait_until_up(port, process, what):
    for _ in range(600):
        if process.poll() is not None:
            raise Failure("%s stopped at start (exit %s)" % (what, process.returncode))
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise Failure("%s did not answer /api/health" % what)


def stop(process, sig):
    """Asks a process to stop, and kills it if it has not within 15 s."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


class Client:
    """One keep-alive connection to a server or to nginx, from a chosen loopback address
    (127.0.0.2, …: so that the address a server records can be told from nginx's own)."""

    def __init__(self, port, source="127.0.0.1", session=None):
        self.port, self.source = port, source
        self.conn = None
        self.headers = dict(session or {})

    def session(self):
        return {k: v for k, v in self.headers.items() if k in ("Cookie", "X-CSRF-Token")}

    def login(self, extra=None):
        status, body, res = self.call("POST", "/api/auth/login", {"username": USER, "password": PASSWORD},
                                      headers=extra, full=True)
        self.headers = {"Cookie": res.getheader("Set-Cookie").split(";")[0], "X-CSRF-Token": body["csrf_token"]}
        return self

    def call(self, method, path, body=None, expect=(200,), headers=None, full=False):
        data = None
        h = dict(self.headers)
        h.update(headers or {})
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60,
                                                       source_address=(self.source, 0))
            self.conn.request(method, path, data, h)
            r = self.conn.getresponse()
            raw = r.read()
        except (OSError, http.client.HTTPException) as e:
            self.close()
            raise Failure("%s %s on port %d: %s" % (method, path, self.port, e))
        if r.status not in expect:
            raise Failure("%s %s on port %d: %d %s" % (method, path, self.port, r.status,
                                                      raw[:300].decode("utf-8", "replace")))
        parsed = json.loads(raw) if raw and "json" in (r.getheader("Content-Type") or "") else None
        return (r.status, parsed, r) if full else (r.status, parsed)

    def get(self, path):
        return self.call("GET", path)[1]

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


class Rig:
    """PostgreSQL, two servers and nginx; everything stopped and removed by close()."""

    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="jinguo-two-servers.")
        os.chmod(self.work, 0o755)  # PostgreSQL runs as user postgres and keeps its folder in here
        self.own_postgres = not args.postgresql
        self.servers, self.nginx = {}, None

    def database(self):
        if self.own_postgres:
            url = subprocess.run(["bash", os.path.join(ROOT, "scripts/postgres.sh"), "start", self.work + "/pg"],
                                 check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
        else:  # a database of its own on the test run's server, beside the suites' one
            url = self.args.postgresql
            for sql in ("DROP DATABASE IF EXISTS jinguo_two_servers", "CREATE DATABASE jinguo_two_servers"):
                subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                               stdout=subprocess.DEVNULL)
            url = " ".join(("dbname=jinguo_two_servers" if p.startswith("dbname=") else p) for p in url.split(" "))
        self.url = url
        started = time.monotonic()
        subprocess.run([self.args.binary, "demo", "--database", url], check=True, stdout=subprocess.DEVNULL)
        print("two-servers: demo data loaded into PostgreSQL in %.1f s" % (time.monotonic() - started), flush=True)

    def start_server(self, name):
        port = free_port()
        log = open(os.path.join(self.work, "server-%s.log" % name), "w")
        p = subprocess.Popen([self.args.binary, "serve", "--database", self.url, "--port", str(port),
                              "--web-root", self.work, "--threads", "24", "--trusted-proxies", "127.0.0.1"],
                             stdout=log, stderr=subprocess.STDOUT)
        self.servers[name] = (p, port, log)
        return p, port

    def start_nginx(self):
        port = free_port()
        prefix = os.path.join(self.work, "nginx")
        os.makedirs(prefix)
        upstreams = "\n".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=30s;" % p
                              for _, p, _ in self.servers.values())
        # The production example is docs/nginx.md; this one is the same less TLS, in a folder.
        conf = """
%(user)s
worker_processes 1;
pid %(prefix)s/nginx.pid;
error_log %(prefix)s/error.log warn;
events { worker_connections 512; }
http {
  access_log %(prefix)s/access.log;
  client_body_temp_path %(prefix)s/client_body;
  proxy_temp_path %(prefix)s/proxy;
  fastcgi_temp_path %(prefix)s/fastcgi;
  uwsgi_temp_path %(prefix)s/uwsgi;
  scgi_temp_path %(prefix)s/scgi;
  upstream jinguo {
%(upstreams)s
    keepalive 32;
  }
  server {
    listen 127.0.0.1:%(port)d;
    client_max_body_size 21m;
    location / {
      proxy_pass http://jinguo;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_read_timeout 60s;
    }
  }
}
""" % {"user": "user root;" if os.geteuid() == 0 else "", "prefix": prefix, "upstreams": upstreams, "port": port}
        path = os.path.join(prefix, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        self.nginx = subprocess.Popen(["nginx", "-c", path, "-p", prefix, "-e", prefix + "/error.log",
                                       "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_until_up(port, self.nginx, "nginx")
        return port

    def close(self, failed):
        if self.nginx is not None:
            stop(self.nginx, signal.SIGQUIT)  # nginx's graceful stop
        for name, (p, _, log) in self.servers.items():
            stop(p, signal.SIGTERM)
            log.close()
            if failed:
                print("--- server %s, the end of its log:" % name)
                print(open(os.path.join(self.work, "server-%s.log" % name)).read()[-2000:])
        if failed and os.path.exists(os.path.join(self.work, "nginx/error.log")):
            print("--- nginx error.log:")
            print(open(os.path.join(self.work, "nginx/error.log")).read()[-2000:])
        if self.own_postgres:
            subprocess.run(["bash", os.path.join(ROOT, "scripts/postgres.sh"), "stop", self.work + "/pg"])
        else:
            subprocess.run(["psql", "-q", self.args.postgresql, "-c", "DROP DATABASE IF EXISTS jinguo_two_servers"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.work, ignore_errors=True)


def han(n):
    """A number in Chinese digits (a name has Han characters only)."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))


def id_number(k):
    first17 = "110101%04d%02d%02d%03d" % (1960 + k % 40, 1 + k % 12, 1 + k % 28, 100 + 2 * (k % 400))
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def discover(c):
    """The city, its district with the most bodies, that district's villages."""
    city = c.get("/api/organisations")["items"][0]["id"]
    districts = c.get("/api/organisations?parent_id=%d&page_size=200" % city)["items"]
    district = max(districts, key=lambda o: o["child_count"])["id"]
    villages = []
    for t in c.get("/api/organisations?parent_id=%d&page_size=200" % district)["items"][:4]:
        villages += [o["id"] for o in c.get("/api/organisations?parent_id=%d&page_size=200" % t["id"])["items"]
                     if o["type"] in ("village", "community")]
    check(villages, "the demo data has no villages under district %d" % district)
    return city, district, villages


def sessions_check(a_port, b_port, n_port):
    """1. One session, both servers; the client's address as the servers see it."""
    # Signed in on A directly from 127.0.0.2, with an X-Forwarded-For the client wrote itself:
    # A is not behind a trusted proxy on this connection, so the header is not believed.
    on_a = Client(a_port, "127.0.0.2").login({"X-Forwarded-For": "203.0.113.9"})
    on_b = Client(b_port, "127.0.0.2", on_a.session())
    on_b.get("/api/auth/me")  # 200: B knows the session A made
    sessions = on_b.get("/api/auth/sessions")["items"]
    current = [s for s in sessions if s["current"]]
    check(current and current[0]["address"] == "127.0.0.2",
          "the session made directly on A should record 127.0.0.2, not %s" % current)
    # Through nginx from 127.0.0.3, again with a forged header: nginx appends the address it
    # saw, and the servers trust nginx (127.0.0.1) only, so 127.0.0.3 is recorded.
    via = Client(n_port, "127.0.0.3").login({"X-Forwarded-For": "203.0.113.9"})
    for port in (a_port, b_port):
        items = Client(port, "127.0.0.2", via.session()).get("/api/auth/sessions")["items"]
        current = [s for s in items if s["current"]]
        check(current and current[0]["address"] == "127.0.0.3",
              "a sign-in through nginx from 127.0.0.3 should record 127.0.0.3, not %s" % current)
    # A write with A's session and CSRF token on B, then a sign-out on B ends it on A.
    person = on_b.call("POST", "/api/people", {"name": "两服甲", "id_number": id_number(900), "sex": "female"},
                       expect=(201,))[1]
    Client(a_port, "127.0.0.2", on_a.session()).get("/api/people/%d" % person["id"])
    on_b.call("POST", "/api/auth/logout", {})
    Client(a_port, "127.0.0.2", on_a.session()).call("GET", "/api/auth/me", expect=(401,))
    print("two-servers: sessions: signed in on A, read and wrote on B, signed out on B, refused on A; "
          "addresses recorded as the client's (directly and through nginx)", flush=True)
    return person["id"]


def counts(c, city, district, village, on):
    """What the pages show: the roster, the compliance of the district, the five forms."""
    out = {"roster": c.get("/api/organisations/%d/roster?on=%s" % (village, on)),
           "compliance": c.get("/api/compliance?within=%d&on=%s" % (district, on))}
    for form in range(1, 6):
        out["form %d" % form] = c.get("/api/forms/%d?within=%d&on=%s" % (form, district, on))
    return out


def names_in(value):
    """Every "name" field anywhere in a JSON value."""
    found = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "name" and isinstance(v, str):
                found.add(v)
            else:
                found |= names_in(v)
    elif isinstance(value, list):
        for v in value:
            found |= names_in(v)
    return found


def writes_check(a_port, b_port, ids):
    """2. A write on one server is seen on the other at once."""
    city, district, villages = ids
    a, b = Client(a_port).login(), Client(b_port).login()
    today = a.get("/api/meta")["today"]  # the server's today (China's date)
    before = {"A": counts(a, city, district, villages[0], today), "B": counts(b, city, district, villages[0], today)}
    check(before["A"] == before["B"], "A and B disagree before any write")
    person = a.call("POST", "/api/people", {"name": "两服乙", "id_number": id_number(901), "sex": "female"},
                    expect=(201,))[1]
    village = None
    for v in villages:
        status, _ = a.call("POST", "/api/positions", {
            "person_id": person["id"], "organisation_id": v, "role": "executive", "manner": "part_time",
            "start_on": today}, expect=(201, 409, 422))
        if status == 201:
            village = v
            break
    check(village is not None, "no village took the appointment")
    after_b = counts(b, city, district, village, today)
    after_a = counts(a, city, district, village, today)
    check("两服乙" in names_in(after_b["roster"]), "B's roster of village %d lacks the appointment made on A" % village)
    found = b.get("/api/people?organisation_id=%d&q=%s" % (district, urllib.parse.quote("两服乙")))
    check(any(p["id"] == person["id"] for p in found["items"]), "B's people list lacks the person made on A")
    for page in after_a:
        check(after_a[page] == after_b[page], "A and B disagree on %s after a write on A" % page)
    base = counts(b, city, district, villages[0], today) if village != villages[0] else before["B"]
    changed = [p for p in after_b if p != "roster" and after_b[p] != base[p]]
    check(changed, "the appointment changed neither compliance nor any form on B: %s" % sorted(after_b))
    # A name changed on B, read on A.
    b.call("PATCH", "/api/people/%d" % person["id"], {"name": "两服丙"})
    check("两服丙" in names_in(a.get("/api/organisations/%d/roster?on=%s" % (village, today))),
          "A's roster lacks the name changed on B")
    found = a.get("/api/people?organisation_id=%d&q=%s" % (district, urllib.parse.quote("两服丙")))
    check(any(p["id"] == person["id"] for p in found["items"]), "A's people list lacks the name changed on B")
    print("two-servers: writes: an appointment on A in B's roster, people list, compliance and forms (%s "
          "changed, equal on both); a name changed on B in A's roster and people list" % ", ".join(changed), flush=True)


class Load:
    """Writers and readers through nginx; what each write was answered."""

    def __init__(self, n_port, ids, person_ids):
        self.n_port, self.ids, self.person_ids = n_port, ids, person_ids
        self.lock = threading.Lock()
        self.created = []        # ids of people whose creation was answered 201
        self.changed = {}        # person id -> [[work unit, answered 2xx]] in order
        self.write_failures = []
        self.read_failures = []
        self.reads = 0
        self.writes = [0] * WRITERS
        self.killed = threading.Event()
        self.after_kill = [0] * WRITERS
        self.stop = threading.Event()

    def writer(self, k, session):
        c = Client(self.n_port, session=session)
        person = self.person_ids[k]
        n = 0
        while not self.stop.is_set():
            n += 1
            try:
                if n % 2:
                    _, p = c.call("POST", "/api/people", {"name": "负载" + "甲乙丙丁戊己"[k] + han(n),
                                                          "id_number": id_number(1000 + 1000 * k + n), "sex": "female"},
                                  expect=(201,))
                    with self.lock:
                        self.created.append(p["id"])
                else:
                    unit = "负载单位%d-%d" % (k, n)
                    with self.lock:
                        self.changed.setdefault(person, []).append([unit, False])
                    c.call("PATCH", "/api/people/%d" % person, {"work_unit": unit})
                    with self.lock:
                        self.changed[person][-1][1] = True
            except Failure as e:
                with self.lock:
                    self.write_failures.append((k, self.killed.is_set(), str(e)))
                c.close()
            self.writes[k] += 1
            if self.killed.is_set():
                self.after_kill[k] += 1

    def reader(self, k, session):
        c = Client(self.n_port, session=session)
        city, district, villages = self.ids
        paths = ["/api/organisations/%d/roster" % random.choice(villages),
                 "/api/people?organisation_id=%d&page_size=50" % district,
                 "/api/compliance?within=%d" % district,
                 "/api/forms/%d?within=%d&on=2016-09-20" % (1 + k % 5, district),
                 "/api/auth/me"]
        i = 0
        while not self.stop.is_set():
            i += 1
            try:
                c.get(paths[i % len(paths)])
                with self.lock:
                    self.reads += 1
            except Failure as e:
                with self.lock:
                    self.read_failures.append(str(e))
                c.close()


def kill_check(rig, n_port, b_port, ids):
    """3. SIGKILL of server A under load through nginx."""
    setup = Client(n_port).login()
    person_ids = [setup.call("POST", "/api/people", {"name": "负载人" + han(k), "id_number": id_number(950 + k),
                                                    "sex": "female"}, expect=(201,))[1]["id"] for k in range(WRITERS)]
    load = Load(n_port, ids, person_ids)
    threads = [threading.Thread(target=load.writer, args=(k, Client(n_port).login().session())) for k in range(WRITERS)]
    threads += [threading.Thread(target=load.reader, args=(k, setup.session())) for k in range(READERS)]
    for t in threads:
        t.start()
    a = rig.servers["A"][0]
    try:
        while min(load.writes) < WRITES_BEFORE_KILL and a.poll() is None:
            time.sleep(0.05)
        a.send_signal(signal.SIGKILL)
        a.wait()
        load.killed.set()
        writes_at_kill = sum(load.writes)
        while min(load.after_kill) < WRITES_AFTER_KILL and all(t.is_alive() for t in threads[:WRITERS]):
            time.sleep(0.05)
    finally:
        load.stop.set()
        for t in threads:
            t.join(timeout=120)
    # Every write answered 2xx is in the database: read back through the surviving server.
    b = Client(b_port).login()
    for pid in load.created:
        b.call("GET", "/api/people/%d" % pid, expect=(200,))
    for pid, attempts in load.changed.items():
        unit = b.get("/api/people/%d" % pid).get("work_unit")
        answered = [i for i, (_, ok) in enumerate(attempts) if ok]
        # The last change answered, or a later one whose answer was lost in the kill.
        allowed = [u for u, _ in attempts[answered[-1]:]] if answered else [None] + [u for u, _ in attempts]
        check(unit in allowed, "person %d: work unit %s is not the last change answered (%s)" % (pid, unit, allowed))
    print("two-servers: load through nginx: %d writes (%d before the SIGKILL of A), %d reads; %d people created "
          "and %d changes answered 2xx, all read back from B" % (
              sum(load.writes), writes_at_kill, load.reads, len(load.created),
              sum(ok for v in load.changed.values() for _, ok in v)), flush=True)
    check(not load.read_failures, "%d read(s) failed through nginx (an idempotent request should go to the other "
                                  "server): %s" % (len(load.read_failures), load.read_failures[:3]))
    # A write in flight at the kill may be lost with its answer (nginx does not resend a POST or
    # PATCH it has sent): at most one a writer, and none once A is known dead.
    before = [f for f in load.write_failures if not f[1]]
    check(len(load.write_failures) <= WRITERS, "%d writes failed around the kill (at most one in flight a writer): %s"
          % (len(load.write_failures), load.write_failures[:3]))
    print("two-servers: %d write(s) failed at the kill (%d in flight when it came)" % (
        len(load.write_failures), len(before)), flush=True)
    check(b.get("/api/health") is not None, "B stopped answering")
    Client(n_port).login().get("/api/auth/me")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "jinguo"))
    parser.add_argument("--postgresql", default="", help="a PostgreSQL server to make a database on "
                                                         "(default: a throwaway one of its own)")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit("two-servers: no server binary at %s: run 'make build' first" % args.binary)
    if not shutil.which("nginx"):
        sys.exit("two-servers: nginx not found (apt-get install nginx-light, or nginx)")
    rig = Rig(args)
    failed = True
    try:
        rig.database()
        _, a_port = rig.start_server("A")
        _, b_port = rig.start_server("B")
        for name, (p, port, _) in rig.servers.items():
            wait_until_up(port, p, "server " + name)
        n_port = rig.start_nginx()
        ids = discover(Client(n_port).login())
        sessions_check(a_port, b_port, n_port)
        writes_check(a_port, b_port, ids)
        kill_check(rig, n_port, b_port, ids)
        failed = False
        print("two-servers: ok")
        return 0
    except (Failure, subprocess.CalledProcessError) as e:
        print("two-servers: FAILED: %s" % e)
        return 1
    finally:
        rig.close(failed)


if __name__ == "__main__":
    sys.exit(main())
