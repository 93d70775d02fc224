"""The performance benchmark of coffeechat (issue #9), run from the project root:

python -m bench run --scale personal [--database-url URL] [--requests 200] [--out FILE.md]
python -m bench generate --scale personal|centre|tiny [--database-url URL] [--users N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.database import BenchError
from bench.scales import SCALES, Scale


def _scale(args: argparse.Namespace) -> Scale:
    scale = SCALES[args.scale]
    return scale.with_users(args.users) if args.users else scale


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", choices=sorted(SCALES), required=True)
    parser.add_argument(
        "--database-url",
        default="",
        help="postgres://user@host:port/NAME (NAME must contain 'bench': it is dropped and "
        "recreated). Without it: SQLite in a new data directory. DATABASE_URL is ignored.",
    )
    parser.add_argument("--data-dir", help="A new or empty directory (default: a temporary one).")
    parser.add_argument("--users", type=int, help="Fewer (or more) users than the scale's.")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = main.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="Generate a scale into a fresh database.")
    _common(generate)
    run = commands.add_parser("run", help="Generate, serve, time every page, print the table.")
    _common(run)
    run.add_argument("--requests", type=int, default=200, help="Timed requests per target.")
    run.add_argument("--out", type=Path, help="Also write the Markdown report here.")
    run.add_argument("--keep", action="store_true", help="Keep the data directory and database.")
    run.add_argument("--rps-seconds", type=float, default=5.0)
    run.add_argument("--rps-threads", type=int, default=8)
    run.add_argument("--import-rows", type=int, default=30_000, help="0 skips the import.")
    run.add_argument("--max-seconds", type=float, default=60.0, help="Per target, at most.")
    run.add_argument("--note", default="", help="A line for the report (e.g. what else ran).")
    return main


def generate_command(args: argparse.Namespace) -> None:
    from bench.database import fresh_store, setup_django

    scale = _scale(args)
    store = fresh_store(args.database_url, args.data_dir)
    setup_django(store)
    from bench.generate import BENCH_PASSWORD, generate

    def progress(name: str, rows: int, seconds: float) -> None:
        print(f"  {name}: {rows:,} rows in {seconds:.1f} s", flush=True)

    print(f"Generating {scale.name} into {store.describe()}")
    generated = generate(scale, progress=progress)
    print(f"Generated in {generated.seconds:.1f} s.")
    url = f" DATABASE_URL={store.database_url}" if store.database_url else ""
    print(
        f"Serve it:  COFFEECHAT_DATA_DIR={store.data_dir}{url} coffeechat serve\n"
        f"Users bench0001 to bench{scale.users:04d}, password {BENCH_PASSWORD}; the benchmark "
        f"measures bench{scale.measured_user:04d}."
    )


def run_command(args: argparse.Namespace) -> None:
    from bench.run import Options, run

    options = Options(
        scale=_scale(args),
        database_url=args.database_url,
        data_dir=args.data_dir,
        requests=args.requests,
        out=args.out,
        keep=args.keep,
        rps_seconds=args.rps_seconds,
        rps_threads=args.rps_threads,
        import_rows=args.import_rows,
        max_seconds=args.max_seconds,
        note=args.note,
    )
    text = run(options).markdown()
    print(text)
    if options.out is not None:
        options.out.parent.mkdir(parents=True, exist_ok=True)
        options.out.write_text(text)
        print(f"Written to {options.out}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "generate":
            generate_command(args)
        else:
            run_command(args)
    except (BenchError, ValueError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
