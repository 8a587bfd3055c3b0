"""Live updates under load, against the release server on the embedded SQLite (demo data):

1. Positions: 200 technicians, each with a job on the way, post positions as fast as the
   server takes them for 10 s (each one a row and an event, in a transaction): positions
   accepted per second, and p99 latency.
2. Fan-out: 5,000 open live streams (`/events`, the office's, which sees every event), then
   one event (a position): how long until every stream has it (goal < 1 s), and the
   server's memory per open stream (resident size grown / streams; goal < 64 KB).

Usage: bench_live.py PATH-TO-doorstep. Exits non-zero if a goal is missed.
"""

import asyncio
import os
import resource
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import bench  # noqa: E402

TECHNICIANS = 200
STREAMS = int(os.environ.get("BENCH_STREAMS", "5000"))
SECONDS = 10
PASSWORD = "doorstep-demo"


def add_technicians_on_the_way(data):
    """TECHNICIANS technicians, each on the way to a job at Ana's home, far enough off."""
    db = sqlite3.connect(os.path.join(data, "doorstep.db"))
    now = int(time.time())
    hash_ = db.execute("SELECT password_hash FROM users WHERE email = 'tomas@example.com'").fetchone()[0]
    skills = db.execute("SELECT skills FROM services WHERE name = 'Standard clean'").fetchone()[0]
    account, location = db.execute(
        "SELECT m.account_id, l.id FROM memberships m JOIN users u ON u.id = m.user_id "
        "JOIN locations l ON l.account_id = m.account_id WHERE u.email = 'ana@example.com' LIMIT 1").fetchone()
    service = db.execute("SELECT id FROM services WHERE name = 'Standard clean'").fetchone()[0]
    jobs = []
    for n in range(TECHNICIANS):
        # Made by the office, so their email counts as proven (as staff the office adds do).
        cur = db.execute("INSERT INTO users (email, name, password_hash, created_at, email_verified_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         ("route%d@bench.example.com" % n, "Route Technician %d" % n, hash_, now, now))
        uid = cur.lastrowid
        db.execute("INSERT INTO staff_profiles (user_id, role, created_at) VALUES (?, 'technician', ?)", (uid, now))
        db.execute("INSERT INTO technicians (user_id, skills, home_lat, home_lng, area_lat, area_lng, "
                   "area_radius_km) VALUES (?, ?, 52.5, 13.4, 52.5, 13.4, 30)", (uid, skills))
        cur = db.execute("INSERT INTO jobs (account_id, location_id, service_id, technician_id, status, "
                         "planned_start, planned_end, created_at) VALUES (?, ?, ?, ?, 'en_route', ?, ?, ?)",
                         (account, location, service, uid, now, now + 7200, now))
        jobs.append(("route%d@bench.example.com" % n, "DS-%06d" % cur.lastrowid))
    db.commit()
    db.close()
    return jobs


async def http(host, port, request):
    """One request on a fresh connection; (status, body)."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(request)
    await writer.drain()
    status, body = await read_response(reader)
    writer.close()
    return status, body


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        if line.lower().startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    body = await reader.readexactly(length) if length else b""
    return status, body


def post(path, cookie, form):
    body = form.encode()
    return (("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\nAccept: application/json\r\n"
             "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n")
            % (path, cookie, len(body))).encode() + body


async def technician(host, port, cookie, visit, until, latencies, statuses):
    reader, writer = await asyncio.open_connection(host, port)
    step = 0
    while time.monotonic() < until:
        step += 1
        # Wandering about 5 km north of the place: never there.
        form = "visit=%s&latitude=%.6f&longitude=13.41&accuracy=10" % (visit, 52.58 + (step % 100) * 0.0001)
        started = time.monotonic()
        writer.write(post("/api/share-position", cookie, form))
        await writer.drain()
        status, _ = await read_response(reader)
        latencies.append(time.monotonic() - started)
        statuses.append(status)
    writer.close()


async def positions(host, port, sessions):
    latencies, statuses = [], []
    until = time.monotonic() + SECONDS
    await asyncio.gather(*(technician(host, port, cookie, visit, until, latencies, statuses)
                           for cookie, visit in sessions))
    return latencies, statuses


async def open_stream(host, port, cookie, after):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(("GET /events?after=%d HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n"
                  "Accept: text/event-stream\r\n\r\n" % (after, cookie)).encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    if b" 200 " not in head.split(b"\r\n", 1)[0]:
        raise SystemExit("a stream was refused: %r" % head[:80])
    return reader, writer


async def wait_for(reader, needle):
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("stream closed")
        if needle in line:
            return time.monotonic()


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def fan_out(host, port, pid, office, tech_cookie, visit, after):
    before = rss_kb(pid)
    streams = []
    for i in range(0, STREAMS, 250):
        streams += await asyncio.gather(*(open_stream(host, port, office, after)
                                          for _ in range(min(250, STREAMS - i))))
    await asyncio.sleep(1)
    grown = rss_kb(pid) - before
    job = int(visit.split("-")[1])
    needle = b'"visit":%d' % job
    waiters = [asyncio.ensure_future(wait_for(r, needle)) for r, _ in streams]
    sent = time.monotonic()
    status, body = await http(host, port, post("/api/share-position", tech_cookie,
                                                "visit=%s&latitude=52.6&longitude=13.41" % visit))
    if status != 200:
        raise SystemExit("the position was refused: %d %r" % (status, body[:120]))
    arrivals = await asyncio.wait_for(asyncio.gather(*waiters), timeout=30)
    for _, w in streams:
        w.close()
    return [a - sent for a in arrivals], grown


def main():
    binary = sys.argv[1]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server, port, base, data = bench.start_server(binary)
    failures = []
    try:
        bench.wait_ready(base)
        jobs = add_technicians_on_the_way(data)
        sessions = []
        for n, (email, visit) in enumerate(jobs):
            # Each from its own address: a crowd of phones, not one client.
            sessions.append((bench.sign_in(base, email, PASSWORD, ip="198.51.100.%d" % (n % 250 + 1)), visit))
        print("Live updates (release server, embedded SQLite, loopback, 2 cores shared with the clients)")
        latencies, statuses = asyncio.run(positions("127.0.0.1", port, sessions))
        ok = statuses.count(200)
        others = sorted(set(s for s in statuses if s != 200))
        p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 100 else float("nan")
        print("  positions from %d technicians on the way: %.0f accepted/s, p99 %.1f ms%s" % (
            TECHNICIANS, ok / SECONDS, p99,
            (" (other answers: %s)" % ", ".join("%d x %d" % (statuses.count(s), s) for s in others)) if others else ""))
        if others:
            failures.append("positions were refused: %s" % others)

        office = bench.sign_in(base, "dispatch@example.com", PASSWORD, ip="198.51.100.251")
        db = sqlite3.connect(os.path.join(data, "doorstep.db"))
        after = db.execute("SELECT MAX(seq) FROM events").fetchone()[0] or 0
        db.close()
        tech_cookie, visit = sessions[0]
        delays, grown = asyncio.run(fan_out("127.0.0.1", port, server.pid, office, tech_cookie, visit, after))
        worst = max(delays) * 1000
        per = grown * 1024 / STREAMS
        print("  one event to %d open streams: the last had it after %.0f ms (median %.0f ms; goal < 1000 ms)" % (
            STREAMS, worst, statistics.median(delays) * 1000))
        print("  server memory per open stream: %.1f KB (resident size grew %.1f MB; goal < 64 KB)" % (
            per / 1024, grown / 1024))
        if worst >= 1000:
            failures.append("fan-out to %d streams took %.0f ms" % (STREAMS, worst))
        if per >= 64 * 1024:
            failures.append("%.1f KB per open stream" % (per / 1024))
    finally:
        server.terminate()
        server.wait(timeout=10)
    if failures:
        print("\nGoals missed:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
