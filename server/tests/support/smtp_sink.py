#!/usr/bin/python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd): every message it
receives is written to a directory, as sent (N.eml) and read (N.json: envelope, headers, the
decoded subject and text), so a test can check what a citizen would get.

    /usr/bin/python3 smtp_sink.py --dir DIR [--port 0] [--exit-on-stdin-eof]

Prints "listening on 127.0.0.1:PORT" once it accepts connections. Runs until SIGTERM/SIGINT, or
until its standard input closes with --exit-on-stdin-eof (so it never outlives the test that
started it). Files appear atomically (written, then renamed), numbered from 1.
"""
import argparse
import asyncio
import json
import os
import signal
import sys
from email import message_from_bytes, policy

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    def _write(self, name, data):
        tmp = os.path.join(self.directory, f".{name}.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.directory, name))

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        msg = message_from_bytes(raw, policy=policy.default)
        body = msg.get_body(preferencelist=("plain",))
        parsed = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "headers": [[k, str(v)] for k, v in msg.items()],
            "subject": str(msg.get("Subject", "")),
            "text": body.get_content() if body is not None else "",
        }
        self.count += 1
        n = self.count
        self._write(f"{n}.eml", raw)
        self._write(f"{n}.json", json.dumps(parsed, ensure_ascii=False).encode("utf-8"))
        return "250 Message accepted for delivery"


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--exit-on-stdin-eof", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    loop = asyncio.get_running_loop()
    handler = Sink(args.dir)
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test"), args.host, args.port)
    port = server.sockets[0].getsockname()[1]
    print(f"listening on {args.host}:{port}", flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.exit_on_stdin_eof:
        def on_stdin():
            if not os.read(sys.stdin.fileno(), 4096):
                loop.remove_reader(sys.stdin.fileno())
                stop.set()
        loop.add_reader(sys.stdin.fileno(), on_stdin)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
