"""The comparison page (placeholder until the compare selector lands)."""

from django.http import HttpResponse


def compare(request):
    return HttpResponse("")
