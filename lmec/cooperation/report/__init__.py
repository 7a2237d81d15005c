"""The annual evaluation report (strategy 5.4): :func:`report_data` gathers it, and
:func:`render_report_html` / :func:`render_report_pdf` draw it. The website, the API and
``lmec report`` call these."""

from .data import ReportError, available_years, check_request, report_data
from .html import render_report_html
from .pdf import render_report_pdf

__all__ = [
    "ReportError",
    "available_years",
    "check_request",
    "render_report_html",
    "render_report_pdf",
    "report_data",
]
