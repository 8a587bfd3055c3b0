"""Conversations under load, against the release server on the embedded SQLite (demo data):

1,000 chat clients: 500 customers and the 500 technicians of their visits, each with the
visit's page open, following the live stream as the chat island does (on a message or a
read of its thread it fetches the page again, which marks it read). Every customer writes
to their technician every SECONDS_BETWEEN seconds (staggered) for SECONDS seconds: messages
accepted per second, and for every message the time from sending it until both open pages
show it (the event arrived and the page was fetched again; goal p99 < 250 ms).

Usage: bench_chat.py PATH-TO-doorstep. Exits non-zero if the goal is missed.
"""

import asyncio
import concurrent.futures
import os
import random
import resource
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import bench  # noqa: E402
from bench_live import read_response  # noqa: E402

PAIRS = int(os.environ.get("BENCH_CHAT_PAIRS", "500"))
SECONDS = 15
SECONDS_BETWEEN = 5.0
PASSWORD = "doorstep-demo"
GOAL_MS = 250


def add_pairs(data):
    """PAIRS customer accounts, each with a place and a visit assigned to its own technician."""
    db = sqlite3.connect(os.path.join(data, "doorstep.db"))
    now = int(time.time())
    hash_ = db.execute("SELECT password_hash FROM users WHERE email = 'tomas@example.com'").fetchone()[0]
    skills = db.execute("SELECT skills FROM services WHERE name = 'Standard clean'").fetchone()[0]
    service = db.execute("SELECT id FROM services WHERE name = 'Standard clean'").fetchone()[0]
    pairs = []
    for n in range(PAIRS):
        cur = db.execute("INSERT INTO users (email, name, password_hash, created_at, email_verified_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         ("tech%d@chat.example.com" % n, "Chat Technician %d" % n, hash_, now, now))
        tech = cur.lastrowid
        db.execute("INSERT INTO staff_profiles (user_id, role, created_at) VALUES (?, 'technician', ?)", (tech, now))
        db.execute("INSERT INTO technicians (user_id, skills, home_lat, home_lng, area_lat, area_lng, "
                   "area_radius_km) VALUES (?, ?, 52.5, 13.4, 52.5, 13.4, 30)", (tech, skills))
        cur = db.execute("INSERT INTO users (email, name, password_hash, created_at, email_verified_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         ("customer%d@chat.example.com" % n, "Chat Customer %d" % n, hash_, now, now))
        customer = cur.lastrowid
        account = db.execute("INSERT INTO customer_accounts (name, kind, created_at) VALUES (?, 'household', ?)",
                             ("Household %d" % n, now)).lastrowid
        db.execute("INSERT INTO memberships (user_id, account_id, role, created_at) VALUES (?, ?, 'owner', ?)",
                   (customer, account, now))
        location = db.execute("INSERT INTO locations (account_id, label, line1, postal_code, city, country, "
                              "latitude, longitude, created_at) VALUES (?, 'Home', ?, '10435', 'Berlin', 'DE', "
                              "52.54, 13.41, ?)", (account, "Street %d" % n, now)).lastrowid
        job = db.execute("INSERT INTO jobs (account_id, location_id, service_id, technician_id, status, "
                         "planned_start, planned_end, created_at) VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?)",
                         (account, location, service, tech, now + 86400, now + 86400 + 7200, now)).lastrowid
        pairs.append(("customer%d@chat.example.com" % n, "tech%d@chat.example.com" % n, "DS-%06d" % job))
    db.commit()
    db.close()
    return pairs


def multipart(fields):
    boundary = "----doorstepbench%d" % random.randrange(1 << 30)
    body = "".join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)
                   for k, v in fields) + "--%s--\r\n" % boundary
    return boundary, body.encode()


