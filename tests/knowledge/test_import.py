"""lmec knowledge import: line-by-line report, all-or-nothing, --skip-invalid, idempotent."""

import json

import pytest
from django.core.management import CommandError, call_command

from lmec.knowledge.importer import import_jsonl
from lmec.knowledge.models import Resource

from . import filemaker

GOOD = [
    {"identifier": "imp-1", "type": "publication", "language": "en", "title": "One"},
    {
        "identifier": "imp-2",
        "type": "dataset",
        "language": "lo",
        "title": "ສອງ",
        "publisher": {"slug": "lao-moe", "name": "Ministry of Environment"},
        "files": [
            {"path": "files/report.pdf", "title": "Report"},
            {"url": "https://example.org/x"},
        ],
    },
    {
        "identifier": "imp-3",
        "type": "tool",
        "language": "vi",
        "title": "Ba",
        "publisher": "lao-moe",
    },
]


def write(tmp_path, lines, name="data.jsonl"):
    (tmp_path / "files").mkdir(exist_ok=True)
    (tmp_path / "files" / "report.pdf").write_bytes(filemaker.pdf_with_text("Lao report"))
    path = tmp_path / name
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_it_imports_then_changes_nothing_the_second_time(db, tmp_path):
    path = write(tmp_path, GOOD)
    first = import_jsonl(path)
    assert (first.status, first.counts()) == (
        "done",
        {"read": 3, "created": 3, "updated": 0, "unchanged": 0, "refused": 0},
    )
    record = Resource.objects.get(identifier="imp-2")
    assert record.publisher.slug == "lao-moe"
    pdf, link = record.distributions.all()
    assert (pdf.format, pdf.text, link.url) == ("PDF", "Lao report", "https://example.org/x")
    second = import_jsonl(path)
    assert second.counts() == {"read": 3, "created": 0, "updated": 0, "unchanged": 3, "refused": 0}
    assert record.events.count() == 1


def test_it_refuses_the_whole_file_and_keeps_what_was_stored(db, tmp_path):
    import_jsonl(write(tmp_path, GOOD[:1]))
    changed = {**GOOD[0], "title": "Changed"}
    bad = [
        changed,
        {"identifier": "bad 1", "type": "publication", "language": "en", "title": "x"},
        "{not json",
        {**GOOD[2], "identifier": "imp-9", "themes": ["weather"], "publisher": "nobody"},
        {**GOOD[0]},
    ]
    result = import_jsonl(write(tmp_path, bad, "bad.jsonl"))
    assert result.status == "refused"
    assert [(e.line, e.field) for e in result.errors] == [
        (2, "identifier"),
        (3, "line"),
        (4, "themes"),
        (4, "publisher"),
        (5, "identifier"),
    ]
    assert result.errors[4].reason == "imp-1 is on line 1 already."
    assert list(Resource.objects.values_list("identifier", "title_en")) == [("imp-1", "One")]


def test_it_stores_the_good_lines_with_skip_invalid(db, tmp_path):
    lines = [GOOD[0], {"identifier": "x", "type": "book", "language": "en", "title": "x"}]
    result = import_jsonl(write(tmp_path, lines), skip_invalid=True)
    assert (result.status, result.created, result.refused) == ("partial", 1, 1)
    assert list(Resource.objects.values_list("identifier", flat=True)) == ["imp-1"]


def test_it_reports_line_and_field_on_the_command_line(db, tmp_path, capsys):
    path = write(tmp_path, [GOOD[0], {**GOOD[0], "identifier": "imp-5", "licence": "mine"}])
    with pytest.raises(CommandError) as exc:
        call_command("knowledge", "import", str(path))
    assert exc.value.returncode == 1
    out = capsys.readouterr().out
    assert "line 2, licence: Unknown licence 'mine'; choose one of: cc-by-4.0," in out
    assert "refused             1" in out
    call_command("knowledge", "import", str(path), "--skip-invalid")
    out = capsys.readouterr().out
    assert "created             1" in out and "partial in" in out
