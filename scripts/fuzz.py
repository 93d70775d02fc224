"""Fuzz the parsers and linters with many more examples than the test suite runs.

Run from the project root:
    python scripts/fuzz.py [--examples 20000] [--db-examples N] [--only TEXT] [--seed N]

The targets are the test suite's own (tests/security/test_fuzz_*.py): the outreach lint, the
googleable check, the pitch timer, question placeholders, typed times and durations, the LinkedIn,
Google and vCard readers and importers, the JSON import, numbers, email and phone lists, tags,
the plan order, the scheduling form and the settings URLs. Targets that import into a database
use a fresh test database (SQLite in memory, or DATABASE_URL's server with a test_ prefix).
Prints the cases run per target; exits 1 when any target failed (its input is printed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("playbook", "time", "importers", "json_import", "forms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="per target")
    parser.add_argument(
        "--db-examples", type=int, help="per target that writes to the database (default: same)"
    )
    parser.add_argument("--only", default="", help="run the targets whose name holds this text")
    parser.add_argument("--seed", type=int, help="derandomize (the same inputs every run)")
    args = parser.parse_args()

    os.environ.setdefault("COFFEECHAT_DATA_DIR", tempfile.mkdtemp(prefix="coffeechat-fuzz-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]

    import importlib

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from tests.factories import InterviewFactory
    from tests.security.fuzzing import Target, run
    from tests.security.test_fuzz_importers import fuzz_account

    targets: list[Target] = []
    for name in MODULES:
        module = importlib.import_module(f"tests.security.test_fuzz_{name}")
        targets += [t for t in module.TARGETS if args.only.casefold() in t.name.casefold()]

    setup_test_environment()
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    print(f"database: {connection.vendor} ({test_database})", flush=True)
    failed: list[str] = []
    total = 0
    try:
        InterviewFactory(owner=fuzz_account())
        print(f"{'target':<40} {'cases':>8} {'seconds':>8}")
        for target in targets:
            examples = args.examples
            if target.needs_database and args.db_examples is not None:
                examples = args.db_examples
            started = time.perf_counter()
            try:
                cases = run(target, examples, seed=args.seed)
            except Exception:
                traceback.print_exc()
                failed.append(target.name)
                print(f"{target.name:<40} {'FAILED':>8}", flush=True)
                continue
            total += cases
            seconds = time.perf_counter() - started
            print(f"{target.name:<40} {cases:>8,} {seconds:>8.1f}", flush=True)
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
    print(f"{'all targets':<40} {total:>8,}")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
