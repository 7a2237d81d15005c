"""Projects of the cooperation (strategy 5.2: demonstration, pilot, joint research, capacity
building) and their funding by the six source types of 5.3.

A project is published as an IATI activity (IATI Activity Standard 2.03): ``status`` maps to
the IATI ActivityStatus codelist, a partner's ``role`` to OrganisationRole, and each
:class:`Funding` row to a transaction or budget. Amounts are kept in the currency given, with
the USD rate used and its date, so a report can always say which rate made its totals.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lmec.core.models import Country

from .framework import Activity, FundingSourceType

LANGUAGE_CHOICES = settings.LANGUAGES

currency_validator = RegexValidator(r"^[A-Z]{3}$", _("Use an ISO 4217 code such as USD or CNY."))


class ProjectKind(models.TextChoices):
    DEMONSTRATION = "demonstration", _("Demonstration project")
    PILOT = "pilot", _("Pilot project")
    JOINT_RESEARCH = "joint_research", _("Joint research")
    CAPACITY_BUILDING = "capacity_building", _("Capacity building")


class ProjectStatus(models.TextChoices):
    """Project stages; the numbers in comments are IATI ActivityStatus codes (2.03)."""

    PIPELINE = "pipeline", _("Planned")  # 1 Pipeline/identification
    ONGOING = "ongoing", _("Ongoing")  # 2 Implementation
    FINALISATION = "finalisation", _("Finalising")  # 3 Finalisation
    COMPLETED = "completed", _("Completed")  # 4 Closed
    CANCELLED = "cancelled", _("Cancelled")  # 5 Cancelled
    SUSPENDED = "suspended", _("Suspended")  # 6 Suspended


IATI_ACTIVITY_STATUS = {
    ProjectStatus.PIPELINE: "1",
    ProjectStatus.ONGOING: "2",
    ProjectStatus.FINALISATION: "3",
    ProjectStatus.COMPLETED: "4",
    ProjectStatus.CANCELLED: "5",
    ProjectStatus.SUSPENDED: "6",
}


class Project(models.Model):
    """A demonstration or pilot project, a joint research project or a capacity programme.

    ``country`` is the lead country (its focal point may edit the project); empty for a
    regional project led by the centre. ``countries`` are all the countries it works in.
    ``code`` is the public key: URLs, the API and the IATI identifier's suffix.
    """

    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_("A stable short name used in URLs and in the IATI identifier."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=ProjectKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PIPELINE
    )
    published = models.BooleanField(_("published"), default=False)
    language = models.CharField(
        _("original language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("framework activities"), related_name="projects", blank=True
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("lead country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="projects", blank=True
    )
    lead_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    documents = models.ManyToManyField(
        "knowledge.Resource",
        verbose_name=_("outputs in the knowledge catalogue"),
        related_name="projects",
        blank=True,
    )
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
        ordering = ["code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title


class PartnerRole(models.TextChoices):
    """IATI OrganisationRole codes (2.03): 1 Funding, 2 Accountable, 3 Extending, 4 Implementing."""

    FUNDING = "1", pgettext_lazy("IATI organisation role", "Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class ProjectPartner(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_roles",
    )
    role = models.CharField(_("role"), max_length=2, choices=PartnerRole.choices)

    class Meta:
        ordering = ["project", "role", "organisation"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="project_partner_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectSite(models.Model):
    """A place a project works at, for the map (WGS 84 degrees)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    station = models.ForeignKey(
        "monitoring.Station",
        verbose_name=_("monitoring station"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_sites",
    )

    class Meta:
        ordering = ["project", "name"]
        verbose_name = _("project site")
        verbose_name_plural = _("project sites")

    def __str__(self) -> str:
        return self.name


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )

    class Meta:
        ordering = ["project", "due"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ExchangeRate(models.Model):
    """USD per unit of a currency on a date, with its source (e.g. an IMF or central-bank
    reference rate). Funding rows copy the rate they were converted at."""

    currency = models.CharField(_("currency"), max_length=3, validators=[currency_validator])
    date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("USD per unit"), max_digits=20, decimal_places=10)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="exchange_rate_once"),
            models.CheckConstraint(
                condition=models.Q(usd_per_unit__gt=0), name="exchange_rate_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.date}: {self.usd_per_unit} USD"


class FundingKind(models.TextChoices):
    """What an amount is; IATI TransactionType codes 2 (commitment) and 3 (disbursement),
    and a budget (IATI ``budget``)."""

    BUDGET = "budget", _("Budget")
    COMMITMENT = "commitment", _("Commitment")
    DISBURSEMENT = "disbursement", _("Disbursement")


class Funding(models.Model):
    """An amount for a project from one of the six source types of strategy 5.3.

    ``amount`` is in ``currency``; ``usd_rate`` (USD per unit) and ``rate_date`` are the rate
    used, copied from :class:`ExchangeRate` when the row was written, and ``amount_usd`` is
    ``amount × usd_rate`` rounded to cents — stored so totals are sums, not re-conversions.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding")
    source_type = models.ForeignKey(
        FundingSourceType,
        verbose_name=_("source type"),
        on_delete=models.PROTECT,
        related_name="funding",
    )
    funder = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding",
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=FundingKind.choices, default=FundingKind.COMMITMENT
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, validators=[currency_validator])
    usd_rate = models.DecimalField(_("USD per unit"), max_digits=20, decimal_places=10)
    rate_date = models.DateField(_("rate date"))
    amount_usd = models.DecimalField(_("amount in USD"), max_digits=18, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "date"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="funding_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    @staticmethod
    def to_usd(amount: Decimal, usd_rate: Decimal) -> Decimal:
        """``amount × usd_rate`` rounded half-even to cents [USD]."""
        return (amount * usd_rate).quantize(Decimal("0.01"))
