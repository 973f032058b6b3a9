"""設定: defaults, saving and loading, validation, a damaged settings file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services import settings as app_settings
from kyodo_desktop.services.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults(private_config):
    loaded = load_settings()
    assert loaded == Settings()
    assert loaded.default_db_path().name == "kyodo.sqlite3"
    assert app_settings.settings_path().parent == private_config


def test_saved_settings_come_back(tmp_path):
    wanted = Settings(data_folder=str(tmp_path / "data"), backup_count=25,
                      backup_folder=str(tmp_path / "bk"), language="en", text_size="large")
    save_settings(wanted)
    assert load_settings() == wanted
    assert load_settings().default_db_path() == tmp_path / "data" / "kyodo.sqlite3"
    assert wanted.backup_dir(tmp_path / "x.sqlite3") == tmp_path / "bk"


@pytest.mark.parametrize("change", [{"backup_count": 0}, {"backup_count": 101},
                                    {"language": "fr"}, {"text_size": "huge"},
                                    {"default_city_preset": "atlantis"}])
def test_bad_values_are_refused(change):
    with pytest.raises(ValidationError) as caught:
        save_settings(replace(Settings(), **change))
    assert caught.value.field == next(iter(change))
    assert not app_settings.settings_path().exists()


def test_damaged_file_keeps_what_is_good(private_config):
    private_config.mkdir()
    path = private_config / "settings.json"
    path.write_text(json.dumps({"backup_count": "many", "language": "en", "unknown": 1}),
                    encoding="utf-8")
    assert load_settings() == Settings(language="en")
    path.write_text("{ not json", encoding="utf-8")
    assert load_settings() == Settings()


def test_text_sizes_scale_up():
    scales = [Settings(text_size=code).text_scale for code in app_settings.TEXT_SIZES]
    assert scales == sorted(scales) and scales[0] == 1.0 and scales[-1] >= 1.5


def test_backups_default_beside_the_data_file(tmp_path):
    assert Settings().backup_dir(tmp_path / "a" / "kyodo.sqlite3") == tmp_path / "a" / "backups"


def test_unwritable_folder_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        app_settings.check_folder(blocker / "sub")
    assert "書き込み" in caught.value.message
    assert app_settings.check_folder(tmp_path / "new") == Path(tmp_path / "new")
