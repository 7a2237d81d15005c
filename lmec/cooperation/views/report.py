"""Pages of the evaluation report: the years available, a year's report, and its PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation

from lmec.core.pdf import PdfUnavailable

from ..report import ReportError, available_years, report_data
from ..report.html import report_context
from ..report.pdf import cached_report_pdf


def _data(year: int) -> dict:
    try:
        return report_data(year, translation.get_language())
    except ReportError as error:
        raise Http404(str(error)) from None


def report_index(request):
    return render(request, "cooperation/report/index.html", {"years": available_years()})


def report_page(request, year: int):
    data = _data(year)
    return render(request, "cooperation/report/page.html", report_context(data))


def report_pdf(request, year: int):
    data = _data(year)
    try:
        pdf = cached_report_pdf(data)
    except PdfUnavailable as error:
        # the page and the JSON still work; say what the server lacks
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"lmec-evaluation-report-{data['year']}-{data['language']}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
