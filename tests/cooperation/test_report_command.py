"""``lmec report``: writes the report as HTML, PDF or JSON; bad arguments are refused
clearly with a non-zero exit status."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lmec.cli import main

from .report_fixture import YEAR, report_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    return report_records()


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_it_writes_json(records, tmp_path):
    path = tmp_path / "report.json"
    out = run("--year", str(YEAR), "--lang", "th", "--format", "json", "--output", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["year"] == 2024 and data["language"] == "th"
    assert data["funding"]["totals"]["commitment_usd"] == 163000.0
    size = path.stat().st_size
    assert out == f"report 2024 (th, json): wrote {path} ({size:,} bytes)\n"


def test_it_writes_html(records, tmp_path):
    path = tmp_path / "report.html"
    run("--year", "2024", "--lang", "zh_CN", "--format", "HTML", "--output", str(path))
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<html lang="zh-hans">' in html
    assert "柬埔寨" in html and "<svg" in html


def test_it_writes_pdf_to_the_default_name_here(records, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run("--year", "2024", "--lang", "km", "--format", "pdf")
    path = tmp_path / "lmec-evaluation-report-2024-km.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    assert "wrote lmec-evaluation-report-2024-km.pdf (" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--year", "1999"], "No report for the year '1999'; choose a year from 2023 to"),
        (["--year", "next"], "No report for the year 'next'; choose a year from 2023 to"),
        (["--year", "2024", "--lang", "fr"], "Unknown language 'fr'; choose one of: zh-hans, en,"),
        (
            ["--year", "2024", "--format", "docx"],
            "Unknown format 'docx'; choose one of: html, pdf, json.",
        ),
        (
            ["--year", "2024", "--output", "/nonexistent/dir/r.html"],
            "the folder '/nonexistent/dir' does not exist",
        ),
    ],
)
def test_it_refuses_bad_arguments_clearly(records, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)


def test_it_exits_non_zero_on_a_bad_year(records, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["lmec", "report", "--year", "1999"])
    assert exit.value.code == 1
    assert "No report for the year '1999'" in capsys.readouterr().err


def test_it_needs_a_year(records, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["lmec", "report", "--lang", "en"])
    assert exit.value.code == 2
    assert "the following arguments are required: --year" in capsys.readouterr().err
