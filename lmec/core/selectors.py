"""Reads for countries and users."""

from django.db.models import QuerySet

from .models import Country


def country_list() -> QuerySet[Country]:
    return Country.objects.all()
