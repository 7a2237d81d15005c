from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Country, Theme, User

admin.site.site_header = _("LMEC administration")
admin.site.site_title = _("LMEC administration")
admin.site.index_title = _("Platform records")


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ("code", "name", "formal_name")


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ("code", "name", "position")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "country", "is_active")
    list_filter = ("role", "country", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Role on the platform"), {"fields": ("role", "country", "organisation", "language")}),
    )
