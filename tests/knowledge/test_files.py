"""Uploads: type by content, size limit, safe names, text extraction, PDF preview."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lmec.knowledge import files
from lmec.knowledge.files import FileRefused, check_upload

from . import filemaker


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "make", "fmt"),
    [
        ("report.pdf", filemaker.pdf_with_text, "PDF"),
        ("report.docx", filemaker.docx_with_table, "DOCX"),
        ("data.xlsx", filemaker.xlsx, "XLSX"),
        ("data.csv", lambda: b"station,pm25\nTH-BK-01,31.5\n", "CSV"),
        ("map.png", filemaker.png, "PNG"),
    ],
)
def test_it_recognises_each_allowed_format_by_content(name, make, fmt):
    content = make()
    info = check_upload(upload(name, content))
    assert info.format == fmt
    assert info.size == len(content)
    assert info.media_type == files.FORMATS[fmt][0]
    import hashlib

    assert info.sha256 == hashlib.sha256(content).hexdigest()


def test_it_refuses_an_executable_named_pdf():
    with pytest.raises(FileRefused) as exc:
        check_upload(upload("report.pdf", filemaker.EXE))
    assert str(exc.value) == (
        "report.pdf is a EXE file (application/x-msdownload); "
        "allowed: PDF, DOCX, XLSX, CSV, PNG, JPEG, WebP."
    )


def test_it_refuses_a_truncated_docx():
    content = filemaker.docx_with_table()
    with pytest.raises(FileRefused) as exc:
        check_upload(upload("report.docx", content[: len(content) // 2]))
    assert "report.docx is a damaged ZIP container" in str(exc.value)


def test_it_refuses_a_zip_that_is_no_office_document():
    with pytest.raises(FileRefused) as exc:
        check_upload(upload("report.docx", filemaker.plain_zip()))
    assert "is a ZIP archive, not a DOCX or XLSX document" in str(exc.value)


def test_it_refuses_a_csv_that_is_not_text():
    with pytest.raises(FileRefused) as exc:
        check_upload(upload("data.csv", b"\xff\xfe\x00bad"))
    assert "neither a recognised binary format nor UTF-8 text" in str(exc.value)


def test_it_refuses_a_file_over_the_limit(settings):
    settings.KNOWLEDGE_MAX_UPLOAD_BYTES = 1_000_000
    with pytest.raises(FileRefused) as exc:
        check_upload(upload("data.csv", b"a,b\n" * 300_000))
    assert str(exc.value) == "data.csv is 1.2 MB, over the limit of 1.0 MB."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Annual Report 2024.PDF", "annual-report-2024.pdf"),
        ("รายงาน คุณภาพ.pdf", "rayngan-khunphaph.pdf"),
        ("空气质量报告.docx", "kong-qi-zhi-liang-bao-gao.docx"),
        ("../../etc/passwd", "passwd"),
        ("ຄຸນນະພາບ.csv", "file.csv"),
    ],
)
def test_it_makes_safe_ascii_names(name, expected):
    assert files.safe_name(name) == expected


def test_it_extracts_text_from_pdf_and_docx_tables():
    pdf = files.extract_text(io.BytesIO(filemaker.pdf_with_text("Sediment in Kratie")), "PDF")
    assert pdf == "Sediment in Kratie"
    docx = files.extract_text(io.BytesIO(filemaker.docx_with_table()), "DOCX")
    assert docx == "รายงานคุณภาพน้ำ แม่น้ำโขง\nstation\tturbidity\nKratie\t42 NTU"


def test_it_renders_a_600_pixel_preview_of_a_pdf():
    png = files.render_preview(io.BytesIO(filemaker.image_pdf()))
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == 600 and image.height == 300
