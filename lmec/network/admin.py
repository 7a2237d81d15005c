"""Admin of the network directory: the secretariat manages every record and designates the
focal points; a focal point sees and manages their own country's organisations, expert
profiles and capacity members, and can only choose their own country for them.

Permissions come from :mod:`lmec.network.permissions` (django-rules); the consent of an
expert is kept consistent here as in the services (listing records the time, unlisting
clears it).
"""

from django.contrib import admin
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from lmec.core.models import Country
from lmec.core.permissions import is_secretariat

from . import models
from .permissions import country_of


class CountryScopedAdmin(ObjectPermissionsModelAdminMixin, TabbedTranslationAdmin):
    """Lists a focal point's country only; offers only their country in the form."""

    #: The lookup of the record's country in the queryset.
    country_lookup = "country_id"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_secretariat(request.user):
            return queryset
        return queryset.filter(**{self.country_lookup: request.user.country_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "country" and not is_secretariat(request.user):
            kwargs["queryset"] = Country.objects.filter(code=request.user.country_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(models.Organisation)
class OrganisationAdmin(CountryScopedAdmin):
    list_display = ("slug", "name", "acronym", "kind", "country", "iati_ref")
    list_filter = ("kind", "country")
    search_fields = ("slug", "name", "acronym")

    def get_readonly_fields(self, request, obj=None):
        # the code is the organisation's key in URLs and other records: set once
        return ("slug",) if obj is not None else ()

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "country" in form.base_fields and not is_secretariat(request.user):
            form.base_fields["country"].required = True  # no regional records
        return form


@admin.register(models.Expert)
class ExpertAdmin(CountryScopedAdmin):
    list_display = ("name", "organisation", "country", "public", "consent_at")
    list_filter = ("public", "country", "themes")
    search_fields = ("name", "email")
    readonly_fields = ("consent_at", "created_at", "updated_at")
    raw_id_fields = ("user", "organisation")
    filter_horizontal = ("themes",)

    def save_model(self, request, obj, form, change):
        if obj.public and obj.consent_at is None:
            obj.consent_at = timezone.now()
        elif not obj.public:
            obj.consent_at = None
        super().save_model(request, obj, form, change)


@admin.register(models.FocalPoint)
class FocalPointAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "organisation", "contact_name", "email", "since")
    raw_id_fields = ("organisation",)


@admin.register(models.CapacityMember)
class CapacityMemberAdmin(CountryScopedAdmin):
    country_lookup = "organisation__country_id"
    list_display = ("organisation", "kind", "media", "accreditation")
    list_filter = ("kind", "media")
    raw_id_fields = ("organisation",)
    filter_horizontal = ("stations",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not is_secretariat(request.user):
            kwargs["queryset"] = models.Organisation.objects.filter(
                country_id=request.user.country_id
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "stations" and not is_secretariat(request.user):
            from lmec.monitoring.models import Station

            kwargs["queryset"] = Station.objects.filter(country_id=request.user.country_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # a focal point may only enter their own country's organisations here
        if not is_secretariat(request.user) and country_of(obj) != request.user.country_id:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        super().save_model(request, obj, form, change)
