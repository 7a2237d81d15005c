"""Multilingual fields of the registry (django-modeltranslation: a column per language)."""

from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Strategy)
class StrategyTranslation(TranslationOptions):
    fields = ("title", "publisher", "intro", "cooperation_forms_text", "assessment_text")


@register((models.Objective, models.Principle, models.ImplementingArrangement, models.PriorityItem))
class TextTranslation(TranslationOptions):
    fields = ("text",)


@register(models.PriorityArea)
class PriorityAreaTranslation(TranslationOptions):
    fields = ("title", "intro", "notes")


@register((models.Direction, models.Action, models.FundingSourceType, models.CooperationForm))
class NameTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("name", "timing_text")


@register(models.Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "agenda", "outcomes", "city", "venue")


@register(models.Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "outputs")


@register(models.Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)


@register(models.ProjectSite)
class ProjectSiteTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "description", "unit")
