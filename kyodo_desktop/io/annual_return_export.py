"""``kyodo-desktop export annual-return --council C --fiscal-year Y -o 湯田_R7.kyodo-return``:
the sealed 年度報告ファイル of a closed council-year
(:mod:`kyodo_desktop.services.city.annual_return`), written atomically and never over the data
file, a database or a backup (:func:`kyodo_desktop.fileops.write_bytes`)."""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.registry import ExportKind
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.city.annual_return import build_return


def export_annual_return(store: Store, council_id: int, fiscal_year: int, path: Path,
                         options: dict | None = None) -> str:
    """Write the return of the council-year to ``path``; return a Japanese summary line.
    Raises UserError for an open year, a damaged change history or an unwritable ``path``."""
    data = build_return(store, council_id, fiscal_year)
    fileops.write_bytes(path, data, open_data=store.path)
    return _("Wrote the annual return of {fiscal_year} to {path} ({size} bytes).").format(
        fiscal_year=wareki.format_fiscal_year(fiscal_year), path=path, size=len(data))


EXPORTS = [ExportKind("annual-return", N_("Annual return to the city"), export_annual_return)]
