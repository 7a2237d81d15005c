"""What the harvester remembers: sources, runs (a visible status) and harvested records.

A :class:`HarvestSource` is one remote catalogue (and optionally one of its organisations);
its ``cursor`` is the newest ``metadata_modified`` already stored, saved after every page, so
the next run — or a run resumed after an interruption — asks only for what changed since.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class HarvestSource(models.Model):
    class Kind(models.TextChoices):
        CKAN = "ckan", "CKAN"

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.CKAN)
    url = models.URLField(_("URL"), max_length=500)
    organization = models.CharField(_("organisation at the source"), max_length=200, blank=True)
    prefix = models.SlugField(
        _("identifier prefix"),
        max_length=60,
        help_text=_(
            "A harvested record's identifier is this prefix, a colon and the record's name at "
            "the source, e.g. mrc:water-quality-2020."
        ),
    )
    # The source's own metadata_modified text (naive UTC as CKAN writes it), newest stored.
    cursor = models.CharField(_("harvested up to"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "knowledge"
        ordering = ["url", "organization"]
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "url", "organization"], name="one_harvest_source_per_url"
            )
        ]

    def __str__(self) -> str:
        return f"{self.url} {self.organization}".strip()


class HarvestRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted")

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    since = models.CharField(_("changed since"), max_length=40, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    created = models.PositiveIntegerField(
        pgettext_lazy("harvest run: number of records", "created"), default=0
    )
    updated = models.PositiveIntegerField(
        pgettext_lazy("harvest run: number of records", "updated"), default=0
    )
    unchanged = models.PositiveIntegerField(
        pgettext_lazy("harvest run: number of records", "unchanged"), default=0
    )
    skipped = models.PositiveIntegerField(
        pgettext_lazy("harvest run: number of records", "skipped"), default=0
    )
    error = models.TextField(_("error"), blank=True)
    # One entry per skipped package: {"name": …, "errors": {field: [message]}}.
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        app_label = "knowledge"
        ordering = ["-started_at", "-id"]
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M} {self.status}"


class HarvestRecord(models.Model):
    """One package harvested from a source: where it came from, with its original licence."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="records")
    remote_id = models.CharField(max_length=200)
    remote_name = models.CharField(max_length=200)
    identifier = models.CharField(max_length=200, db_index=True)
    remote_modified = models.CharField(max_length=40, blank=True)
    # The licence id at the source when ours differs (an id our register does not know).
    licence_original = models.CharField(max_length=200, blank=True)
    harvested_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "knowledge"
        ordering = ["source", "remote_name"]
        verbose_name = _("harvested record")
        verbose_name_plural = _("harvested records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "remote_id"], name="one_harvest_record_per_remote_id"
            )
        ]

    def __str__(self) -> str:
        return self.identifier
