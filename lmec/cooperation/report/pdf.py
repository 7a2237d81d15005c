"""The evaluation report as PDF: the print document of :mod:`.html` through the platform's
one PDF entry point, :func:`lmec.core.pdf.render_pdf` (WeasyPrint, the language's fonts).

The cover is the first page (no page number), the contents list gives each section's page
(CSS ``target-counter``), and every other page carries "page / pages" (``@page`` counters);
the rules are in ``templates/cooperation/report/report.css``."""

from __future__ import annotations

from lmec.core.pdf import render_pdf

from .html import render_report_html


def render_report_pdf(data: dict) -> bytes:
    """The report of :func:`~lmec.cooperation.report.data.report_data` as PDF bytes."""
    return render_pdf(render_report_html(data))
