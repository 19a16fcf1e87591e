"""The project's benchmark: one command, a table and a JSON file.

    python bench/run.py --scale N --json FILE [--only NAME ...] [--folder DIR]

Each scenario is timed several times and printed beside its *floor*: the bare library call
or query that the scenario cannot beat. ``ratio`` = scenario median / floor median.
Scenarios register themselves with ``@harness.scenario``; later areas add theirs in bench/scenarios_*.py
and import them in ``main``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from harness import SCENARIOS, Result, Workspace, p95  # noqa: E402


def main() -> int:
    import scenarios_foundation  # noqa: F401  (registers)
    import scenarios_loan_papers  # noqa: F401
    import scenarios_members  # noqa: F401
    import scenarios_training_papers  # noqa: F401
    import scenarios_sales_papers  # noqa: F401
    import scenarios_loans  # noqa: F401
    import scenarios_sales  # noqa: F401
    import scenarios_dashboard  # noqa: F401
    import scenarios_monthly  # noqa: F401
    import scenarios_network  # noqa: F401
    import scenarios_district  # noqa: F401
    import scenarios_savings  # noqa: F401
    import scenarios_books  # noqa: F401
    import scenarios_impact  # noqa: F401

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1000, help="size of the data set (members, later)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--only", nargs="*", help="run only these scenarios")
    parser.add_argument("--folder", type=Path, help="keep the demo databases here; a later run reuses them (the 100,000 ones take long to build)")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="koperasi-bench-") as scratch:
        folder = args.folder or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        workspace = Workspace(scale=args.scale, folder=folder)
        for item in SCENARIOS:
            if args.only and item.name not in args.only:
                continue
            samples, floor, note = item.run(workspace)
            median, floor_median = statistics.median(samples), statistics.median(floor)
            results.append(
                Result(item.name, "ms", len(samples), median * 1000, p95(samples) * 1000, floor_median * 1000, median / floor_median, note)
            )
    print(f"{'scenario':<28}{'runs':>5}{'median ms':>11}{'p95 ms':>9}{'floor ms':>10}{'ratio':>7}  floor")
    for r in results:
        print(f"{r.scenario:<28}{r.runs:>5}{r.median:>11.1f}{r.p95:>9.1f}{r.floor:>10.1f}{r.ratio:>7.1f}  {r.note}")
    if args.json:
        args.json.write_text(json.dumps({"scale": args.scale, "results": [asdict(r) for r in results]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
