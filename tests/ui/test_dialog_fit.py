"""Every dialog fits the 1366×768 screen and is readable at every text size (標準, 大きい,
とても大きい): opened with the demo's content, it lies inside the screen's available area, no
label, check box or button has its text cut (kyodo_desktop/ui/shell/layout_audit.py says what is
measured), and its OK / 保存 / 閉じる buttons are on the dialog, never scrolled away.

The dialogs are found in the code: every QDialog (QWizard, QMessageBox …) subclass in
kyodo_desktop.ui, every form in forms/ whose top widget is a QDialog or QWizard, and every
function of kyodo_desktop.ui that builds a QMessageBox, QProgressDialog or QDialog itself. A
dialog without an entry in OPENERS fails the test: add one that opens it with real content."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import pkgutil
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

import kyodo_desktop.ui
from kyodo_desktop.resources import form_path
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.shell.layout_audit import audit, in_scrolled_content, shown

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

UI = Path(kyodo_desktop.ui.__file__).parent
#: What a function calls to build a dialog of its own.
BUILDERS = {"QMessageBox", "QProgressDialog", "QDialog", "QWizard", "QInputDialog"}
#: Qt's own one-line questions, which do not wrap: the app asks through ui/shell/text_input.
STATIC_ASKS = {"getText", "getInt", "getDouble", "getItem", "getMultiLineText"}
#: A UserError message as long as the longest the app shows (a refused file, with what to do).
LONG_MESSAGE = (
    "データファイル C:\\Users\\yamada\\Documents\\協働デスク\\湯田地区地域づくり協議会\\"
    "kyodo-2026-引継ぎ用.sqlite3 を開けません。ほかの窓で開いているか、ネットワーク上の"
    "フォルダーにあります。いったんすべての協働デスクを閉じてから、もう一度開いてください。"
    "それでも開けないときは、設定の「データフォルダー」でこのパソコンの中のフォルダーを選び、"
    "最新のバックアップから戻してください。")


# ---------------------------------------------------------------- what the code holds


def dialog_classes() -> set[str]:
    """``module.Class`` of every QDialog subclass defined in kyodo_desktop.ui."""
    found = set()
    for info in pkgutil.walk_packages(kyodo_desktop.ui.__path__, "kyodo_desktop.ui."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, QDialog)
                    and value.__module__ == info.name):
                found.add(f"{info.name}.{name}")
    return found


def dialog_forms() -> set[str]:
    """``forms/<name>.ui`` of every Designer form whose top widget is a dialog or wizard."""
    folder = form_path("council_page").parent
    top = re.compile(r'<ui[^>]*>\s*<class>[^<]*</class>\s*<widget class="(\w+)"')
    return {f"forms/{path.name}" for path in sorted(folder.glob("*.ui"))
            if (match := top.search(path.read_text(encoding="utf-8")))
            and match.group(1) in ("QDialog", "QWizard")}


def dialog_functions() -> set[str]:
    """``module:function`` of every function in kyodo_desktop.ui that builds a dialog itself
    (``QMessageBox(parent)``; the static QMessageBox.question … lay themselves out)."""
    found = set()
    for path in sorted(UI.rglob("*.py")):
        module = "kyodo_desktop." + ".".join(path.relative_to(UI.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [(node.name, node) for node in tree.body if isinstance(node, ast.FunctionDef)]
        functions += [(f"{owner.name}.{node.name}", node) for owner in tree.body
                      if isinstance(owner, ast.ClassDef) for node in owner.body
                      if isinstance(node, ast.FunctionDef)]
        for name, node in functions:
            if any(isinstance(call, ast.Call) and _called_name(call) in BUILDERS
                   for call in ast.walk(node)):
                found.add(f"{module}:{name}")
    return found


def _called_name(call: ast.Call) -> str | None:
    called = call.func
    return called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", None)


# ---------------------------------------------------------------- opening each one


@dataclass
class Demo:
    """What an opener gets: the demo council's context (湯田, 2026), its file and a tmp folder."""

    context: object
    path: Path
    tmp: Path
    keep: list = field(default_factory=list)  # objects that must live as long as the dialog

    @property
    def store(self):
        return self.context.store


def _first(rows):
    return next(iter(rows))


