"""Real files made in the tests: a PDF with a text layer, DOCX with a table, XLSX, images."""

import io
import zipfile


def pdf_with_text(text: str = "Mekong sediment monitoring report") -> bytes:
    """A one-page PDF whose content stream draws ``text`` in Helvetica (pypdf's writer)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 24 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_pdf() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "green").save(buffer, format="PDF")
    return buffer.getvalue()


def docx_with_table() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("รายงานคุณภาพน้ำ แม่น้ำโขง")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "station"
    table.cell(0, 1).text = "turbidity"
    table.cell(1, 0).text = "Kratie"
    table.cell(1, 1).text = "42 NTU"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["station", "pm25"])
    book.active.append(["TH-BK-01", 31.5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


#: The start of a Windows executable (MZ header with the PE offset), as an .exe begins.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
