"""The passphrase choice of the backup and handover dialogs: a check box 「パスフレーズで暗号化する」
with the passphrase typed twice, and the question for the passphrase of an encrypted file.
They only ask; the services encrypt (:mod:`kyodo_desktop.services.backup.encryption`).

The target is chosen first (:func:`ask_target_and_passphrase`): on a removable drive (a USB
stick, an SD card: :func:`kyodo_desktop.fileops.is_removable`) encryption is on by default, with
a sentence saying why; on the PC's own disk it is off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop import fileops
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup.encryption import SUFFIX, is_encrypted, passphrase_problem
from kyodo_desktop.ui.shell import text_input
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog

#: Width of the passphrase dialog, in full-width characters of the text size in use.
PASSPHRASE_WIDTH = 29


class EncryptionDialog(QDialog):
    """Ask whether to encrypt, and the passphrase twice. After ``exec()`` returns Accepted,
    :attr:`passphrase` is the passphrase, or None when the file is written unencrypted."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 removable: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.passphrase: str | None = None
        layout = QVBoxLayout(self)

        self.encrypt = QCheckBox(_("Encrypt with a passphrase (recommended for a USB stick)"),
                                 self)
        self.encrypt.setObjectName("encryptCheck")
        layout.addWidget(self.encrypt)
        if removable:
            why = QLabel(_("The file goes to a removable drive (a USB stick or an SD card), so "
                           "it is encrypted: if the drive is lost, nobody can read the "
                           "residents' data."), self)
            why.setObjectName("removableNote")
            why.setWordWrap(True)
            why.setStyleSheet("font-weight: bold;")
            layout.addWidget(why)
        explain = QLabel(_("Without the passphrase nobody can read the file, not even you: "
                           "write it down and keep it apart from the USB stick."), self)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.first = self._field("passphraseEdit")
        self.second = self._field("passphraseAgainEdit")
        form.addRow(_("Passphrase"), self.first)
        form.addRow(_("Passphrase again"), self.second)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.encrypt.toggled.connect(self._toggled)
        self.encrypt.setChecked(removable)
        self._toggled(removable)
        fit_dialog(self, PASSPHRASE_WIDTH)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _toggled(self, checked: bool) -> None:
        for field in (self.first, self.second):
            field.setEnabled(checked)
        self.problem.clear()

    def accept(self) -> None:
        """Close when the choice is complete; else say what is missing and stay open."""
        if not self.encrypt.isChecked():
            self.passphrase = None
            super().accept()
            return
        text = self.first.text()
        problem = passphrase_problem(text)
        if not problem and text != self.second.text():
            problem = _("The two passphrases differ. Type them again.")
        if problem:
            self.problem.setText(problem)
            return
        self.passphrase = text
        super().accept()


def ask_encryption(parent: QWidget | None, title: str, *, removable: bool = False
                   ) -> tuple[bool, str | None]:
    """Show :class:`EncryptionDialog` (encryption on by default when ``removable``): (False,
    None) when cancelled, else (True, passphrase or None for an unencrypted file)."""
    dialog = EncryptionDialog(title, parent, removable=removable)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.passphrase


def ask_target_and_passphrase(parent: QWidget | None, title: str,
                              ask_target: Callable[[], Path | None]
                              ) -> tuple[Path | None, str | None]:
    """Ask where to write a backup or handover package (``ask_target()``, a save dialog), then
    whether to encrypt it (on by default on a removable drive). Returns ``(target, passphrase
    or None)``; ``(None, None)`` when either question was cancelled. The target ends in
    ``.enc`` exactly when it is encrypted."""
    target = ask_target()
    if target is None:
        return None, None
    asked, passphrase = ask_encryption(parent, title, removable=fileops.is_removable(target))
    if not asked:
        return None, None
    if passphrase is not None and target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    elif passphrase is None and target.suffix == SUFFIX:
        target = target.with_name(target.stem)
    return target, passphrase


def ask_passphrase_if_encrypted(parent: QWidget | None, path: Path) -> tuple[bool, str | None]:
    """For an encrypted ``path`` ask its passphrase: (False, None) when cancelled, (True, text);
    (True, None) at once for a file that is not encrypted."""
    if not is_encrypted(path):
        return True, None
    text, ok = text_input.ask_text(
        parent, _("Encrypted file"),
        _("{name} is encrypted. Enter its passphrase:").format(name=path.name),
        echo=QLineEdit.EchoMode.Password)
    return (True, text) if ok else (False, None)
