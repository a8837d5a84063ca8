#!/usr/bin/python3
"""Helpers of bench/news.sh (issue 15's benchmark).

  news_helper.py seed --engine sqlite|postgresql --db PATH_OR_URL --key HEX --count N --province CODE
      N confirmed subscribers to warnings, spread over the communes and villages of the province,
      written straight into news_subscriptions the way the news module writes them: the address
      sealed with the data key (libsodium secretbox, "v1.<key id>.<base64url>", purpose
      "news-subscriber-email") beside its keyed hash (BLAKE2b with the purpose's subkey), as
      server/src/core/keyring.cpp does. Addresses r000001@example.vn … Prints the seconds it took.

  news_helper.py smtp-ref --port P --eml FILE --messages M --connections N [--per-message]
      The SMTP sink's own accept rate from a trivial client: M copies of FILE (a message the
      server sent) over N threads, each with one connection kept open (or, with --per-message, a
      new connection per message, as libcurl does). Prints "messages seconds rate".
"""
import argparse
import base64
import ctypes
import ctypes.util
import hashlib
import os
import smtplib
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

PURPOSE = "news-subscriber-email"


class Keyring:
    """The current key of a one-key ring (ANTQ_DATA_KEY), as core/keyring.cpp uses it."""

    def __init__(self, key_hex):
        self.master = bytes.fromhex(key_hex)
        if len(self.master) != 32:
            raise SystemExit("the data key must be 64 hex digits")
        self.id = hashlib.blake2b(self.master, digest_size=32).hexdigest()[:12]
        name = ctypes.util.find_library("sodium") or "libsodium.so.23"
        self.sodium = ctypes.CDLL(name)
        if self.sodium.sodium_init() < 0:
            raise SystemExit("libsodium did not initialise")
        self.seal_key = self._subkey("seal:" + PURPOSE)
        self.hash_key = self._subkey("hash:" + PURPOSE)

    def _subkey(self, purpose):
        return hashlib.blake2b(purpose.encode(), key=self.master, digest_size=32).digest()

    def seal(self, plain):
        data = plain.encode()
        nonce = os.urandom(24)  # crypto_secretbox_NONCEBYTES
        out = ctypes.create_string_buffer(len(data) + 16)  # + crypto_secretbox_MACBYTES
        if self.sodium.crypto_secretbox_easy(out, data, ctypes.c_ulonglong(len(data)), nonce, self.seal_key) != 0:
            raise SystemExit("crypto_secretbox_easy failed")
        box = nonce + out.raw
        return "v1." + self.id + "." + base64.urlsafe_b64encode(box).decode().rstrip("=")

    def keyed_hash(self, value):
        return self.id + ":" + hashlib.blake2b(value.encode(), key=self.hash_key, digest_size=32).hexdigest()


def psql(url, sql, stdin=None):
    r = subprocess.run(["psql", "-XtAq", "-v", "ON_ERROR_STOP=1", url, "-c", sql], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("psql: " + r.stderr)
    return r.stdout


UNITS_SQL = ("SELECT u.id FROM units u JOIN units p ON u.path LIKE p.path || '%' WHERE p.code = '{code}' AND p.active = 1 "
             "AND u.active = 1 AND u.kind IN ('commune', 'village') ORDER BY u.id")
COLUMNS = "unit_id, email_sealed, email_hash, kinds, status, created_at, confirmed_at"


def seed(a):
    t0 = time.monotonic()
    keys = Keyring(a.key)
    t = datetime.now(timezone.utc)
    now = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"  # as core/time.cpp writes it
    sql = UNITS_SQL.format(code=a.province.replace("'", ""))
    if a.engine == "sqlite":
        db = sqlite3.connect(a.db)
        units = [r[0] for r in db.execute(sql)]
    else:
        units = [int(x) for x in psql(a.db, sql).split()]
    if not units:
        raise SystemExit(f"no unit under {a.province}")
    rows = []
    for n in range(1, a.count + 1):
        email = f"r{n:06d}@example.vn"
        rows.append((units[n % len(units)], keys.seal(email), keys.keyed_hash(email), "warning", "active", now, now))
    if a.engine == "sqlite":
        with db:
            db.executemany(f"INSERT INTO news_subscriptions ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        db.close()
    else:
        text = "".join(",".join(str(v) for v in r) + "\n" for r in rows)  # no commas or quotes in any value
        psql(a.db, f"\\copy news_subscriptions ({COLUMNS}) FROM STDIN WITH (FORMAT csv)", stdin=text)
        # Statistics, as a live server has them (autovacuum analyses a table within a minute of a
        # bulk change): without them PostgreSQL plans kQueuePost as a scan of the units by path for
        # every subscriber, about 0.3 ms each (33 s for 100,000), instead of a lookup.
        psql(a.db, "ANALYZE")
    print(f"{time.monotonic() - t0:.2f}")


def smtp_ref(a):
    with open(a.eml, "rb") as f:
        raw = f.read()
    per = [a.messages // a.connections + (1 if i < a.messages % a.connections else 0) for i in range(a.connections)]
    errors = []

    def client(i, count):
        try:
            s = None
            for n in range(count):
                if s is None:
                    s = smtplib.SMTP("127.0.0.1", a.port)
                s.sendmail("no-reply@antq.example.vn", [f"ref{i}-{n}@example.vn"], raw)
                if a.per_message:
                    s.quit()
                    s = None
            if s is not None:
                s.quit()
        except Exception as e:  # noqa: BLE001 (reported, the figure is then void)
            errors.append(repr(e))

    threads = [threading.Thread(target=client, args=(i, c)) for i, c in enumerate(per)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    secs = time.monotonic() - t0
    if errors:
        print("smtp-ref errors: " + "; ".join(errors[:3]), file=sys.stderr)
        sys.exit(1)
    print(f"{a.messages} {secs:.3f} {a.messages / secs:.1f}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--engine", choices=["sqlite", "postgresql"], required=True)
    s.add_argument("--db", required=True)
    s.add_argument("--key", required=True)
    s.add_argument("--count", type=int, required=True)
    s.add_argument("--province", required=True)
    r = sub.add_parser("smtp-ref")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--eml", required=True)
    r.add_argument("--messages", type=int, required=True)
    r.add_argument("--connections", type=int, required=True)
    r.add_argument("--per-message", action="store_true")
    a = ap.parse_args()
    seed(a) if a.cmd == "seed" else smtp_ref(a)


if __name__ == "__main__":
    main()
