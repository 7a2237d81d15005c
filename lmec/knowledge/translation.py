"""Multilingual fields of the catalogue (django-modeltranslation: a column per language).

``Resource.language`` marks which column holds the original; the others are translations.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import TRANSLATED_FIELDS, Resource


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = TRANSLATED_FIELDS
    # Every language column may be empty: a record needs its title in its original language
    # only (checked by the services), not in English.
    required_languages = ()