def _project(demo: Demo) -> QWidget:
    from kyodo_desktop.services.plan import projects, structure
    from kyodo_desktop.ui.plan.projects_view import ProjectDialog

    store, council = demo.store, demo.context.council_id
    rows = projects.list_projects(store, council, demo.context.fiscal_year)
    project = projects.get_project(store, _first(rows)["id"])
    choices = structure.responsible_choices(store, council)
    return ProjectDialog([(1, "1-1-1  地域の見守り活動を続け、一人暮らしの高齢者を訪ねる")],
                         choices["subcommittees"], dict(project))


def _new_plan(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.plan.whole_plans import NewPlanDialog

    return NewPlanDialog(demo.context.fiscal_year + 1)


def _calendar(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.meetings.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(demo.context)
    busiest = max(range(len(dialog.months)), key=lambda index: sum(
        1 for event in dialog.events
        if (event.day.year, event.day.month) == dialog.months[index]))
    dialog.show_month(busiest)  # the month with the most events
    return dialog


def _papers(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.meetings.papers_dialog import PapersDialog

    return PapersDialog(demo.context)


def _first_run(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.shell.first_run import FirstRunDialog

    return FirstRunDialog(demo.tmp / "AppData" / "Local" / "kyodo-desktop" / "kyodo.sqlite3")


def _collaboration(demo: Demo) -> QWidget:
    from kyodo_desktop.services.collaboration.projects import project_collaboration
    from kyodo_desktop.services.plan import projects
    from kyodo_desktop.ui.collaboration.dialog import CollaborationDialog

    rows = projects.list_projects(demo.store, demo.context.council_id, demo.context.fiscal_year)
    return CollaborationDialog(project_collaboration(demo.store, _first(rows)["id"]))


def _encryption(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.backup.passphrase import EncryptionDialog

    return EncryptionDialog("バックアップを作成", removable=True)


def _restore(demo: Demo) -> QWidget:
    from datetime import datetime

    from kyodo_desktop.services.backup.automatic import auto_backup
    from kyodo_desktop.services.settings import Settings
    from kyodo_desktop.ui.backup.dialogs import RestoreDialog

    settings = Settings(backup_folder=str(demo.tmp / "backups"))
    for day in (1, 2, 3):
        auto_backup(demo.store, settings, now=datetime(2026, 11, day, 18, 30))
    return RestoreDialog(demo.path, settings)


def _review(demo: Demo) -> QWidget:
    from kyodo_desktop.services.review.run import run_review, summary
    from kyodo_desktop.ui.reports.review_dialog import ReviewDialog

    store, council = demo.store, demo.context.council_id
    grant = store.scalar("SELECT id FROM grants WHERE council_id = ? AND fiscal_year = 2026 "
                         "ORDER BY id LIMIT 1", (council,))
    store.conn.execute("UPDATE grant_payments SET requested_on = '2026-04-01' WHERE id = "
                       "(SELECT min(id) FROM grant_payments WHERE grant_id = ?)", (grant,))
    found = run_review(store, council, demo.context.fiscal_year)  # an error of 日付の順序
    return ReviewDialog(found, summary(found, demo.context.fiscal_year), before_printing=True)


def _provision(demo: Demo) -> QWidget:
    from kyodo_desktop.services.privacy.provisions import default_printer
    from kyodo_desktop.ui.privacy.provision import ProvisionDialog

    return ProvisionDialog("役員名簿（令和8年度・湯田地区地域づくり協議会）", 42,
                           default_printer(demo.store, demo.context.council_id))


def _retention(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.privacy.retention_dialog import RetentionDialog

    return RetentionDialog(demo.context)


def _audit(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.accounts.audit_dialog import AuditDialog

    return AuditDialog(demo.context)


def _evidence(demo: Demo) -> QWidget:
    from kyodo_desktop.services.accounting import attachments
    from kyodo_desktop.ui.accounts.evidence import EvidenceViewer

    found = _first(attachments.year_attachments(demo.store, demo.context.council_id,
                                                demo.context.fiscal_year))
    return EvidenceViewer(found, attachments.attachment_data(demo.store, found.id), demo.context)


def _fund(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.accounts.funders import FundDialog

    return FundDialog("地域づくり交付金（湯田地区・令和8年度分）")


def _program(demo: Demo) -> QWidget:
    from kyodo_desktop.services.accounting import funders
    from kyodo_desktop.ui.accounts.funders import ProgramDialog

    council = demo.context.council_id
    return ProgramDialog(demo.store, council, _first(funders.list_programs(demo.store, council)))


def _import(demo: Demo) -> QWidget:
    import csv

    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    path = demo.tmp / "出納簿.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            ["令和8年度 出納簿"], ["日付", "摘要", "費目", "収入", "支出", "領収書番号"],
            ["R8.4.5", "令和8年度 会費（湯田第一自治会ほか12自治会分）", "会費", "125,000", "", ""],
            ["R8.4.6", "コピー用紙・トナー", "消耗品費", "", "千円くらい", "1"],
            ["R8.4.7", "夏祭りの打合せ茶菓子", "会議費（茶菓）", "", "1,840", "2"],
            ["", "合計", "", "125,000", "1,840", ""]])
    dialog = ImportDialog(demo.context, "own_funds")
    dialog.load_file(path)
    return dialog


def _fund_history(demo: Demo) -> QWidget:
    from kyodo_desktop.services.accounting.funders_history import fund_changes
    from kyodo_desktop.ui.accounts.funders_history import FundHistoryDialog

    return FundHistoryDialog(fund_changes(demo.store, demo.context.council_id))


def _opening(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.accounts.ledger_accounts import OpeningDialog

    return OpeningDialog("山口銀行 湯田支店 普通預金（協議会口座）", "令和8年度", 1234567)


def _account(demo: Demo) -> QWidget:
    from kyodo_desktop.services.council import accounts
    from kyodo_desktop.ui.council.accounts_view import AccountDialog

    return AccountDialog(_first(accounts.list_accounts(demo.store, demo.context.council_id)))


def _center(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.council.center_dialog import CenterDialog

    return CenterDialog(demo.context)


def _roster_import(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.roster.import_dialog import RosterImportDialog

    folder = demo.tmp / "OneDrive" / "ドキュメント" / "湯田地区地域づくり協議会" / "令和8年度" / "名簿"
    folder.mkdir(parents=True)
    path = folder / "自治会一覧_令和8年4月1日現在_事務局で確認済み_最新版.csv"
    path.write_text("自治会名,ふりがな,世帯数,加入世帯数\n県営湯田住宅第二自治会,けんえいゆだじゅうたく"
                    "だいに,４０,30\n旧町自治会,,x,1\n", encoding="cp932")
    return RosterImportDialog(demo.context, path=path).dialog  # one row refused


def _term(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.roster.term_dialog import TermDialog

    return TermDialog(demo.context, "appoint", lambda values: None).dialog


def _handover(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.roster.handover import HandoverWizard

    return HandoverWizard(demo.context).wizard


def _error(demo: Demo) -> QWidget:
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.ui.shell.errors import error_dialog

    return error_dialog(UserError(LONG_MESSAGE, detail="sqlite3.OperationalError: locked"))


def _bug(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.shell.errors import error_dialog

    return error_dialog(RuntimeError("x" * 400))


def _bug_details(demo: Demo) -> QWidget:
    """The apology with its details unfolded (a traceback of a few dozen lines)."""
    from kyodo_desktop.ui.shell.errors import error_dialog

    try:
        raise RuntimeError("データファイルの読み込み中のエラー " * 20)
    except RuntimeError as error:
        box = error_dialog(error)
    details = next(button for button in box.findChildren(QAbstractButton)
                   if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole)
    box.show()
    details.click()
    return box


def _open_error(demo: Demo) -> QWidget:
    from kyodo_desktop.errors import UserError
    from kyodo_desktop.ui.shell.opening import open_error_box

    return open_error_box(UserError(LONG_MESSAGE), None, at_start=True)


def _executed(demo: Demo, call: Callable[[], object]) -> QWidget:
    """The dialog ``call`` execs (shown instead, and answered with キャンセル)."""
    shown_boxes: list[QWidget] = []

    def capture(dialog, *args):
        shown_boxes.append(dialog)
        return 0

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "exec", capture)
        patch.setattr(QDialog, "exec", capture)
        call()
    return shown_boxes[0]


def _newest_backup(demo: Demo) -> QWidget:
    from datetime import datetime

    from kyodo_desktop.services.backup.automatic import BackupEntry
    from kyodo_desktop.ui.backup.dialogs import offer_newest_backup

    entry = BackupEntry(demo.tmp / "b.sqlite3", "auto", datetime(2026, 11, 30, 18, 5))
    return _executed(demo, lambda: offer_newest_backup(None, LONG_MESSAGE, entry))


def _withdraw_return(demo: Demo) -> QWidget:
    from kyodo_desktop.services.city.city_file import StoredReturn
    from kyodo_desktop.ui.city.withdrawal import confirm_withdrawal

    stored = StoredReturn(7, "秋穂二島", "秋穂二島地域づくり協議会連絡協議会", 2025, "0" * 64,
                          "2026-04-15T16:00:00", "2026-05-20T10:00:00", "2026-06-01T09:00:00",
                          None, {}, None)
    return _executed(demo, lambda: confirm_withdrawal(None, stored))


def _existing_council(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.backup.dialogs import ask_existing_council

    message = ("このファイルにはすでに「湯田地区地域づくり協議会」があります。引継ぎファイルの"
               "内容で置き換えるか、別の名前で取り込んでください。")
    return _executed(demo, lambda: ask_existing_council(None, message, "湯田地区地域づくり協議会"))


def _worker_progress(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.accounts.worker import _dialog

    return _dialog(None, "出納簿を読み込んでいます（2,400行）。しばらくお待ちください…", "キャンセル")


def _demo_progress(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.shell import opening

    boxes: list[QWidget] = []

    def build(store, progress):
        progress(40, "湯田地区地域づくり協議会の出納簿と証拠書類を作っています…")
        boxes.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible())
        return {}

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kyodo_desktop.demo.build.build_demo", build)
        opening.build_demo_with_progress(demo.store)
    return _rebuilt_progress(boxes[0])


def _rebuilt_progress(closed: QProgressDialog) -> QWidget:
    """A progress dialog like ``closed`` (closed by its function), shown again to be measured."""
    again = QProgressDialog(closed.labelText(), "", 0, 100)
    again.setWindowTitle(closed.windowTitle())
    again.setCancelButton(None)
    again.setValue(40)
    return again


def _handbook_progress(demo: Demo) -> QWidget:
    from kyodo_desktop.ui.handbook.printing import PdfJob

    job = PdfJob(None, demo.tmp / "手引き.pdf", large_print=True, booklet=False)
    demo.keep.append(job)  # the job owns its dialog
    return job._progress


def _settings_problems(demo: Demo) -> QWidget:
    from kyodo_desktop.services.settings import Settings
    from kyodo_desktop.ui import app

    problems = ["設定ファイル C:\\Users\\yamada\\AppData\\Roaming\\kyodo-desktop\\settings.json の"
                "「データフォルダー」は使えないため、標準のフォルダーを使います（ネットワーク上の"
                "フォルダーです）。", "「文字の大きさ」は使えない値のため、標準にしました。"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app, "load_settings_reporting", lambda: (Settings(), problems))
        window = QWidget()  # the main window, which keeps the box
        demo.keep.append(window)
        app.report_settings_problems(window)
    return window.findChild(QMessageBox, "settings_problems")


def _passphrase(demo: Demo) -> QWidget:
    from PySide6.QtWidgets import QLineEdit

    from kyodo_desktop.ui.shell.text_input import text_dialog

    name = "湯田地区地域づくり協議会-1a2b3c4d-auto-20261103-183000.sqlite3.enc"
    return text_dialog(None, "暗号化されたファイル",
                       f"{name} は暗号化されています。パスフレーズを入力してください:",
                       echo=QLineEdit.EchoMode.Password)


#: (dialog, text size) whose problems are not solved yet; a listed one that fits fails.
KNOWN: set[tuple[str, str]] = set()

#: What opens each dialog found in the code, with the demo's content.
OPENERS: dict[str, Callable[[Demo], QWidget]] = {
    "kyodo_desktop.ui.plan.projects_view.ProjectDialog": _project,
    "kyodo_desktop.ui.plan.whole_plans.NewPlanDialog": _new_plan,
    "kyodo_desktop.ui.meetings.calendar_dialog.CalendarDialog": _calendar,
    "kyodo_desktop.ui.meetings.papers_dialog.PapersDialog": _papers,
    "kyodo_desktop.ui.shell.first_run.FirstRunDialog": _first_run,
    "kyodo_desktop.ui.collaboration.dialog.CollaborationDialog": _collaboration,
    "kyodo_desktop.ui.backup.passphrase.EncryptionDialog": _encryption,
    "kyodo_desktop.ui.backup.dialogs.RestoreDialog": _restore,
    "kyodo_desktop.ui.reports.review_dialog.ReviewDialog": _review,
    "kyodo_desktop.ui.privacy.provision.ProvisionDialog": _provision,
    "kyodo_desktop.ui.privacy.retention_dialog.RetentionDialog": _retention,
    "kyodo_desktop.ui.accounts.audit_dialog.AuditDialog": _audit,
    "kyodo_desktop.ui.accounts.evidence.EvidenceViewer": _evidence,
    "kyodo_desktop.ui.accounts.funders.FundDialog": _fund,
    "kyodo_desktop.ui.accounts.funders.ProgramDialog": _program,
    "kyodo_desktop.ui.accounts.import_dialog.ImportDialog": _import,
    "kyodo_desktop.ui.accounts.funders_history.FundHistoryDialog": _fund_history,
    "kyodo_desktop.ui.accounts.ledger_accounts.OpeningDialog": _opening,
    "kyodo_desktop.ui.council.accounts_view.AccountDialog": _account,
    "kyodo_desktop.ui.council.center_dialog.CenterDialog": _center,
    "forms/roster_import.ui": _roster_import,
    "forms/roster_term.ui": _term,
    "forms/handover_wizard.ui": _handover,
    "kyodo_desktop.ui.shell.errors:error_dialog": _error,
    "kyodo_desktop.ui.shell.errors:error_dialog (a bug)": _bug,
    "kyodo_desktop.ui.shell.errors:error_dialog (a bug, details shown)": _bug_details,
    "kyodo_desktop.ui.shell.opening:open_error_box": _open_error,
    "kyodo_desktop.ui.backup.dialogs:offer_newest_backup": _newest_backup,
    "kyodo_desktop.ui.backup.dialogs:ask_existing_council": _existing_council,
    "kyodo_desktop.ui.city.withdrawal:withdrawal_box": _withdraw_return,
    "kyodo_desktop.ui.accounts.worker:_dialog": _worker_progress,
    "kyodo_desktop.ui.shell.opening:build_demo_with_progress": _demo_progress,
    "kyodo_desktop.ui.handbook.printing:PdfJob.__init__": _handbook_progress,
    "kyodo_desktop.ui.app:report_settings_problems": _settings_problems,
    "kyodo_desktop.ui.shell.text_input:text_dialog": _passphrase,
}


def test_text_is_asked_through_ask_text_whose_question_wraps():
    static = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in STATIC_ASKS):
                static.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert static == [], "use kyodo_desktop.ui.shell.text_input.ask_text"


def test_every_dialog_in_the_code_has_an_opener():
    found = dialog_classes() | dialog_forms() | dialog_functions()
    listed = {key.split(" (")[0] for key in OPENERS}
    assert found - listed == set(), "add these dialogs to OPENERS"
    assert listed - found == set(), "gone from the code: remove them from OPENERS"


# ---------------------------------------------------------------- measuring


#: Rounds of events a dialog is given for its layouts to settle before it is measured.
SETTLE_ROUNDS = 6
#: Texts of the buttons that close a dialog; they must be on it, never scrolled away.
CLOSING = {"OK", "保存", "閉じる", "キャンセル", "終了"}


def button_problems(dialog: QWidget) -> list[str]:
    """Buttons of a button box (the wizard's 次へ/完了, OK, 保存, 閉じる …) scrolled away or
    outside the dialog."""
    buttons = [button for box in dialog.findChildren(QDialogButtonBox)
               for button in box.buttons()]
    if isinstance(dialog, QWizard):
        buttons += [dialog.button(which) for which in QWizard.WizardButton
                    if which.value <= QWizard.WizardButton.CustomButton3.value]
    buttons += [button for button in dialog.findChildren(QAbstractButton)
                if button.text().replace("&", "") in CLOSING]
    problems = []
    for button in buttons:
        if button is None or not shown(button):
            continue
        placed = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        if in_scrolled_content(button) or not dialog.rect().contains(placed):
            problems.append(f"button 「{button.text()}」 not on the dialog {placed.getRect()}")
    return problems


def dialog_problems(dialog: QWidget) -> list[str]:
    """What is unreadable or out of reach on ``dialog`` once its layouts have settled (a
    label filled when shown, in a scroll area, takes a few rounds of events)."""
    for _round in range(SETTLE_ROUNDS):
        QApplication.processEvents()
    return audit(dialog) + button_problems(dialog)  # audit: group-box titles too


def _pages(dialog: QWidget):
    """The dialog, or each page of a wizard in turn (the handover is carried out on the demo's
    private copy, so that its result page is measured too)."""
    yield "dialog" if not isinstance(dialog, QWizard) else dialog.currentPage().objectName()
    if not isinstance(dialog, QWizard):
        return
    while True:
        before = dialog.currentId()
        dialog.next()
        if dialog.currentId() == before:
            return
        yield dialog.currentPage().objectName()


@pytest.fixture
def demo(app, demo_store, tmp_path) -> Demo:
    from kyodo_desktop.services.council import councils
    from kyodo_desktop.ui.context import AppContext

    context = AppContext(demo_store, councils.find_council(demo_store, "湯田")["id"], 2026)
    return Demo(context, demo_store.path, tmp_path)


@contextmanager
def opened(demo: Demo, qtbot, key: str, size: str):
    """The dialog of ``key`` shown at the text size ``size``; what the case made is deleted
    afterwards (with its combo boxes' popups, so that later text-size changes, which re-polish
    every widget, stay fast)."""
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    app = QApplication.instance()
    apply_text_scale(app, TEXT_SIZES[size][1])
    before = set(app.topLevelWidgets())
    try:
        dialog = OPENERS[key](demo)
        dialog.show()
        qtbot.waitExposed(dialog)
        available = dialog.screen().availableGeometry()
        assert (available.width(), available.height()) == (1366, 768)  # tests/conftest.py
        yield dialog
    finally:
        for made in set(app.topLevelWidgets()) - before:
            if not isValid(made) or made.parentWidget() is not None:  # a popup: goes with its owner
                continue
            made.hide()
            made.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        apply_text_scale(app, 1.0)


def _save_screenshot(dialog: QWidget, folder: Path, name: str) -> None:
    if os.environ.get("KYODO_SCREENSHOTS"):  # to look at them: see tests/conftest.py
        safe = re.sub(r"[^\w.-]+", "_", name)
        dialog.grab().save(str(folder / f"dialog-{safe}.png"))


@pytest.mark.parametrize("size", list(TEXT_SIZES))
@pytest.mark.parametrize("key", list(OPENERS))
def test_the_dialog_fits_and_is_readable(demo, qtbot, screenshot_dir, key, size):
    problems = []
    with opened(demo, qtbot, key, size) as dialog:
        for page in _pages(dialog):
            problems += [f"{page}: {problem}" for problem in dialog_problems(dialog)]
            _save_screenshot(dialog, screenshot_dir, f"{key}-{page}-{size}")
    if (key, size) in KNOWN:
        assert problems, "solved: remove it from KNOWN"
        return
    assert problems == [], "\n".join(problems)


#: The dialogs with a line for why a value was refused (their ``error`` label).
WITH_ERROR_LINE = [key for key in OPENERS if key.endswith((
    "ProjectDialog", "NewPlanDialog", "ProvisionDialog", "AuditDialog", "FundDialog",
    "ProgramDialog", "OpeningDialog", "AccountDialog", "CollaborationDialog"))]
#: A refusal as long as the longest a form dialog shows.
LONG_REFUSAL = ("「終了日」は「開始日」より後の日付にしてください。令和8年度の事業なので、"
                "R8.4.1 から R9.3.31 までの日付（例: R8.11.3 や 11/3）で入力してください。")


@pytest.mark.parametrize("size", list(TEXT_SIZES))
@pytest.mark.parametrize("key", WITH_ERROR_LINE)
def test_a_long_refusal_is_shown_whole_with_the_buttons(demo, qtbot, screenshot_dir, key, size):
    with opened(demo, qtbot, key, size) as dialog:
        dialog.error.setText(LONG_REFUSAL)
        problems = dialog_problems(dialog)
        _save_screenshot(dialog, screenshot_dir, f"{key}-refused-{size}")
    assert problems == [], "\n".join(problems)
