#!/usr/bin/python3
"""The table of bench/news.sh from its raw lines, and bench/results/news-latest.json.

    news_report.py RESULTS SUBSCRIBERS CPUS JSON_OUT

RESULTS lines: "queue ENGINE ROWS ANTQ_S REF_S", "delivery ENGINE N MESSAGES SECONDS",
"sinkref kept|per-message N MESSAGES SECONDS RATE", "public ENGINE RPS ITEMS", "nginx before|after RPS".
"""
import json
import os
import sys
from datetime import datetime, timezone

QUEUE_TARGET_S = 5.0
PUBLIC_TARGET = 0.5


def main():
    path, subscribers, cpus, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    queue, delivery, sinkref, public, nginx, pg, units, busy = [], [], {}, [], {}, {}, {}, 0
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f:
            continue
        if f[0] == "queue":
            queue.append({"engine": f[1], "rows": int(f[2]), "seconds": float(f[3]), "reference_seconds": float(f[4])})
        elif f[0] == "delivery":
            delivery.append({"engine": f[1], "senders": int(f[2]), "messages": int(f[3]), "seconds": float(f[4])})
        elif f[0] == "sinkref":
            sinkref[(f[1], int(f[2]))] = {"messages": int(f[3]), "seconds": float(f[4]), "rate": float(f[5])}
        elif f[0] == "public":
            public.append({"engine": f[1], "rps": float(f[2]), "items": int(f[3])})
        elif f[0] == "nginx":
            nginx[f[1]] = float(f[2])
        elif f[0] == "units":
            units[f[1]] = float(f[2])
        elif f[0] == "busy":
            busy = int(f[1])
        elif f[0] == "pg":
            pg = {"fsync": f[1], "synchronous_commit": f[2]}

    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(f"\nANTQ news benchmark — {now} — {cpus} CPU(s) shared by the server, the database, the sink and the clients")
    print(f"CPU busy with other work just before the run: {busy}%{' (the figures will be noisy)' if busy > 20 else ''}")
    if pg.get("fsync") == "off" or pg.get("synchronous_commit") == "off":
        print(f"PostgreSQL with fsync={pg.get('fsync')}, synchronous_commit={pg.get('synchronous_commit')} "
              "(scripts/with-postgres.sh): NOT DURABLE, its figures are an upper bound")
    print(f"\nqueue one urgent warning to {subscribers:,} confirmed subscribers (publish request → every delivery row committed)")
    print("  reference: the module's INSERT … SELECT (deliveries.sql kQueuePost) alone, sqlite3/psql, on a copy of the same data")
    for q in queue:
        q["ratio"] = q["reference_seconds"] / q["seconds"] if q["seconds"] > 0 else 0
        q["verdict"] = "PASS" if q["seconds"] <= QUEUE_TARGET_S and q["rows"] == subscribers else "FAIL"
        print(f"  {q['engine']:10s} {q['rows']:>7,} rows in {q['seconds']:6.2f} s (target ≤ {QUEUE_TARGET_S:.0f} s: {q['verdict']}); "
              f"statement alone {q['reference_seconds']:.2f} s; ratio {q['ratio']:.2f}")

    print("\ndelivery to the SMTP sink (smtp_sink.py, aiosmtpd; one libcurl connection per message)")
    print("  reference: the sink's accept rate from python smtplib over N connections kept open, the same message, as many as antq sent")
    for d in delivery:
        rate = d["messages"] / d["seconds"] if d["seconds"] > 0 else 0
        kept, per = sinkref.get(("kept", d["senders"])), sinkref.get(("per-message", d["senders"]))
        d["rate"] = rate
        d["sink_rate_kept"] = kept["rate"] if kept else None
        d["sink_rate_per_message"] = per["rate"] if per else None
        d["ratio"] = rate / kept["rate"] if kept else None
        d["ratio_per_message"] = rate / per["rate"] if per else None
        ref = f"sink {kept['rate']:,.0f}/s → ratio {d['ratio']:.2f}" if kept else "no reference"
        if per:
            ref += f"; sink with a connection per message {per['rate']:,.0f}/s → ratio {d['ratio_per_message']:.2f}"
        stalled = " STALLED: no message in the window" if d["messages"] == 0 else ""
        print(f"  {d['engine']:10s} news_senders={d['senders']}: {d['messages']:,} messages in {d['seconds']:.1f} s = {rate:,.0f}/s; {ref}{stalled}")

    ref = (nginx.get("before", 0) + nginx.get("after", 0)) / max(1, len(nginx))
    spread = abs(nginx.get("before", 0) - nginx.get("after", 0)) * 200 / (nginx.get("before", 0) + nginx.get("after", 0) or 1)
    print("\nGET /api/v1/public/news?unit= with wrk (keep-alive, loopback)")
    print(f"  reference: nginx serving the same answer as a static file, {nginx.get('before', 0):,.0f} req/s before and "
          f"{nginx.get('after', 0):,.0f} after (mean {ref:,.0f}; {spread:.0f}% apart{', NOISY: rerun' if spread > 15 else ''})")
    for p in public:
        p["ratio"] = p["rps"] / ref if ref else 0
        p["verdict"] = "PASS" if p["ratio"] >= PUBLIC_TARGET else "BELOW TARGET"
        p["units_rps"] = units.get(p["engine"])
        scale = f"; GET /api/v1/units/CODE on the same server {p['units_rps']:,.0f} req/s (ratio {p['units_rps'] / ref:.2f})" if p["units_rps"] and ref else ""
        print(f"  {p['engine']:10s} {p['rps']:>9,.0f} req/s ({p['items']} items); ratio {p['ratio']:.2f} (target ≥ {PUBLIC_TARGET}: {p['verdict']}){scale}")

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump({"generated_at": now, "cpus": int(cpus), "cpu_busy_before_pct": busy, "subscribers": subscribers, "queue": queue, "delivery": delivery,
                   "public": public, "nginx_rps": nginx, "postgresql": pg, "nginx_spread_pct": round(spread, 1)}, f, indent=2)
    os.replace(out + ".tmp", out)
    print(f"\nwritten: bench/results/{os.path.basename(out)}")


if __name__ == "__main__":
    main()
