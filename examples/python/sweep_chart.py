#!/usr/bin/env python3
"""Read a sweep's runs catalog and draw one chart: two metrics (liquidated notional, and bad debt or the next one that
varies) against the sweep's first parameter, one line per design (mean over the runs of each value, band from the
smallest to the largest run).

    python3 examples/python/sweep_chart.py SWEEP_DIR [--out chart.png]

The catalog is read with the `duckdb` Python module straight from SWEEP_DIR/catalog.duckdb when it is importable;
otherwise through `micro query SWEEP_DIR "SQL" --csv` (DuckDB embedded in micro), so only pandas and matplotlib are
needed. MICRO names the micro command (default: `micro` on PATH, else `dotnet run` of this repository's CLI).
"""

import argparse
import io
import os
import shlex
import shutil
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

RUNS_SQL = "SELECT * FROM runs ORDER BY key"


def micro_command():
    if os.environ.get("MICRO"):
        return shlex.split(os.environ["MICRO"])
    if shutil.which("micro"):
        return ["micro"]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    project = os.path.join(repo, "src", "Microstructure.Cli")
    return ["dotnet", "run", "-c", "Release", "--project", project, "--"]


def read_runs(directory):
    """The catalog's runs table as a DataFrame: DuckDB in Python if there is one, else micro query --csv."""
    try:
        import duckdb  # pip install duckdb==1.4.1
    except ImportError:
        duckdb = None
    if duckdb is not None:
        con = duckdb.connect(os.path.join(directory, "catalog.duckdb"), read_only=True)
        con.execute("SET file_search_path = ?", [os.path.abspath(directory)])  # the views' paths are relative
        return con.execute(RUNS_SQL).df(), "duckdb (Python)"
    result = subprocess.run(micro_command() + ["query", directory, RUNS_SQL, "--csv"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: micro query failed ({result.returncode}): {result.stderr.strip()}")
    return pd.read_csv(io.StringIO(result.stdout)), "micro query --csv"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="a sweep's --out directory (holding catalog.duckdb)")
    parser.add_argument("--out", default=None, help="PNG to write (default: DIRECTORY/sweep_chart.png)")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.directory, "catalog.duckdb")):
        sys.exit(f"error: {args.directory}: no catalog.duckdb (name the --out directory of micro sweep)")
    out = args.out or os.path.join(args.directory, "sweep_chart.png")

    runs, via = read_runs(args.directory)
    columns = list(runs.columns)
    parameters = columns[columns.index("key") + 1:columns.index("design")]
    x = parameters[0] if parameters else "seed"
    # The first two of these that vary over the sweep (a metric that is the same in every run says nothing here).
    candidates = [("liquidated_notional_quote", "liquidated notional (quote)"), ("bad_debt_quote", "bad debt (quote)"),
                  ("fund_usage_quote", "insurance fund usage (quote)"), ("liquidations", "liquidations"),
                  ("max_drawdown", "max drawdown (fraction)")]
    metrics = [(m, label) for m, label in candidates if m in runs and runs[m].nunique(dropna=True) > 1][:2]
    metrics = metrics or candidates[:1]

    fig, axes = plt.subplots(1, len(metrics), figsize=(6 * len(metrics), 5), squeeze=False)
    axes = axes[0]
    for ax, (metric, label) in zip(axes, metrics):
        stats = runs.groupby(["design", x])[metric].agg(["mean", "min", "max", "count"]).reset_index()
        for design, rows in stats.groupby("design"):
            rows = rows.sort_values(x)
            line, = ax.plot(rows[x], rows["mean"], marker="o", label=design)
            ax.fill_between(rows[x], rows["min"], rows["max"], color=line.get_color(), alpha=0.15)
        ax.set_xlabel(x)
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0)  # all of them are non-negative
        ax.grid(alpha=0.3)
        ax.legend(title="design")
    per_point = int(runs.groupby(["design", x]).size().max())
    fig.suptitle(f"{os.path.basename(os.path.abspath(args.directory))}: {len(runs)} runs "
                 f"(mean over {per_point} runs per point; band = min to max)")
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    print(f"{out}: {len(runs)} runs read via {via}")


if __name__ == "__main__":
    main()
