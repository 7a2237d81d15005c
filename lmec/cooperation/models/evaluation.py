"""Indicators and the evaluation of the framework (strategy 5.4): self-assessment by each
country combined with public assessment.

Indicators computed from records (events per activity and year, participants, funding …)
are not stored: :mod:`lmec.cooperation.indicators` computes them. Stored here are the
*custom* indicators, whose yearly values people enter, and the two kinds of assessment.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country

from .events import Event
from .framework import Activity, Direction
from .projects import Project

LANGUAGE_CHOICES = settings.LANGUAGES


class Indicator(models.Model):
    """A custom indicator with baseline and target, for a direction or an activity (or the
    whole framework when both are empty). Values are per year, regional or per country."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.ForeignKey(
        Direction,
        verbose_name=_("strategic direction"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.FloatField(_("target"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The value of a custom indicator in a year, for a country or (country empty) the region."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, null=True, blank=True
    )
    value = models.FloatField(_("value"))
    note = models.CharField(_("note or source"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "year", "country"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            # NULL country (regional) is distinct in a unique constraint on both databases,
            # so the regional value gets its own partial constraint.
            models.UniqueConstraint(
                fields=["indicator", "year", "country"],
                condition=models.Q(country__isnull=False),
                name="indicator_value_once_per_country",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=models.Q(country__isnull=True),
                name="indicator_value_once_regional",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year} {self.country_id or 'region'}: {self.value}"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class SelfAssessment(models.Model):
    """A country's self-assessment of one year (strategy 5.4), drafted by its focal point.

    Once submitted it is locked: nobody edits it; an editor may reopen it (back to draft),
    which is recorded. Other countries' focal points and the public see it only when submitted.
    """

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    language = models.CharField(
        _("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    summary = models.TextField(_("overall summary"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(_("reopened"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "country"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="self_assessment_once")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.year}"

    @property
    def locked(self) -> bool:
        return self.status == AssessmentStatus.SUBMITTED


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class SelfAssessmentEntry(models.Model):
    """One answer of a self-assessment: an activity's (or a direction's) status, what was
    achieved, the challenges, the next steps and a rating from 1 (poor) to 5 (excellent)."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="entries")
    direction = models.ForeignKey(
        Direction, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
    )
    achievements = models.TextField(_("achievements"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(direction__isnull=True) ^ models.Q(activity__isnull=True),
                name="entry_direction_xor_activity",
            ),
            models.UniqueConstraint(
                fields=["assessment", "activity"],
                condition=models.Q(activity__isnull=False),
                name="entry_once_per_activity",
            ),
            models.UniqueConstraint(
                fields=["assessment", "direction"],
                condition=models.Q(direction__isnull=False),
                name="entry_once_per_direction",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.activity_id or self.direction_id}"


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Feedback(models.Model):
    """Public assessment: a rating (1–5) and a comment on an activity, event or project.

    Anyone may send one (rate-limited); nothing is shown before an editor approves it, and
    what is published is the aggregate (count and mean rating) plus the approved comments.
    ``client_hash`` is a salted hash of the sender's address, kept for abuse handling only.
    """

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback"
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback"
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    country = models.ForeignKey(
        Country, verbose_name=_("your country"), on_delete=models.PROTECT, null=True, blank=True
    )
    stakeholder_type = models.CharField(_("you are"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("public feedback")
        verbose_name_plural = _("public feedback")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(activity__isnull=False, event__isnull=True, project__isnull=True)
                    | models.Q(activity__isnull=True, event__isnull=False, project__isnull=True)
                    | models.Q(activity__isnull=True, event__isnull=True, project__isnull=False)
                ),
                name="feedback_has_one_target",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 · {self.created_at:%Y-%m-%d}"
