"""The harvests in the admin: sources with their cursor, runs with their counts and errors."""

from django.contrib import admin

from .models import HarvestRecord, HarvestRun, HarvestSource


class RunInline(admin.TabularInline):
    model = HarvestRun
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "status",
        "started_at",
        "finished_at",
        "pages",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "error",
    )
    show_change_link = True


@admin.register(HarvestSource)
class HarvestSourceAdmin(admin.ModelAdmin):
    list_display = ("url", "organization", "prefix", "cursor", "created_at")
    readonly_fields = ("cursor", "created_at")
    inlines = [RunInline]


@admin.register(HarvestRun)
class HarvestRunAdmin(admin.ModelAdmin):
    list_display = (
        "source",
        "status",
        "started_at",
        "finished_at",
        "created",
        "updated",
        "unchanged",
        "skipped",
    )
    list_filter = ("status", "source")
    readonly_fields = [f.name for f in HarvestRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(HarvestRecord)
class HarvestRecordAdmin(admin.ModelAdmin):
    list_display = ("identifier", "source", "remote_name", "remote_modified", "licence_original")
    list_filter = ("source",)
    search_fields = ("identifier", "remote_name")
    readonly_fields = [f.name for f in HarvestRecord._meta.fields]