class Client:
    """One open visit page: its live stream, and fetching the page again as the island does."""

    def __init__(self, host, port, cookie, visit):
        self.host, self.port, self.cookie, self.visit = host, port, cookie, visit
        self.job = int(visit.split("-")[1])
        self.shown = 0          # message events whose page fetch has completed
        self.heard = 0          # message events received
        self.busy = False
        self.again = False
        self.deliveries = {}    # message number -> time its page was shown
        self.page = None        # (reader, writer) kept alive for page fetches
        self.fetches = 0

    async def open(self, after):
        reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(("GET /events?after=%d HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n"
                      "Accept: text/event-stream\r\n\r\n" % (after, self.cookie)).encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise SystemExit("a stream was refused: %r" % head[:80])
        self.stream = (reader, writer)
        self.page = await asyncio.open_connection(self.host, self.port)

    async def follow(self):
        reader, _ = self.stream
        needle = b'"visit":%d' % self.job
        while True:
            line = await reader.readline()
            if not line:
                return
            if not line.startswith(b"data:") or needle not in line:
                continue
            if b'"kind":"message"' in line:
                self.heard += 1
                self.refresh()
            elif b'"kind":"seen"' in line:
                self.refresh()

    def refresh(self):
        if self.busy:
            self.again = True
            return
        self.busy = True
        asyncio.ensure_future(self._refresh())

    async def _refresh(self):
        while True:
            self.again = False
            upto = self.heard
            await self.fetch()
            now = time.monotonic()
            for n in range(self.shown + 1, upto + 1):
                self.deliveries[n] = now
            self.shown = max(self.shown, upto)
            if not self.again:
                break
        self.busy = False

    async def fetch(self):
        reader, writer = self.page
        writer.write(("GET /visits/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n"
                      "Accept-Encoding: identity\r\n\r\n" % (self.visit, self.cookie)).encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = None
        chunked = False
        for line in lines[1:]:
            low = line.lower()
            if low.startswith("content-length:"):
                length = int(line.split(":", 1)[1])
            if low.startswith("transfer-encoding:") and "chunked" in low:
                chunked = True
        if chunked:
            while True:
                size = int((await reader.readline()).strip(), 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await reader.readexactly(length)
        self.fetches += 1


async def send_loop(host, port, customer, visit, start_at, until, sends, statuses):
    reader, writer = await asyncio.open_connection(host, port)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    n = 0
    while time.monotonic() < until:
        n += 1
        boundary, body = multipart([("thread", visit), ("body", "Message %d" % n), ("key", "%s-%d" % (visit, n))])
        started = time.monotonic()
        writer.write(("POST /api/send-message HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n"
                      "Accept: application/json\r\nContent-Type: multipart/form-data; boundary=%s\r\n"
                      "Content-Length: %d\r\n\r\n" % (customer, boundary, len(body))).encode() + body)
        await writer.drain()
        status, _ = await read_response(reader)
        statuses.append(status)
        sends.append((visit, n, started))
        await asyncio.sleep(max(0.0, started + SECONDS_BETWEEN - time.monotonic()))
    writer.close()


async def run(port, sessions, after):
    host = "127.0.0.1"
    clients = {}
    for customer, tech, visit in sessions:
        clients[visit] = (Client(host, port, customer, visit), Client(host, port, tech, visit))
    everyone = [c for pair in clients.values() for c in pair]
    for i in range(0, len(everyone), 200):
        await asyncio.gather(*(c.open(after) for c in everyone[i:i + 200]))
    followers = [asyncio.ensure_future(c.follow()) for c in everyone]
    await asyncio.sleep(1)
    sends, statuses = [], []
    begin = time.monotonic()
    until = begin + SECONDS
    await asyncio.gather(*(send_loop(host, port, customer, visit, begin + random.random() * SECONDS_BETWEEN,
                                     until, sends, statuses)
                           for customer, _, visit in sessions))
    # Let the last messages arrive.
    await asyncio.sleep(3)
    delays, missing = [], 0
    for visit, n, started in sends:
        for client in clients[visit]:
            shown = client.deliveries.get(n)
            if shown is None:
                missing += 1
            else:
                delays.append(shown - started)
    for f in followers:
        f.cancel()
    fetches = sum(c.fetches for c in everyone)
    return sends, statuses, delays, missing, fetches, time.monotonic() - begin


def main():
    binary = sys.argv[1]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server, port, base, data = bench.start_server(binary)
    failures = []
    try:
        bench.wait_ready(base)
        pairs = add_pairs(data)

        def both(item):
            n, (customer, tech, visit) = item
            ip = lambda k: "10.%d.%d.%d" % (k // 65536 % 256, k // 256 % 256, k % 256 + 1)
            return (bench.sign_in(base, customer, PASSWORD, ip=ip(2 * n)),
                    bench.sign_in(base, tech, PASSWORD, ip=ip(2 * n + 1)), visit)

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            sessions = list(pool.map(both, enumerate(pairs)))
        db = sqlite3.connect(os.path.join(data, "doorstep.db"))
        after = db.execute("SELECT MAX(seq) FROM events").fetchone()[0] or 0
        db.close()
        print("Conversations (release server, embedded SQLite, loopback, 2 cores shared with the clients)")
        sends, statuses, delays, missing, fetches, took = asyncio.run(run(port, sessions, after))
        ok = statuses.count(200)
        others = sorted(set(s for s in statuses if s != 200))
        print("  %d chat clients (%d threads), each customer writing every %.0f s for %d s: "
              "%d messages accepted (%.1f/s)%s" % (
                  2 * len(sessions), len(sessions), SECONDS_BETWEEN, SECONDS, ok, ok / SECONDS,
                  (" (other answers: %s)" % others) if others else ""))
        if delays:
            p50 = statistics.median(delays) * 1000
            p99 = statistics.quantiles(delays, n=100)[98] * 1000 if len(delays) > 100 else max(delays) * 1000
            print("  send to shown on both open pages (event, then the page fetched again): "
                  "p50 %.0f ms, p99 %.0f ms (goal p99 < %d ms); %d page fetches, %d deliveries missing" % (
                      p50, p99, GOAL_MS, fetches, missing))
            if p99 >= GOAL_MS:
                failures.append("chat p99 send to delivery %.0f ms" % p99)
        if missing or others:
            failures.append("%d deliveries missing, other answers %s" % (missing, others))
    finally:
        server.terminate()
        server.wait(timeout=10)
    if failures:
        print("\nGoals missed:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
