"""The 議案書の文章・規約 dialog of the 会議・総会 page: the words of each part of the year's
総会議案書 (次第, each 議案, 会計監査報告; empty = the default), the 規約 with its revision
history (a new revision is added with its date, 改正内容 and full text) and the 定足数 rule the
規約 sets for each kind of meeting (fraction, 以上 / を超える, 委任状 counted or not, 規約第N条).
Figures are never edited here: they come from the books. Each save is one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.meetings import assembly, rules
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.errors import show_error

SECTION_TITLES = {
    "order": N_("Order of business (次第)"), "report": N_("No. 1: last year's activities"),
    "settlement": N_("No. 2: last year's accounts"), "audit": N_("Audit report"),
    "officers": N_("No. 3: officers"), "plan": N_("No. 4: this year's plan"),
    "budget": N_("No. 5: this year's budget"),
}

#: Width and height of the dialog, in full-width characters of the text size in use.
PAPERS_SIZE = (48, 33)


class PapersDialog(QDialog):
    """Edit the 議案書 texts of the context's 年度 and add 規約 revisions."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Assembly papers and rules"))
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        layout.addWidget(tabs, 1)
        tabs.addTab(self._texts_tab(), _("Texts of the assembly papers"))
        tabs.addTab(self._rules_tab(), _("Rules (規約)"))
        tabs.addTab(self._quorum_tab(), _("Quorum (定足数)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._show_section()
        self._show_history()
        self._show_quorum()
        fit_dialog(self, *PAPERS_SIZE)

    def _texts_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.section = QComboBox(page)
        for code, title in SECTION_TITLES.items():
            self.section.addItem(_(title), code)
        layout.addWidget(self.section)
        self.text = QPlainTextEdit(page)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.save_text_button = QPushButton(_("Save the text"), page)
        row.addWidget(QLabel(_("Figures always come from the books; an empty text prints the "
                               "default."), page), 1)
        row.addWidget(self.save_text_button)
        layout.addLayout(row)
        self.section.currentIndexChanged.connect(self._show_section)
        self.save_text_button.clicked.connect(self.save_text)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.history = QLabel(page)
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        form = QFormLayout()
        self.revised_on, self.summary = QLineEdit(page), QLineEdit(page)
        self.revised_on.setPlaceholderText(_("e.g. R8.4.26"))
        form.addRow(_("Date of the revision"), self.revised_on)
        form.addRow(_("What changed"), self.summary)
        layout.addLayout(form)
        self.rules_text = QPlainTextEdit(page)
        layout.addWidget(self.rules_text, 1)
        self.add_rules_button = QPushButton(_("Add the revision"), page)
        layout.addWidget(self.add_rules_button)
        self.add_rules_button.clicked.connect(self.add_revision)
        return page

    def _quorum_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.rule_kind = QComboBox(page)
        for code, label in dm.RULE_KIND_LABELS.items():
            self.rule_kind.addItem(label, code)
        fraction = QHBoxLayout()
        self.denominator, self.numerator = QSpinBox(page), QSpinBox(page)
        for spin in (self.denominator, self.numerator):
            spin.setRange(1, 100)
        self.strict = QComboBox(page)
        self.strict.addItem(_("or more (以上)"), False)
        self.strict.addItem(_("more than (を超える)"), True)
        for widget in (QLabel(_("Members ×"), page), self.denominator,
                       QLabel(_("(fraction) of"), page), self.numerator, self.strict):
            fraction.addWidget(widget)
        fraction.addStretch(1)
        self.count_proxies = QCheckBox(_("Proxies (委任状) count as attending"), page)
        self.rule_source = QLineEdit(page)
        self.rule_source.setMaxLength(100)
        self.rule_source.setPlaceholderText(_("e.g. 規約第12条"))
        self.rule_words = QLabel(page)
        self.rule_words.setWordWrap(True)
        self.save_rule_button = QPushButton(_("Save the quorum rule"), page)
        form.addRow(_("Meeting"), self.rule_kind)
        form.addRow(_("Quorum"), fraction)
        form.addRow("", self.count_proxies)
        form.addRow(_("Article of the rules"), self.rule_source)
        form.addRow(_("In words"), self.rule_words)
        form.addRow("", self.save_rule_button)
        self.rule_kind.currentIndexChanged.connect(lambda _i: self._show_quorum())
        for spin in (self.denominator, self.numerator):
            spin.valueChanged.connect(lambda _v: self._describe_quorum())
        self.strict.currentIndexChanged.connect(lambda _i: self._describe_quorum())
        self.count_proxies.toggled.connect(lambda _c: self._describe_quorum())
        self.save_rule_button.clicked.connect(self.save_quorum)
        return page

    def _typed_rule(self) -> dm.QuorumRule:
        return dm.QuorumRule(self.numerator.value(), self.denominator.value(),
                             bool(self.strict.currentData()), self.count_proxies.isChecked(),
                             self.rule_source.text())

    def _show_quorum(self) -> None:
        rule = rules.quorum_rule(self.context.store, self.context.council_id,
                                 self.rule_kind.currentData())
        for widget in (self.numerator, self.denominator, self.strict, self.count_proxies):
            widget.blockSignals(True)
        self.denominator.setValue(rule.denominator)
        self.numerator.setValue(rule.numerator)
        self.strict.setCurrentIndex(self.strict.findData(rule.strict))
        self.count_proxies.setChecked(rule.count_proxies)
        for widget in (self.numerator, self.denominator, self.strict, self.count_proxies):
            widget.blockSignals(False)
        self.rule_source.setText(rule.source)
        self._describe_quorum()

    def _describe_quorum(self) -> None:
        rule = self._typed_rule()
        if rule.numerator > rule.denominator:
            self.rule_words.setText(_("The quorum cannot be more than all the members."))
            return
        self.rule_words.setText(_("{words}: with 20 members, {quorum} must attend.").format(
            words=rule.describe(), quorum=rule.quorum(20)))

    def save_quorum(self) -> bool:
        """Store the shown 定足数 rule of the chosen kind of meeting (one undo step)."""
        kind, rule = self.rule_kind.currentData(), self._typed_rule()
        try:
            save_with_undo(self.context, _("Quorum rule of the {meeting}").format(
                meeting=dm.RULE_KIND_LABELS[kind]), lambda: rules.set_quorum_rule(
                    self.context.store, self.context.council_id, kind, rule))
        except UserError as error:
            show_error(error, self)
            return False
        self._show_quorum()
        return True

    def _show_section(self) -> None:
        texts = assembly.texts(self.context.store, self.context.council_id,
                               self.context.fiscal_year)
        self.text.setPlainText(texts[self.section.currentData()])

    def _show_history(self) -> None:
        found = rules.revisions(self.context.store, self.context.council_id)
        lines = [f"{wareki.format_wareki(r['revised_on'])}　{r['summary']}" for r in found]
        self.history.setText(_("Revisions so far:") + "\n" + ("\n".join(lines) or _("None")))
        if found:
            self.rules_text.setPlainText(found[-1]["body"])

    def save_text(self) -> bool:
        """Store the shown text of the chosen part (one undo step)."""
        section, body = self.section.currentData(), self.text.toPlainText()
        try:
            save_with_undo(self.context, _("Edit the assembly papers"), lambda: assembly.set_text(
                self.context.store, self.context.council_id, self.context.fiscal_year,
                section, body))
        except UserError as error:
            show_error(error, self)
            return False
        return True

    def add_revision(self) -> bool:
        """Add a 規約 revision from the fields (one undo step)."""
        try:
            save_with_undo(self.context, _("Add a revision of the rules"), lambda: rules.add_revision(
                self.context.store, self.context.council_id, self.revised_on.text(),
                self.rules_text.toPlainText(), self.summary.text()))
        except UserError as error:
            show_error(error, self)
            return False
        self._show_history()
        return True
