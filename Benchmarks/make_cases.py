#!/usr/bin/env python3
"""Fills an Anslut SQLite database (already migrated, definitions published) with N cases and M item states
per case, spread over both platforms, 200 organisations and every status, for the API load benchmark.
Writes the ids of 1,000 in_progress BFR cases to stdout, one per line, for the benchmark's request paths."""
import json
import random
import sqlite3
import sys
import uuid

STATUSES = ["draft", "submitted", "triage", "queued", "in_progress", "returned_for_completion", "on_hold",
            "in_production", "closed", "rejected", "withdrawn"]
WEIGHTS = [5, 5, 5, 10, 30, 5, 5, 20, 10, 3, 2]


def main(path: str, cases: int, items_per_case: int) -> None:
    random.seed(4711)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    definitions = {}
    for definition_id, version, platform, content_hash, document in db.execute(
            "SELECT definition_id, version, platform, content_hash, document FROM process_definitions"):
        doc = json.loads(document)
        items = [item["id"] for phase in doc["phases"] for section in phase["sections"] for item in section["items"]]
        phases = [phase["id"] for phase in doc["phases"]]
        definitions[platform] = (definition_id, version, content_hash, items, phases)
    # Half the cases on each platform; TakeCare's process is shorter, so BFR cases carry more item states to
    # make the average items_per_case.
    short = min(len(d[3]) for d in definitions.values())
    take = {platform: min(len(d[3]), short if len(d[3]) == short else 2 * items_per_case - short)
            for platform, d in definitions.items()}
    organisations = []
    for index in range(200):
        org_id = str(uuid.UUID(int=random.getrandbits(128))).upper()
        organisations.append(org_id)
        db.execute("INSERT INTO organisations (id, organisationsnummer, name, created_at) VALUES (?,?,?,?)",
                   (org_id, f"55{index:08d}", f"Vårdgivare {index}", 1.79e9))
    creator = str(uuid.uuid4()).upper()
    in_progress = []
    case_rows, item_rows = [], []
    for serial in range(1, cases + 1):
        platform = "BFR" if serial % 2 else "TAKECARE"
        definition_id, version, content_hash, items, phases = definitions[platform]
        case_id = str(uuid.UUID(int=random.getrandbits(128))).upper()
        status = random.choices(STATUSES, WEIGHTS)[0]
        if status == "in_progress" and platform == "BFR" and len(in_progress) < 1000:
            in_progress.append(case_id)
        updated = 1.70e9 + random.random() * 9e7
        fields = json.dumps({"system_name": f"System {serial}", "purpose": "Bildlagring"}, sort_keys=True,
                            separators=(",", ":"), ensure_ascii=False)
        case_rows.append((case_id, f"{platform}-2026-{serial:06d}", platform, random.choice(organisations), creator,
                          status, None, random.choice(phases), definition_id, version, content_hash, fields, f"System {serial}",
                          random.randint(1, 200), updated - 1e6, updated))
        for item in items[:take[platform]]:
            item_status = random.choice(["done", "done", "open", "not_applicable"])
            # The engine asks a reason of every item marked not applicable.
            reason = "Gäller inte modaliteten" if item_status == "not_applicable" else None
            item_rows.append((str(uuid.UUID(int=random.getrandbits(128))).upper(), case_id, item, item_status,
                              creator, updated, reason, "[]"))
        if len(item_rows) >= 200_000:
            flush(db, case_rows, item_rows)
    flush(db, case_rows, item_rows)
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    print("\n".join(in_progress))


def flush(db, case_rows, item_rows):
    db.executemany(
        "INSERT INTO cases (id, number, platform, organisation_id, created_by, status, resume_status, current_phase,"
        " definition_id, definition_version, definition_hash, fields, system_name, version, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", case_rows)
    db.executemany(
        "INSERT INTO case_items (id, case_id, item_id, status, changed_by, changed_at, reason, evidence)"
        " VALUES (?,?,?,?,?,?,?,?)", item_rows)
    case_rows.clear()
    item_rows.clear()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
