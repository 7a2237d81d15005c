"""Multilingual fields (django-modeltranslation): one column per UI language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Country, Theme


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "formal_name")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
