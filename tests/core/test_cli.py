"""The ``lmec`` console command: setup is idempotent, management commands pass through."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_sets_up_twice_without_changing_anything(capsys, tmp_path, settings):
    settings.WORK_DIR = tmp_path
    call_command("setup", no_static=True)
    first = capsys.readouterr().out
    assert "strategy: 0 created, 0 updated" in first  # the session fixture loaded it already
    assert "demo accounts: 10 created" in first
    call_command("setup", no_static=True)
    second = capsys.readouterr().out
    assert "strategy: 0 created, 0 updated" in second
    assert "demo accounts: 0 created" in second
    lines = (tmp_path / "demo-accounts.txt").read_text().splitlines()
    assert len(lines) == 10 and lines[0].startswith("admin\t")
    assert oct((tmp_path / "demo-accounts.txt").stat().st_mode & 0o777) == "0o600"


def run_lmec(*args, cwd, env_extra=None):
    env = {**os.environ, "LMEC_HOME": str(cwd), **(env_extra or {})}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "lmec.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.own_database
def test_it_creates_a_fresh_sqlite_database_and_loads_the_strategy(tmp_path):
    result = run_lmec("setup", "--no-static", cwd=tmp_path, env_extra={"DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert "strategy:" in result.stdout and "created" in result.stdout
    assert (tmp_path / "lmec.sqlite3").exists()
    assert (tmp_path / ".secret_key").exists()
    # again on the same database (the demo's own idempotence: the test above, in-process)
    again = run_lmec(
        "setup", "--no-static", "--no-demo", cwd=tmp_path, env_extra={"DATABASE_URL": ""}
    )
    assert again.returncode == 0, again.stderr
    assert "strategy: 0 created, 0 updated" in again.stdout


@pytest.mark.own_database
def test_it_passes_django_commands_through(tmp_path):
    result = run_lmec("help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("setup", "serve", "demo", "load_strategy", "createsuperuser", "migrate"):
        assert command in result.stdout


@pytest.mark.own_database
def test_it_reports_a_broken_strategy_file_clearly(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("directions: []\n", encoding="utf-8")
    run_lmec("migrate", "-v0", cwd=tmp_path, env_extra={"DATABASE_URL": ""})
    result = run_lmec(
        "load_strategy",
        "--strategy-file",
        str(broken),
        cwd=tmp_path,
        env_extra={"DATABASE_URL": ""},
    )
    assert result.returncode == 1
    assert "directions: expected 5 entries, found 0" in result.stderr
    assert "Traceback" not in result.stderr
