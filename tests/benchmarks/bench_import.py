"""Imports and `list` as the rows grow: a LinkedIn Connections.csv (LinkedIn's own format, its
preamble lines included) of 3,000 and of 30,000 rows; `python -m infoint_tui import linkedin FILE
--db NEW` as a whole process in a pseudo-terminal (progress bar and all), then `list` and
`list --json` on the files it made. Sizes alternate, a first round is dropped; medians (min-max)
and the ratios of the largest to the smallest.

    python tests/benchmarks/bench_import.py [--runs 3] [--rows 3000,30000]

Goals (issue 12): import of 30,000 rows within 12x the time of 3,000; `list` within 4x.
Never fails on a result.
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Tree, alternate, machine, median, parser, setup, spread, table
from terminal import whole_process

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def connections_csv(rows: int) -> str:
    """A Connections.csv as LinkedIn exports it (tests/fixtures/linkedin_Connections.csv)."""
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for n in range(rows):
        writer.writerow(
            [
                f"Fïrst{n}",
                f"Lást{n}",
                f"https://www.linkedin.com/in/person-{n}-example",
                f"p{n}@example.com" if n % 4 == 0 else "",
                f"Company {n % 97}, Inc.",
                "Senior Engineer, Platform",
                f"{1 + n % 28:02d} {MONTHS[n % 12]} 20{10 + n % 15}",
            ]
        )
    return out.getvalue()


def run_import(tree: Tree, source: Path, folder: Path, made: dict[int, Path], rows: int) -> float:
    """One import into a new file; the file is kept for the `list` runs."""
    run = folder / f"import-{rows}"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    db = run / "campaign.json"
    took = whole_process(
        tree.command("import", "linkedin", str(source), "--db", str(db)), tree.env(), str(run)
    )
    made[rows] = db
    return took


def run_command(tree: Tree, db: Path, *args: str) -> float:
    return whole_process(tree.command(*args, "--db", str(db)), tree.env(), str(db.parent))


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--runs", type=int, default=3, help="measured runs of each")
    ap.add_argument("--rows", default="3000,30000", help="rows of the CSV files, smallest first")
    args = ap.parse_args()
    tree, _, scratch = setup(args, f"imports and list, whole processes, median of {args.runs}")
    counts = [int(n) for n in args.rows.split(",")]
    sources = {}
    for rows in counts:
        sources[rows] = scratch / f"Connections-{rows}.csv"
        sources[rows].write_text(connections_csv(rows), encoding="utf-8")
    made: dict[int, Path] = {}
    imports = alternate(
        args.runs, *(partial(run_import, tree, sources[n], scratch, made, n) for n in counts)
    )
    print(
        "  imported: "
        + ", ".join(
            f"{n:,} rows {spread(t, 1, 's', 2)}" for n, t in zip(counts, imports, strict=True)
        ),
        flush=True,
    )
    lists = alternate(args.runs, *(partial(run_command, tree, made[n], "list") for n in counts))
    jsons = alternate(
        args.runs, *(partial(run_command, tree, made[n], "list", "--json") for n in counts)
    )
    rows: list[list[object]] = [["rows", "import linkedin", "list", "list --json"]]
    for n, imp, lst, js in zip(counts, imports, lists, jsons, strict=True):
        rows.append([f"{n:,}", spread(imp), spread(lst), spread(js)])
    if len(counts) > 1:
        first, last = 0, len(counts) - 1

        def ratio(values: list[list[float]]) -> str:
            return f"{median(values[last]) / median(values[first]):.1f}x"

        rows.append(
            [f"{counts[last]:,} / {counts[first]:,}", ratio(imports), ratio(lists), ratio(jsons)]
        )
        rows.append(["goal", "<= 12x", "<= 4x", "<= 4x"])
    print()
    table(rows)
    print(f"  {machine()} (after)")


if __name__ == "__main__":
    main()
