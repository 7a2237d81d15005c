"""The knowledge catalogue (strategy 4.5; Dir.5 Act.1-1, 1-2): resources, their files, review.

A :class:`Resource` is one catalogue record — a publication, dataset, good-practice case,
policy, tool, training material or multimedia link — with its title and abstract in one or
more of the seven languages (``language`` marks the original) and its files or links
(:class:`Distribution`, CKAN's "resources"). ``identifier`` is the stable public key used by
the API, imports, harvests, OAI-PMH and citations. Every change is kept in
:class:`ResourceEvent`; the public sees only ``published`` records.

Search tables (full text, embeddings) live in :mod:`lmec.knowledge.search` and are kept up to
date by the services; nothing here knows about them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country, Theme

from . import licences

LANGUAGE_CHOICES = settings.LANGUAGES

#: Identifiers are stable public keys and one URL path segment: letters, digits and ``. _ : -``
#: (harvested records keep their source's id behind a prefix, e.g. ``odm:dataset-name``).
identifier_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$",
    _("Use letters, digits and . _ : - only (up to 200), starting with a letter or digit."),
)


#: The sections of the good-practice case template, in reading order.
CASE_FIELDS = ("context", "challenge", "solution", "results", "costs", "lessons", "partners")
#: The fields written in several languages (modeltranslation columns ``<field>_<lang>``).
TRANSLATED_FIELDS = ("title", "abstract", *CASE_FIELDS)


class ResourceType(models.TextChoices):
    PUBLICATION = "publication", _("Publication or report")
    DATASET = "dataset", _("Dataset")
    CASE = "case", _("Good-practice case")
    POLICY = "policy", _("Policy or regulation")
    TOOL = "tool", _("Tool or guideline")
    TRAINING = "training", _("Training material")
    MULTIMEDIA = "multimedia", _("Multimedia")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned with comments")


class Access(models.TextChoices):
    OPEN = "open", _("Open")
    ON_REQUEST = "on_request", _("On request")


class Keyword(models.Model):
    """A free keyword (CKAN's "tag"), kept as written (any script), compared case-folded."""

    name = models.CharField(_("keyword"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """One catalogue record. Translated fields: see ``translation.py``."""

    identifier = models.CharField(
        _("identifier"), max_length=200, unique=True, validators=[identifier_validator]
    )
    type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    language = models.CharField(
        _("original language"),
        max_length=10,
        choices=LANGUAGE_CHOICES,
        help_text=_("The language the resource was written in; other languages are translations."),
    )
    title = models.CharField(_("title"), max_length=500)
    abstract = models.TextField(_("abstract"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    access = models.CharField(
        _("access"), max_length=20, choices=Access.choices, default=Access.OPEN
    )
    # Authors as written, in order: [{"name": "…", "affiliation": "…", "orcid": "…"}].
    authors = models.JSONField(_("authors"), default=list, blank=True)
    publisher = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("publisher"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resources",
        help_text=_("The organisation that publishes the resource (CKAN's organization)."),
    )
    organisations = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="contributed_resources",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("owning country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_resources",
        help_text=_(
            "Whose focal point reviews it and decides access requests; empty for regional work."
        ),
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries covered"), blank=True, related_name="resources"
    )
    spatial = models.CharField(_("spatial coverage"), max_length=300, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="resources"
    )
    keywords = models.ManyToManyField(
        Keyword, verbose_name=_("keywords"), blank=True, related_name="resources"
    )
    activities = models.ManyToManyField(
        "cooperation.Activity",
        verbose_name=_("framework activities"),
        blank=True,
        related_name="resources",
    )
    licence = models.CharField(
        _("licence"), max_length=40, choices=licences.CHOICES, default=licences.DEFAULT
    )
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    # SDG numbers (1-17) the resource contributes to; used by good-practice cases.
    sdgs = models.JSONField(_("Sustainable Development Goals"), default=list, blank=True)

    # Good-practice case template (type "case"); translated like title and abstract.
    context = models.TextField(_("context"), blank=True)
    challenge = models.TextField(_("challenge"), blank=True)
    solution = models.TextField(_("solution"), blank=True)
    results = models.TextField(_("results"), blank=True)
    costs = models.TextField(_("costs"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    # Results with figures: [{"label": "…", "value": 1234.5, "unit": "t CO2e/yr"}].
    figures = models.JSONField(_("results in figures"), default=list, blank=True)

    # Where a harvested record came from (empty for records made here).
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    source_modified = models.DateTimeField(_("modified at source"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_resources",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("knowledge resource")
        verbose_name_plural = _("knowledge resources")
        indexes = [models.Index(fields=["status", "type"], name="resource_status_type")]

    def __str__(self) -> str:
        return f"{self.identifier}: {self.title}"

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        bad = [n for n in self.sdgs or [] if not isinstance(n, int) or not 1 <= n <= 17]
        if bad:
            raise ValidationError({"sdgs": _("SDGs are numbers from 1 to 17.")})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def distribution_upload_to(instance: Distribution, filename: str) -> str:
    # The services give files a safe name before they get here; the folder keeps one
    # resource's files together and avoids clashes between resources.
    return f"knowledge/{instance.resource_id}/{filename}"


class Distribution(models.Model):
    """A file or a link of a resource (DCAT distribution, CKAN resource)."""

    class Kind(models.TextChoices):
        FILE = "file", _("File")
        LINK = "link", _("Link")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="distributions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FILE)
    title = models.CharField(_("title"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=distribution_upload_to, max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    # Format as people name it (PDF, DOCX, XLSX, CSV, PNG, HTML …) and the checked media type.
    format = models.CharField(_("format"), max_length=20, blank=True)
    media_type = models.CharField(_("media type"), max_length=100, blank=True)
    size = models.BigIntegerField(_("size [bytes]"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, blank=True)
    # Text extracted from PDF/DOCX for search (empty for other formats and links).
    text = models.TextField(_("extracted text"), blank=True)
    preview = models.ImageField(
        _("preview"), upload_to="knowledge/previews/", max_length=300, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["resource", "position", "id"]
        verbose_name = _("file or link")
        verbose_name_plural = _("files and links")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="file") & ~models.Q(file=""))
                | (models.Q(kind="link") & ~models.Q(url="")),
                name="distribution_file_or_link",
            )
        ]

    def __str__(self) -> str:
        return self.title or self.file.name or self.url


class ResourceEvent(models.Model):
    """The history of a resource: who did what, when, with the fields changed."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted")
        REVIEW_STARTED = "review_started", _("Review started")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned with comments")
        UNPUBLISHED = "unpublished", _("Unpublished")
        IMPORTED = "imported", _("Imported")
        HARVESTED = "harvested", _("Harvested")
        FILE_ADDED = "file_added", _("File added")
        FILE_REMOVED = "file_removed", _("File removed")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    comment = models.TextField(blank=True)
    # {field: [old, new]} for edits; empty for pure workflow steps.
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["resource", "at", "id"]
        verbose_name = _("resource history entry")
        verbose_name_plural = _("resource history")

    def __str__(self) -> str:
        return f"{self.resource_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class AccessRequest(models.Model):
    """A signed-in user's request for an "on request" dataset, decided by its country or an editor."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="access_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests"
    )
    purpose = models.TextField(_("purpose"))
    status = models.CharField(
        _("status"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        constraints = [
            # One open request per person and resource; decided ones stay as history.
            models.UniqueConstraint(
                fields=["resource", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_access_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.resource_id} ({self.status})"


class Download(models.Model):
    """A logged download of a file (who, when); kept for on-request datasets and statistics."""

    distribution = models.ForeignKey(
        Distribution, on_delete=models.CASCADE, related_name="downloads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self) -> str:
        return f"{self.distribution_id} {self.at:%Y-%m-%d %H:%M}"


# The harvester's bookkeeping lives with the harvester; imported here so Django finds it.
from .harvest.models import HarvestRecord, HarvestRun, HarvestSource  # noqa: E402, F401

# The search tables (made in SQL, read in SQL), declared so that Django's flush empties them.
from .search.models import SearchDocument, SearchState, SearchText, SearchVector  # noqa: E402, F401
