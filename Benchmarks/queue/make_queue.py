#!/usr/bin/env python3
"""Fills a migrated Anslut SQLite database with N assessed BFR cases waiting in the queue (every tenth still in
triage), each with a current assessment made with the published BFR matrix, from 200 organisations, plus one
applicant organisation's own case; for Benchmarks/queue/run.sh. Prints the id of one queued case to re-assess."""
import json
import random
import sqlite3
import sys
import uuid


def main(path: str, count: int, applicant_org: str, coordinator: str) -> None:
    random.seed(4711)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    definition_id, version, content_hash, document = db.execute(
        "SELECT definition_id, version, content_hash, document FROM process_definitions WHERE platform = 'BFR'"
        " ORDER BY version DESC LIMIT 1").fetchone()
    phases = [phase["id"] for phase in json.loads(document)["phases"]]
    matrix_id, matrix_version, matrix_hash, matrix_doc = db.execute(
        "SELECT matrix_id, version, content_hash, document FROM assessment_matrices WHERE platform = 'BFR'"
        " ORDER BY version DESC LIMIT 1").fetchone()
    criteria = json.loads(matrix_doc)["criteria"]
    organisations = [applicant_org]
    for index in range(200):
        org_id = str(uuid.UUID(int=random.getrandbits(128))).upper()
        organisations.append(org_id)
        db.execute("INSERT INTO organisations (id, organisationsnummer, name, created_at) VALUES (?,?,?,?)",
                   (org_id, f"55{index:08d}", f"Vårdgivare {index}", 1.79e9))
    target = None
    for index in range(count):
        case_id = str(uuid.UUID(int=random.getrandbits(128))).upper()
        status = "triage" if index % 10 == 0 else "queued"
        submitted = 1.79e9 + index * 60
        org = organisations[index % len(organisations)]
        db.execute(
            "INSERT INTO cases (id, number, platform, organisation_id, created_by, status, resume_status, current_phase,"
            " definition_id, definition_version, definition_hash, fields, version, created_at, updated_at, system_name,"
            " submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case_id, f"BFR-2025-{index:05d}", "BFR", org, coordinator, status, None,
             phases[0] if status == "triage" else phases[1], definition_id, version, content_hash, "{}", 3,
             submitted, submitted, f"System {index}", submitted))
        scores = [{"criterion": c["id"], "value": random.choice(c["values"]), "weight": c.get("weight", 1),
                   "rationale": "Enligt beskrivningen."} for c in criteria]
        total = sum(s["value"] * s["weight"] for s in scores) + 1
        assessment = {"matrix": {"id": matrix_id, "version": matrix_version, "contentHash": matrix_hash},
                      "scores": scores, "employees": 10, "sizeClass": "liten", "sizePoints": 1, "notes": {},
                      "total": total}
        db.execute(
            "INSERT INTO case_assessments (id, case_id, sequence, is_current, matrix_id, matrix_version, matrix_hash,"
            " total, document, assessed_by, assessed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (str(uuid.uuid4()).upper(), case_id, 1, 1, matrix_id, matrix_version, matrix_hash, total,
             json.dumps(assessment, ensure_ascii=False), coordinator, submitted))
        if target is None and status == "queued" and org != applicant_org:
            target = case_id
    db.commit()
    print(target)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
