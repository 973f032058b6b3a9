"""Return flips benchmark: every byte of the demo's 湯田 年度報告ファイル flipped by every mask is
refused by the city's reader, and how long one verification takes.

In the same run, on the return made from a new demo (``demo``, 湯田's closed 令和7年度):

- the baseline: one verification of the intact return (the whole check: seal over the raw bytes,
  parsing, depth, canonical form, shape, summary), median of N;
- one verification of a return with one byte flipped (refused by the seal over the raw bytes,
  before anything is parsed), median over positions spread through the file;
- the same flipped bytes checked the way the reader did before the raw seal check (parse, then
  canonical form, then the seal over the parsed document), for comparison;
- every byte × the masks 0x01 0x02 0x04 0x08 0x10 0x20 0x40 0x80 0xFF: total seconds and any
  flip that was NOT refused (exit 1 when one was accepted).

Run: ``PYTHONPATH=. python bench/return_flips.py [--masks 01,80]``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

MASKS = (0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF)


def _demo_return(folder: Path) -> bytes:
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.city.annual_return import build_return
    from kyodo_desktop.store import open_store

    with open_store(folder / "demo.sqlite3") as store:
        build_demo(store)
        council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        return build_return(store, council, 2025, now=datetime(2026, 11, 21, 9, 0))


def _seconds(check, samples: list[bytes]) -> float:
    """Median seconds of ``check(sample)`` over the samples (each refused or accepted)."""
    from kyodo_desktop.services.city.return_reader import ReturnRefused

    times = []
    for sample in samples:
        start = time.perf_counter()
        with contextlib.suppress(ReturnRefused):
            check(sample)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _parsed_first(data: bytes) -> None:
    """The check before the raw seal: parse, canonical form, seal over the parsed document."""
    from kyodo_desktop.services.city import return_reader, seal

    document = return_reader._parse(data, "x")
    if not return_reader._canonical(document, data) or not seal.seal_matches(document):
        raise return_reader._changed("x")


def _flipped(data: bytes, position: int, mask: int) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= mask
    return bytes(damaged)


def _not_refused(data: bytes, mask: int) -> list[int]:
    """The positions whose byte ^ ``mask`` the reader accepts (should be none)."""
    from kyodo_desktop.services.city.return_reader import ReturnRefused, verify_bytes

    damaged = bytearray(data)

    def refused(position: int) -> bool:
        damaged[position] ^= mask
        try:
            verify_bytes(bytes(damaged), "x")
            return False
        except ReturnRefused:
            return True
        finally:
            damaged[position] ^= mask

    return [position for position in range(len(data)) if not refused(position)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--masks", default=",".join(f"{m:02x}" for m in MASKS),
                        help="hex masks, comma separated")
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args(argv)
    masks = tuple(int(mask, 16) for mask in options.masks.split(","))
    from kyodo_desktop.services.city.return_reader import verify_bytes

    with tempfile.TemporaryDirectory() as folder:
        data = _demo_return(Path(folder))
    intact = _seconds(lambda d: verify_bytes(d, "x"), [data] * options.runs)
    step = max(1, len(data) // options.runs)
    samples = [_flipped(data, position, 0x01) for position in range(0, len(data), step)]
    flipped = _seconds(lambda d: verify_bytes(d, "x"), samples)
    parsed = _seconds(_parsed_first, samples)
    accepted, per_mask = [], []
    for mask in masks:
        start = time.perf_counter()
        accepted += [(position, mask) for position in _not_refused(data, mask)]
        per_mask.append(time.perf_counter() - start)
    total, count = sum(per_mask), len(data) * len(masks)
    print(f"return: {len(data):,} bytes (湯田 令和7年度)")
    print(f"intact return, whole verification: {intact * 1000:.2f} ms (baseline)")
    print(f"one flipped byte, refused by the raw seal: {flipped * 1000:.3f} ms "
          f"({flipped / intact:.3f}× the baseline)")
    print(f"one flipped byte, parsed first as before: {parsed * 1000:.2f} ms "
          f"({parsed / intact:.2f}× the baseline)")
    print(f"every byte × {len(masks)} masks: {count:,} verifications in {total:.1f} s "
          f"({total / count * 1e6:.0f} µs each, {total / len(masks):.1f} s per mask); "
          f"accepted: {len(accepted)}")
    for position, mask in accepted[:20]:
        print(f"  NOT refused: byte {position} ^ 0x{mask:02x}")
    return 1 if accepted else 0


if __name__ == "__main__":
    sys.exit(main())
