"""Environment-driven settings fail loudly on a value they cannot use."""

import pytest

from lmec.settings import SettingError, envbool, envint, envlist


@pytest.mark.parametrize(
    "raw,expected", [("1", True), ("true", True), ("Yes", True), ("off", False), ("0", False)]
)
def test_it_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("LMEC_TEST_FLAG", raw)
    assert envbool("LMEC_TEST_FLAG", not expected) is expected


def test_it_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("LMEC_TEST_FLAG", raising=False)
    assert envbool("LMEC_TEST_FLAG", True) is True
    assert envint("LMEC_TEST_FLAG", 7) == 7
    assert envlist("LMEC_TEST_FLAG", ["a"]) == ["a"]


def test_it_refuses_a_malformed_boolean(monkeypatch):
    monkeypatch.setenv("LMEC_TEST_FLAG", "maybe")
    with pytest.raises(SettingError, match="LMEC_TEST_FLAG='maybe'"):
        envbool("LMEC_TEST_FLAG", False)


def test_it_refuses_a_malformed_number(monkeypatch):
    monkeypatch.setenv("LMEC_TEST_NUMBER", "ten")
    with pytest.raises(SettingError, match="expected a whole number"):
        envint("LMEC_TEST_NUMBER", 1)


def test_it_splits_lists(monkeypatch):
    monkeypatch.setenv("LMEC_TEST_HOSTS", "lmec.example.org, localhost,")
    assert envlist("LMEC_TEST_HOSTS", []) == ["lmec.example.org", "localhost"]


@pytest.mark.django_db
def test_it_uses_sqlite_in_wal_mode_by_default(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("runs on the SQLite leg of the suite")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # the test database may be in memory, where WAL does not apply
    assert mode in {"wal", "memory"}
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
