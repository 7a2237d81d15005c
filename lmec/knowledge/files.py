"""Files of the catalogue: what is accepted, under which name, and what is read out of them.

Accepted formats: PDF, DOCX, XLSX, CSV and PNG/JPEG/WebP images, recognised by their
content, not their name — binary formats by their signature (``filetype``), DOCX and XLSX by
the parts inside the ZIP container (``word/document.xml``, ``xl/workbook.xml``), CSV by
decoding it as UTF-8 text. A refused file gets a message saying what was found and what is
allowed, or its size and the limit (``KNOWLEDGE_MAX_UPLOAD_BYTES``).

Names are made safe by transliterating the stem to ASCII (ICU ``Any-Latin; Latin-ASCII``, so a
Thai or Chinese title keeps a readable name), slugifying it and giving it the extension of the
format found. Text is extracted from PDF (pypdf) and DOCX (python-docx, tables included) for
search; the preview of a PDF is its first page rendered by PDFium, about 600 px wide (PNG).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: Format name -> (media type, file extension), in the order they are listed to people.
FORMATS = {
    "PDF": ("application/pdf", "pdf"),
    "DOCX": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "XLSX": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "CSV": ("text/csv", "csv"),
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "WEBP": ("image/webp", "webp"),
}
ALLOWED = "PDF, DOCX, XLSX, CSV, PNG, JPEG, WebP"
#: ``filetype`` extension -> our format name.
_SIGNATURES = {"pdf": "PDF", "png": "PNG", "jpg": "JPEG", "webp": "WEBP"}
#: Formats whose text is extracted for search.
TEXT_FORMATS = frozenset({"PDF", "DOCX"})
PREVIEW_WIDTH = 600  # [px]
_HEAD = 8192  # bytes read to recognise a signature


class FileRefused(ValueError):
    """A file the catalogue does not take; the message says why, for the person uploading."""


@dataclass(frozen=True)
class FileInfo:
    format: str  # PDF, DOCX, XLSX, CSV, PNG, JPEG, WEBP
    media_type: str
    size: int  # [bytes]
    sha256: str
    safe_name: str


def max_upload_bytes() -> int:
    return settings.KNOWLEDGE_MAX_UPLOAD_BYTES


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def check_upload(upload, *, name: str | None = None) -> FileInfo:
    """Check a file (Django ``UploadedFile``/``File`` or any seekable binary file object with
    a ``name``) and describe it; raise :class:`FileRefused` saying why it is not accepted."""
    name = name or Path(getattr(upload, "name", "") or "file").name
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    limit = max_upload_bytes()
    if size > limit:
        raise FileRefused(
            _("%(name)s is %(size)s, over the limit of %(limit)s.")
            % {"name": name, "size": _megabytes(size), "limit": _megabytes(limit)}
        )
    if size == 0:
        raise FileRefused(_("%(name)s is empty.") % {"name": name})
    upload.seek(0)
    head = upload.read(_HEAD)
    upload.seek(0)
    fmt = _recognise(upload, head, name)
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1 << 20), b""):
        digest.update(chunk)
    upload.seek(0)
    media_type, extension = FORMATS[fmt]
    return FileInfo(
        format=fmt,
        media_type=media_type,
        size=size,
        sha256=digest.hexdigest(),
        safe_name=safe_name(name, extension),
    )


def _recognise(upload, head: bytes, name: str) -> str:
    kind = filetype.guess(head)
    found = kind.extension if kind else None
    if found in _SIGNATURES:
        return _SIGNATURES[found]
    if head.startswith(b"PK\x03\x04"):
        return _office_format(upload, name)
    if kind is not None:
        raise FileRefused(
            _("%(name)s is a %(found)s file (%(media)s); allowed: %(allowed)s.")
            % {"name": name, "found": found.upper(), "media": kind.mime, "allowed": ALLOWED}
        )
    if name.lower().endswith(".csv") or not Path(name).suffix:
        _check_csv(upload, name)
        return "CSV"
    raise FileRefused(
        _("The content of %(name)s was not recognised; allowed: %(allowed)s.")
        % {"name": name, "allowed": ALLOWED}
    )


def _office_format(upload, name: str) -> str:
    """DOCX and XLSX are ZIP containers: look at the parts inside."""
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = set(archive.namelist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise FileRefused(
            _("%(name)s is a damaged ZIP container (%(error)s); allowed: %(allowed)s.")
            % {"name": name, "error": exc, "allowed": ALLOWED}
        ) from None
    finally:
        upload.seek(0)
    if bad is not None:
        raise FileRefused(
            _("%(name)s is a damaged ZIP container (part %(part)s); allowed: %(allowed)s.")
            % {"name": name, "part": bad, "allowed": ALLOWED}
        )
    if "[Content_Types].xml" in parts and "word/document.xml" in parts:
        return "DOCX"
    if "[Content_Types].xml" in parts and "xl/workbook.xml" in parts:
        return "XLSX"
    raise FileRefused(
        _("%(name)s is a ZIP archive, not a DOCX or XLSX document; allowed: %(allowed)s.")
        % {"name": name, "allowed": ALLOWED}
    )


def _check_csv(upload, name: str) -> None:
    data = upload.read()
    upload.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(
            _(
                "%(name)s is neither a recognised binary format nor UTF-8 text (byte "
                "%(position)d); allowed: %(allowed)s (CSV in UTF-8)."
            )
            % {"name": name, "position": exc.start, "allowed": ALLOWED}
        ) from None
    if "\x00" in text:
        raise FileRefused(
            _("%(name)s holds binary data (NUL bytes), not CSV text; allowed: %(allowed)s.")
            % {"name": name, "allowed": ALLOWED}
        )


@lru_cache(maxsize=1)
def _transliterator():
    try:
        import icu
    except ImportError:  # PyICU is a pinned dependency; without it names just lose non-ASCII
        return None
    return icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")


def safe_name(name: str, extension: str | None = None, *, max_length: int = 80) -> str:
    """An ASCII file name: the stem transliterated and slugified, ``extension`` (or the
    name's own, lower case). ``"รายงาน คุณภาพ.PDF"`` → ``"rayngan-khunphaph.pdf"``."""
    path = Path(name.replace("\\", "/")).name
    stem, dot, ext = path.rpartition(".")
    if not dot:
        stem, ext = path, ""
    extension = (extension or ext).lower()
    translit = _transliterator()
    if translit is not None:
        stem = translit.transliterate(stem)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()[:max_length].strip("-")
    stem = stem or "file"
    extension = re.sub(r"[^a-z0-9]", "", extension)[:10]
    return f"{stem}.{extension}" if extension else stem


def extract_text(path, format: str) -> str:
    """Plain text of a PDF or DOCX for search ("" for other formats, or if it cannot be read:
    a scanned PDF has no text layer)."""
    try:
        if format == "PDF":
            return _pdf_text(path)
        if format == "DOCX":
            return _docx_text(path)
    except Exception:  # a file that passed the checks but that the reader chokes on
        logger.warning("no text extracted from %s (%s)", path, format, exc_info=True)
    return ""


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    return unicodedata.normalize("NFC", "\n\n".join(p for p in pages if p))


def _docx_text(path) -> str:
    import docx

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                text = cell.text.strip()
                if text and (not cells or cells[-1] != text):  # merged cells repeat
                    cells.append(text)
            if cells:
                parts.append("\t".join(cells))
    return unicodedata.normalize("NFC", "\n".join(parts))


def render_preview(path, *, width: int = PREVIEW_WIDTH) -> bytes:
    """The first page of a PDF as a PNG about ``width`` pixels wide."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
