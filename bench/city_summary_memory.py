"""City summary memory benchmark: ``report city-summary`` on a city file of 21 councils × N years
whose returns are small, against the same file whose returns each carry thousands more 点検
findings of 1,000 characters (≈ 6 MB a return, under the 8 MiB limit) that it does not print. The printed pages are the
same (30 findings of each return and 「… ほか N 件」), so the peak memory of the large run should
be that of the small one: the summary reads each return's stored ``summary`` and only the
findings it prints (services/city/detail.printed_findings), never a whole document.

Each run is its own process; its peak RSS (VmHWM on Linux, else ru_maxrss) and its Python peak
(tracemalloc) are printed, with the large run's ratios against the small one of the same run.
Run: ``PYTHONPATH=. python bench/city_summary_memory.py [--years 10] [--padding 1000]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

#: Findings every return carries (the summary prints 30 of them and counts the rest).
SHOWN_FINDINGS = 40
#: The characters of each finding's message.
MESSAGE_CHARS = 1000
YEAR = 2025


def finding(number: int) -> dict:
    """The 点検 finding ``number`` of every return: the first :data:`SHOWN_FINDINGS` short (five
    of them errors, printed first), the padding after them :data:`MESSAGE_CHARS` characters
    long (never printed: the summary prints 30 findings of a return, errors first)."""
    long = number >= SHOWN_FINDINGS
    return {"severity": "error" if number < 5 else "warning", "rule": f"r{number}",
            "rule_name": "規則", "where": "w",
            "message": f"{number:05d}" + "長" * ((MESSAGE_CHARS if long else 40) - 5)}


def build_city(path: Path, years: int, padding: int) -> None:
    """A city file at ``path``: 21 councils × ``years`` 年度 up to :data:`YEAR`, each return
    carrying :data:`SHOWN_FINDINGS` + ``padding`` findings (:func:`finding`). Returns are sealed as the demo's and
    stored through :func:`~kyodo_desktop.services.city.city_file.import_return` (the reader's
    own checks are left out: they are not what is measured)."""
    import random

    from kyodo_desktop.demo.city import _sealed
    from kyodo_desktop.demo.city_returns import council_size, generated_content
    from kyodo_desktop.demo.common import load
    from kyodo_desktop.services.city import city_file
    from kyodo_desktop.services.city.annual_return import summary_of
    from kyodo_desktop.services.city.return_reader import ReturnDocument
    from kyodo_desktop.store import open_store

    rng = random.Random(2026)
    review = [finding(n) for n in range(SHOWN_FINDINGS + padding)]
    with open_store(path) as store:
        city_file.make_city_file(store)
        districts = [name for name, _kana, _town in load("places")["districts"]]
        city_file.register_districts(store, districts)
        for district in districts:
            households, rate = council_size(rng)
            for year in range(YEAR - years + 1, YEAR + 1):
                content = generated_content(rng, district, year, households, rate,
                                            ["山田 太郎"] * 6)
                content["review"] = review
                content["summary"] = summary_of(content)
                data = _sealed(district, year, content)
                city_file.import_return(store, ReturnDocument(json.loads(data), data))


_MEASURE = """
import json, resource, sys, tracemalloc
from pathlib import Path
from kyodo_desktop.reports.city_summary import build_city_summary
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.store import open_store
with open_store(Path(sys.argv[1])) as store:
    tracemalloc.start()
    pdf = build_city_summary(store, ReportRequest(None, int(sys.argv[2])))
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
try:
    rss = int(next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
              .split()[1]) / 1024
except (OSError, StopIteration):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rss_mb": rss, "python_mb": python_peak / 2**20, "pdf_kb": len(pdf) / 1024}))
"""


def measure(path: Path) -> dict:
    """Peak RSS and Python peak (MB) of ``report city-summary`` of :data:`YEAR` on ``path``, in
    a process of its own."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path), str(YEAR)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--padding", type=int, default=1000,
                        help="findings added to each large return beyond the printed ones")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder) / "small.sqlite3", Path(folder) / "large.sqlite3"
        build_city(small, args.years, 0)
        build_city(large, args.years, args.padding)
        sizes = {name: path.stat().st_size / 2**20 for name, path in
                 (("small", small), ("large", large))}
        base, heavy = measure(small), measure(large)
    print(f"21 councils × {args.years} years; data file {sizes['small']:.1f} MB (small returns) "
          f"and {sizes['large']:.1f} MB (each return +{args.padding} findings)")
    for name, run in (("small returns", base), ("large returns", heavy)):
        print(f"  {name:14} peak RSS {run['rss_mb']:7.1f} MB  Python peak "
              f"{run['python_mb']:6.1f} MB  PDF {run['pdf_kb']:6.0f} KB")
    print(f"  ratio large / small: peak RSS {heavy['rss_mb'] / base['rss_mb']:.2f}×, Python peak "
          f"{heavy['python_mb'] / base['python_mb']:.2f}× (the file {sizes['large'] / sizes['small']:.0f}× "
          "larger)")


if __name__ == "__main__":
    main()
