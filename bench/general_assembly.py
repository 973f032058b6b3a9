"""総会議案書 benchmark: the demo council's 令和8年度 議案書 (18 pages: 事業報告, 収支決算書,
会計監査報告, 役員, 事業計画, 予算, 規約, 役員名簿) against the 実績報告書 set of 令和7年度
(``report performance-report``: 実績報告書, 事業実績書, 収支決算書, 受領証一覧) on the same file,
in the same run. Prints the median seconds of each (N runs, alternating) and the ratio; the goal
is under 2 s for the 議案書.
Run: ``python bench/general_assembly.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.reports.general_assembly import build_general_assembly
    from kyodo_desktop.reports.grant_results import build_performance_report
    from kyodo_desktop.reports.registry import ReportRequest
    from kyodo_desktop.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        build_demo(store)
        council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        papers = ReportRequest(council, 2026)
        baseline = ReportRequest(council, 2025)
        build_general_assembly(store, papers)  # fonts and imports loaded once, outside timing
        build_performance_report(store, baseline)
        timings: dict[str, list[float]] = {"papers": [], "baseline": []}
        for _ in range(args.runs):
            for name, build, request in (("papers", build_general_assembly, papers),
                                         ("baseline", build_performance_report, baseline)):
                start = time.perf_counter()
                build(store, request)
                timings[name].append(time.perf_counter() - start)
        store.close()
    papers_s = statistics.median(timings["papers"])
    base_s = statistics.median(timings["baseline"])
    print(f"総会議案書 (令和8年度): {papers_s:.3f} s (median of {args.runs})")
    print(f"実績報告書一式 (令和7年度): {base_s:.3f} s")
    print(f"ratio: {papers_s / base_s:.2f}x; under 2 s: {'yes' if papers_s < 2 else 'NO'}")


if __name__ == "__main__":
    main()
