"""A station's page (placeholder until the statistics selectors land)."""

from django.http import HttpResponse


def station(request, code):
    return HttpResponse(code)
