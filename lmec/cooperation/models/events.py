"""Events of the cooperation (strategy 5.2, Ch.6) and the people who take part in them.

An :class:`Event` serves one or more framework activities (``D1-A1-1`` …): the indicators
count events per activity and year against the activity's timing, so an event is the unit
of "was this activity held this year". :class:`Registration` is one person's registration,
attendance and (for trainings) certificate; only aggregates of registrations are public.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country

from .framework import Activity

LANGUAGE_CHOICES = settings.LANGUAGES


class EventKind(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Roundtable dialogue")
    WORKSHOP = "workshop", _("Seminar or workshop")
    WORKING_GROUP = "working_group", _("Working-group meeting")
    TRAINING = "training", _("Training / capacity building")
    YOUTH_FORUM = "youth_forum", _("Youth forum")
    COMMUNITY_FORUM = "community_forum", _("Community forum")
    VOLUNTEER = "volunteer", _("Volunteer activity")
    FIELD_VISIT = "field_visit", _("Field visit")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class StakeholderType(models.TextChoices):
    """Who a participant speaks for (issue 10; the strategy's "multi-stakeholder" 5.2)."""

    GOVERNMENT = "government", _("Government")
    ACADEMIA = "academia", _("Academia and research")
    PRIVATE = "private", _("Private sector")
    NGO = "ngo", _("Non-governmental organisation")
    COMMUNITY = "community", _("Community")
    MEDIA = "media", _("Media")
    INTERNATIONAL = "international", _("International organisation")
    YOUTH = "youth", _("Youth")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class AgeGroup(models.TextChoices):
    """Age bands; "under 25" is the UN's youth band (15–24) with the few younger folded in."""

    UNDER_25 = "under_25", _("Under 25")
    FROM_25 = "25_34", _("25–34")
    FROM_35 = "35_44", _("35–44")
    FROM_45 = "45_54", _("45–54")
    FROM_55 = "55_64", _("55–64")
    FROM_65 = "65_plus", _("65 and over")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class Event(models.Model):
    """A roundtable, workshop, meeting, training, forum, volunteer activity or field visit.

    ``country`` is the host country (a focal point of that country may edit the event);
    empty for an online or regional event run by the centre. Times are stored in UTC;
    ``timezone`` is the IANA zone of the venue, used to show local times and in iCalendar.
    """

    slug = models.SlugField(
        _("code"),
        max_length=120,
        unique=True,
        help_text=_("A stable short name used in URLs, feeds and the calendar, e.g. 2024-ypf."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    language = models.CharField(
        _("original language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Asia/Bangkok")
    online = models.BooleanField(_("online"), default=False)
    country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    url = models.URLField(_("web page or meeting link"), blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("framework activities"), related_name="events", blank=True
    )
    organisers = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("organisers"),
        related_name="organised_events",
        blank=True,
    )
    partners = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("partners"),
        related_name="partnered_events",
        blank=True,
    )
    documents = models.ManyToManyField(
        "knowledge.Resource",
        verbose_name=_("documents"),
        related_name="cooperation_events",
        blank=True,
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "start"], name="event_status_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="event_times_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def year(self) -> int:
        return self.start.year


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """One participant of one event: registration (with consent), attendance, certificate.

    Personal data (name, e-mail, age group, gender) are shown only to the secretariat and
    the host country's focal point; the public sees counts by country, gender, age group and
    stakeholder type. ``consent_at`` records when the person agreed to the processing of
    their data; a registration without it is refused by the service.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, null=True, blank=True
    )
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=StakeholderType.choices
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.UNDISCLOSED
    )
    age_group = models.CharField(
        _("age group"), max_length=12, choices=AgeGroup.choices, default=AgeGroup.UNDISCLOSED
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    certificate_number = models.CharField(
        _("certificate number"), max_length=40, blank=True, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="registration_once_per_email")
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"
