"""Multilingual fields of the monitoring hub (django-modeltranslation: a column per language)."""

from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Station)
class StationTranslation(TranslationOptions):
    fields = ("name",)
