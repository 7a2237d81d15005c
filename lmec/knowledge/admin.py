"""Admin of the catalogue: editors and focal points correct records and translations here.

Workflow steps and access decisions go through the services on the pages and the API (they
check the rules and keep the history); here the history, requests and downloads are shown
read-only. A focal point sees their country's resources only.
"""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from lmec.core.models import Role
from lmec.core.permissions import is_secretariat

from . import models


class DistributionInline(admin.TabularInline):
    model = models.Distribution
    fields = ("kind", "title", "file", "url", "format", "size", "language", "position")
    readonly_fields = ("size",)
    extra = 0


class ResourceEventInline(admin.TabularInline):
    model = models.ResourceEvent
    fields = ("at", "user", "action", "comment", "changes")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Resource)
class ResourceAdmin(ObjectPermissionsModelAdminMixin, TabbedTranslationAdmin):
    list_display = ("identifier", "title", "type", "status", "country", "language", "updated_at")
    list_filter = ("status", "type", "access", "country", "themes", "language")
    search_fields = ("identifier", "title", "doi")
    readonly_fields = (
        "identifier",
        "status",
        "created_by",
        "created_at",
        "updated_at",
        "published_at",
    )
    autocomplete_fields = ("keywords",)
    raw_id_fields = ("publisher", "organisations")
    filter_horizontal = ("countries", "themes", "activities")
    inlines = [DistributionInline, ResourceEventInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        user = request.user
        if is_secretariat(user):
            return queryset
        if user.role == Role.FOCAL_POINT:
            return queryset.filter(country_id=user.country_id)
        return queryset.none()


@admin.register(models.Keyword)
class KeywordAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    search_fields = ("name",)


class ReadOnlyAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.AccessRequest)
class AccessRequestAdmin(ReadOnlyAdmin):
    list_display = ("resource", "user", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status",)


@admin.register(models.Download)
class DownloadAdmin(ReadOnlyAdmin):
    list_display = ("distribution", "user", "at")


# The harvester's sources, runs and records (lmec harvest) register themselves.
from .harvest import admin as harvest_admin  # noqa: E402, F401
