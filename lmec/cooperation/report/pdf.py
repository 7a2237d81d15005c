"""The evaluation report as PDF: the print document of :mod:`.html` through the platform's
one PDF entry point, :func:`lmec.core.pdf.render_pdf` (WeasyPrint, the language's fonts).

The cover is the first page (no page number), the contents list gives each section's page
(CSS ``target-counter``), and every other page carries "page / pages" (``@page`` counters);
the rules are in ``templates/cooperation/report/report.css``.

Drawing a report takes seconds (about 4-5 s for a dozen pages on a loaded 2-core machine),
so the website keeps each PDF in the cache under a digest of its data and the day (the
cover shows the date): a PDF is drawn again only when the records behind it change.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.utils import timezone

from lmec.core.pdf import render_pdf

from .html import render_report_html

CACHE_SECONDS = 24 * 3600


def render_report_pdf(data: dict) -> bytes:
    """The report of :func:`~lmec.cooperation.report.data.report_data` as PDF bytes."""
    return render_pdf(render_report_html(data))


def pdf_cache_key(data: dict) -> str:
    digest = hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    return f"lmec-report-pdf:{timezone.localdate().isoformat()}:{digest}"


def cached_report_pdf(data: dict) -> bytes:
    """:func:`render_report_pdf`, kept in the default cache while the data stay the same."""
    key = pdf_cache_key(data)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_report_pdf(data)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
