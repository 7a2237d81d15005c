"""Admin of the registry: editors correct translations here; codes stay as loaded."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from . import models


class RegistryAdmin(ObjectPermissionsModelAdminMixin, TranslationAdmin):
    """Codes and numbers are the registry's identity: shown, not edited."""

    readonly_fields = ("code",)


class ActivityInline(TranslationTabularInline):
    model = models.Activity
    fields = ("code", "name", "timing", "start_year", "end_year", "launched_year", "timing_text")
    readonly_fields = ("code",)
    extra = 0


@admin.register(models.Direction)
class DirectionAdmin(RegistryAdmin):
    list_display = ("code", "name")


@admin.register(models.Action)
class ActionAdmin(RegistryAdmin):
    list_display = ("code", "name", "direction")
    list_filter = ("direction",)
    inlines = [ActivityInline]


@admin.register(models.Activity)
class ActivityAdmin(RegistryAdmin):
    list_display = ("code", "name", "timing_text")
    list_filter = ("action__direction", "timing")
    search_fields = ("code", "name")


@admin.register(models.PriorityArea)
class PriorityAreaAdmin(RegistryAdmin):
    list_display = ("code", "title", "parent")


@admin.register(models.PriorityItem)
class PriorityItemAdmin(RegistryAdmin):
    list_display = ("code", "text")
    list_filter = ("area",)


for _model in (
    models.Objective,
    models.Principle,
    models.FundingSourceType,
    models.ImplementingArrangement,
):
    admin.site.register(_model, RegistryAdmin)


@admin.register(models.CooperationForm)
class CooperationFormAdmin(RegistryAdmin):
    list_display = ("code", "name")


@admin.register(models.Strategy)
class StrategyAdmin(ObjectPermissionsModelAdminMixin, TranslationAdmin):
    list_display = ("title", "start_year", "end_year")
    readonly_fields = ("slug",)


@admin.register(models.ExchangeRate)
class ExchangeRateAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    """Reference rates (USD per unit) the funding rows are converted at; the secretariat's."""

    list_display = ("currency", "date", "usd_per_unit", "source")
    list_filter = ("currency",)


@admin.register(models.Event)
class EventAdmin(ObjectPermissionsModelAdminMixin, TranslationAdmin):
    """Events for corrections by the secretariat; focal points see their country's. The
    pages and API (services) are the usual way to create, publish and cancel them."""

    list_display = ("slug", "title", "kind", "status", "start", "country")
    list_filter = ("status", "kind", "country")
    search_fields = ("slug", "title")
    filter_horizontal = ("activities", "organisers", "partners", "documents")
    readonly_fields = ("created_by", "created_at", "updated_at")

    def get_queryset(self, request):
        from .selectors.events import managed_events

        return managed_events(request.user)


@admin.register(models.Registration)
class RegistrationAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("name", "email", "event", "status", "attended", "certificate_number")
    list_filter = ("status", "attended", "event__country")
    search_fields = ("name", "email", "event__slug")
    raw_id_fields = ("event", "user", "organisation")

    def get_queryset(self, request):
        from .selectors.events import managed_events

        return super().get_queryset(request).filter(event__in=managed_events(request.user))
