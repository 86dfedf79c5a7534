#!/usr/bin/env python3
"""Copies the rows of an Anslut SQLite file into a PostgreSQL database that `anslut migrate` has given the same
schema, so that both engines serve the SAME data (ids, token, definitions, cases, item states) in
Benchmarks/api_compare.sh. Every table of the SQLite file that PostgreSQL also has is emptied there first and
then filled with COPY (Fluent's own _fluent_migrations stays as migrate left it). Values are converted by the
PostgreSQL column type: timestamps from SQLite's seconds since 1970, booleans from 0/1, uuid from text.
   sqlite_to_postgres.py SQLITE_FILE POSTGRES_URL        (needs psycopg 3: pip install "psycopg[binary]")"""
import datetime
import sqlite3
import sys
import time

import psycopg

SKIP = {"_fluent_migrations"}
UTC = datetime.timezone.utc


def converter(data_type: str):
    if data_type == "timestamp with time zone":
        return lambda v: datetime.datetime.fromtimestamp(v, UTC) if isinstance(v, (int, float)) else v
    if data_type == "timestamp without time zone":
        return lambda v: (datetime.datetime.fromtimestamp(v, UTC).replace(tzinfo=None)
                          if isinstance(v, (int, float)) else v)
    if data_type == "boolean":
        return lambda v: bool(v) if isinstance(v, int) else v
    if data_type in ("json", "jsonb", "text", "character varying", "uuid"):
        return lambda v: v.decode() if isinstance(v, bytes) else v
    return lambda v: v


def main(sqlite_path: str, url: str) -> None:
    lite = sqlite3.connect(sqlite_path)
    tables = [name for (name,) in lite.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if name not in SKIP]
    with psycopg.connect(url, autocommit=False) as pg:
        pg_columns = {}
        for table, column, data_type in pg.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = 'public'"):
            pg_columns.setdefault(table, {})[column] = data_type
        tables = [t for t in tables if t in pg_columns]
        missing = sorted(set(pg_columns) - set(tables) - SKIP)
        # Foreign keys are not checked while loading (the rows are consistent: they come from one database).
        pg.execute("SET session_replication_role = replica")
        pg.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        for table in tables:
            started = time.time()
            lite_columns = [row[1] for row in lite.execute(f'PRAGMA table_info("{table}")')]
            columns = [c for c in lite_columns if c in pg_columns[table]]
            extra = sorted(set(lite_columns) - set(columns))
            if extra:
                sys.exit(f"{table}: columns {extra} are in SQLite but not in PostgreSQL")
            convert = [converter(pg_columns[table][c]) for c in columns]
            names = ", ".join(f'"{c}"' for c in columns)
            count = 0
            with pg.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in lite.execute(f'SELECT {names} FROM "{table}"'):
                    copy.write_row([None if v is None else f(v) for f, v in zip(convert, row)])
                    count += 1
            print(f"  {table}: {count} rows ({time.time() - started:.1f} s)", file=sys.stderr)
        pg.execute("SET session_replication_role = DEFAULT")
        pg.commit()
        if missing:
            print(f"  not in the SQLite file, left as migrate made them: {', '.join(missing)}", file=sys.stderr)
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
