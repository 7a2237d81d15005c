"""Admin of the monitoring hub: stations and their parameters; uploads, keys and alerts to inspect.

Focal points see and change their own country's stations only (queryset and country field
limited here; the rules in :mod:`.permissions` decide on each object). Measurements are not in
the admin: they come in through the ingest, which keeps their history and daily values right.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from lmec.core.permissions import is_secretariat

from . import models


class StationParameterInline(admin.TabularInline):
    model = models.StationParameter
    extra = 0
    fields = ("parameter", "unit", "method")


@admin.register(models.Station)
class StationAdmin(ObjectPermissionsModelAdminMixin, TranslationAdmin):
    list_display = ("code", "name", "country", "kind", "site_type", "operator")
    list_filter = ("country", "kind", "site_type")
    search_fields = ("code", "name", "operator")
    inlines = [StationParameterInline]
    filter_horizontal = ("data_providers",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("country")
        if is_secretariat(request.user):
            return queryset
        return queryset.filter(country_id=request.user.country_id)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "country" and not is_secretariat(request.user):
            from lmec.core.models import Country

            kwargs["queryset"] = Country.objects.filter(code=request.user.country_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(models.Upload)
class UploadAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = (
        "created",
        "filename",
        "format",
        "user",
        "status",
        "rows_stored",
        "rows_refused",
    )
    list_filter = ("status", "format")
    readonly_fields = [f.name for f in models.Upload._meta.fields]


@admin.register(models.ApiKey)
class ApiKeyAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("name", "prefix", "user", "created", "last_used", "revoked")
    readonly_fields = ("prefix", "digest", "created", "last_used")


@admin.register(models.AlertSubscription)
class AlertSubscriptionAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("user", "station", "country", "standard", "threshold", "active")
    list_filter = ("active", "country")
