"""Multilingual fields of the network (django-modeltranslation: a column per language)."""

from modeltranslation.translator import TranslationOptions, register

from .models import CapacityMember, Expert, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Expert)
class ExpertTranslation(TranslationOptions):
    fields = ("title", "bio")


@register(CapacityMember)
class CapacityMemberTranslation(TranslationOptions):
    fields = ("notes",)
