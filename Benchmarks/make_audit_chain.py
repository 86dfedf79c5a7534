#!/usr/bin/env python3
"""Writes a valid audit chain of N events into an Anslut SQLite database, using only the canonical encoding
documented in README.md (an independent implementation: if the Swift side disagrees, verify fails)."""
import datetime
import hashlib
import json
import sqlite3
import sys


def netstring(text: str) -> bytes:
    data = text.encode()
    return str(len(data)).encode() + b":" + data + b","


def main(path: str, count: int) -> None:
    db = sqlite3.connect(path)
    db.execute("DELETE FROM audit_events")
    start = datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc)
    previous = "0" * 64
    rows = []
    for sequence in range(1, count + 1):
        at = start + datetime.timedelta(milliseconds=sequence * 37)
        occurred_at = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
        actor = f"user:{sequence % 97}"
        action = "case.tick"
        subject = f"case:BFR-2026-{sequence % 5000:04d}"
        payload = json.dumps({"item": f"del2.test.{sequence % 40}", "state": "done", "version": sequence % 13},
                             sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(b"anslut-audit-v1" + b"".join(
            netstring(field) for field in (str(sequence), occurred_at, actor, action, subject, payload, previous)
        )).hexdigest()
        rows.append((sequence, occurred_at, actor, action, subject, payload, previous, digest))
        previous = digest
        if len(rows) == 50_000:
            db.executemany("INSERT INTO audit_events VALUES (?,?,?,?,?,?,?,?)", rows)
            rows.clear()
    db.executemany("INSERT INTO audit_events VALUES (?,?,?,?,?,?,?,?)", rows)
    db.commit()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
