#!/usr/bin/python3
"""The import bench's data (bench/import.sh): a district of N townships with 25 village
federations each, created through the API of a running server, and a member sheet that
staffs every village to the rule (1 主席, 2 副主席, 22 执委 = 25 rows a village).

usage: import_data.py tree URL USER PASSWORD TOWNSHIPS   → prints the district's id
       import_data.py sheet FILE.xlsx TOWNSHIPS           → writes the sheet (openpyxl, write-only)
       import_data.py upload URL USER PASSWORD FILE ORG [SERVER_PID]
                                                          → uploads it as a job (/api/imports), waits for
                                                            the dry run, commits, waits; prints
                                                            "dry-run-seconds commit-seconds state" and,
                                                            given the server's pid, its CPU seconds for each
"""
import http.client, json, os, sys, time, urllib.parse

VILLAGES = 25
ROLES = ["主席", "副主席", "副主席"] + ["执委"] * 22


def check_char(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def id_number(k):
    day, sequence = divmod(k, 450)
    first17 = "230102%04d%02d%02d%03d" % (1950 + day // 336, 1 + day // 28 % 12, 1 + day % 28, sequence * 2)
    return first17 + check_char(first17)


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["秀兰", "桂芝", "玉梅", "淑珍", "丽华", "春燕", "海燕", "红霞", "晓梅", "雪梅", "凤英", "玉兰", "桂兰", "秀英"]


def login(url, user, password):
    u = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    conn.request("POST", "/api/auth/login", json.dumps({"username": user, "password": password}),
                 {"Content-Type": "application/json"})
    r = conn.getresponse()
    body = json.loads(r.read())
    cookie = r.getheader("Set-Cookie").split(";")[0]
    headers = {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": body["csrf_token"]}
    return conn, headers, body


def tree(url, user, password, townships):
    conn, headers, body = login(url, user, password)
    root = body["account"]["organisation_id"] if "account" in body else body["organisation_id"]

    def create(parent, type_, name):
        conn.request("POST", "/api/organisations", json.dumps({"parent_id": parent, "type": type_, "name": name}), headers)
        r = conn.getresponse()
        answer = json.loads(r.read())
        if r.status != 201:
            sys.exit("cannot create %s: %s" % (name, answer))
        return answer["id"]

    district = create(root, "district", "导入基准区妇联")
    for t in range(townships):
        town = create(district, "township", "基准%03d镇妇联" % t)
        for v in range(VILLAGES):
            create(town, "village", "基准%03d镇%02d村妇联" % (t, v))
    print(district)


def sheet(path, townships):
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    ws = book.create_sheet("成员名册")
    ws.append(["基准区各村妇联成员名册"])
    ws.append(["姓名", "身份证号", "民族", "政治面貌", "文化程度", "手机", "所在组织", "妇联职务", "任职方式", "任职时间"])
    k = 0
    for t in range(townships):
        for v in range(VILLAGES):
            for role in ROLES:
                name = SURNAMES[k % 20] + GIVEN[k // 20 % 14]
                ws.append([name, id_number(k), "汉族", "群众", "高中", "139%08d" % k, "基准%03d镇%02d村妇联" % (t, v),
                           role, "兼职", "2016-07-01"])
                k += 1
    book.save(path)
    print(k)


def upload(url, user, password, path, org):
    conn, headers, _ = login(url, user, password)

    def call(method, target, body=None, content_type="application/json"):
        conn.request(method, target, body, dict(headers, **{"Content-Type": content_type}))
        r = conn.getresponse()
        answer = json.loads(r.read() or b"null")
        if r.status >= 300:
            sys.exit("%s %s: %s %s" % (method, target, r.status, answer))
        return answer

    def wait(job, states):
        while job["state"] not in states:
            time.sleep(0.1)
            job = call("GET", "/api/imports/%d" % job["id"])
        return job

    pid = sys.argv[7] if len(sys.argv) > 7 else None

    def cpu():  # the server's CPU time so far (user + system), seconds
        if not pid:
            return 0.0
        fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    with open(path, "rb") as f:
        data = f.read()
    cpu0 = cpu()
    start = time.monotonic()
    job = call("POST", "/api/imports?kind=roster&within=%s&file_name=%s" % (org, urllib.parse.quote(path.split("/")[-1])),
               data, "application/octet-stream")
    job = wait(job, ("checked", "refused", "failed"))
    checked = time.monotonic()
    cpu1 = cpu()
    if job["state"] != "checked":
        print("%.1f - %s %.1f -" % (checked - start, job["state"], cpu1 - cpu0))
        return
    job = call("POST", "/api/imports/%d/commit" % job["id"], json.dumps({"skip_invalid": False}))
    job = wait(job, ("committed", "refused", "failed", "interrupted"))
    print("%.1f %.1f %s %.1f %.1f" % (checked - start, time.monotonic() - checked, job["state"], cpu1 - cpu0, cpu() - cpu1))


if __name__ == "__main__":
    if sys.argv[1] == "upload":
        upload(*sys.argv[2:7])
    elif sys.argv[1] == "tree":
        tree(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        sheet(sys.argv[2], int(sys.argv[3]))
