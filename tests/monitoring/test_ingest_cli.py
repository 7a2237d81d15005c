"""``lmec ingest``: its summary, the row errors, the report file, and exit statuses without
tracebacks."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.monitoring.factories import make_network
from tests.monitoring.ingest_support import hourly_rows, write_csv

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


@pytest.fixture
def network(db):
    return make_network()


def rows(values):
    return hourly_rows("TH-BKK", "pm25", "µg/m³", "2024-03-01T00:00+07:00", values)


def test_it_prints_a_summary(network, tmp_path, capsys):
    path = write_csv(tmp_path, rows(["10", "11", "2500"]))
    call_command("ingest", str(path))
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        "data.csv: 3 rows read",
        "  stored                3",
        "  replaced              0",
        "  unchanged             0",
        "  flagged               1",
        "  refused               0",
    ]
    assert out[6].startswith("upload #") and " done in " in out[6]
    call_command("ingest", str(path))
    assert "  unchanged             3" in capsys.readouterr().out


def test_it_prints_the_row_errors_and_writes_the_report(network, tmp_path, capsys):
    bad = rows(["10", "x", "12", "", "14"])
    path = write_csv(tmp_path, bad)
    report = tmp_path / "errors.csv"
    with pytest.raises(CommandError) as caught:
        call_command("ingest", str(path), "--errors", "1", "--report", str(report))
    assert caught.value.returncode == 1
    assert str(caught.value) == (
        "data.csv refused: 2 rows have errors; nothing was stored (fix them, or store the "
        "valid rows with --skip-invalid)"
    )
    out = capsys.readouterr().out.splitlines()
    assert out[7:] == [
        "row errors (2; rows are counted from the first row under the header):",
        "  row 2, value 'x': not a number (a value below the detection limit is written like <0.01)",
        "  ... and 1 more; the first 2 are kept on upload #1 (admin: Uploads) and by --report FILE".replace(
            "#1", out[6].split()[1]
        ),
        f"  report written to {report}",
    ]
    with open(report, encoding="utf-8") as fh:
        assert list(csv.reader(fh)) == [
            ["row", "column", "value", "reason"],
            [
                "2",
                "value",
                "x",
                "not a number (a value below the detection limit is written like <0.01)",
            ],
            ["4", "value", "", "the value is missing"],
        ]
    call_command("ingest", str(path), "--skip-invalid")
    assert "  stored                3" in capsys.readouterr().out


def test_it_ingests_a_wide_table_with_its_mapping(db, tmp_path, capsys):
    from tests.monitoring.factories import make_station

    make_station("05T")
    make_station("50T")
    call_command(
        "ingest",
        str(EXAMPLES / "wide-hourly.csv"),
        "--mapping",
        str(EXAMPLES / "wide-hourly.yaml"),
    )
    assert "wide-hourly.csv: 58 rows read" in capsys.readouterr().out


def run_lmec(*args, cwd):
    env = {**os.environ, "LMEC_HOME": str(cwd), "DATABASE_URL": "", "PYTHONPATH": str(ROOT)}
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
def test_it_exits_non_zero_without_a_traceback(tmp_path):
    assert run_lmec("migrate", "-v0", cwd=tmp_path).returncode == 0
    make = run_lmec(
        "shell",
        "--no-imports",
        "-c",
        "from tests.monitoring.factories import make_station; make_station('TH-BKK')",
        cwd=tmp_path,
    )
    assert make.returncode == 0, make.stderr
    good = write_csv(tmp_path, rows(["10", "11"]), name="good.csv")
    result = run_lmec("ingest", str(good), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "good.csv: 2 rows read" in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal

    bad = write_csv(tmp_path, rows(["10", "eleven"]), name="bad.csv")
    result = run_lmec("ingest", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "row 2, value 'eleven': not a number" in result.stdout
    assert result.stderr.strip() == (
        "CommandError: bad.csv refused: 1 rows have errors; nothing was stored (fix them, or "
        "store the valid rows with --skip-invalid)"
    )

    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        "station,parameter,unit,time,value\nTH-BKK,pm25,µg/m³,x,1\n".encode("latin-1")
    )
    for args, message in [
        ((str(latin),), "CommandError: latin.csv: row 1 is not UTF-8 text"),
        ((str(tmp_path / "none.csv"),), "CommandError: no such file:"),
        ((str(good), "--mapping", "none.yaml"), "CommandError: no such mapping file: none.yaml"),
    ]:
        result = run_lmec("ingest", *args, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.startswith(message) and "Traceback" not in result.stderr
