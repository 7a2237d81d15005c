"""The cooperation network (strategy 4.1, 5.1): organisations, experts, the national focal
points and the centre, and the monitoring-capacity network.

Organisations are shared by the other apps: a knowledge resource's publisher (a CKAN
"organization"), an event's organisers, a project's partners, a station's operator.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lmec.core.models import Country


class Organisation(models.Model):
    """A government body, research institute, NGO, company or international organisation."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        ACADEMIA = "academia", _("Academia and research")
        PRIVATE = "private", _("Private sector")
        NGO = "ngo", _("Non-governmental organisation")
        COMMUNITY = "community", _("Community organisation")
        MEDIA = "media", _("Media")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    slug = models.SlugField(
        _("code"),
        max_length=100,
        unique=True,
        help_text=_("A stable short name used in URLs and APIs, e.g. mrc or lmec-centre."),
    )
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Empty for regional and international organisations."),
    )
    website = models.URLField(_("website"), blank=True)
    iati_ref = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        help_text=_("As registered with IATI, e.g. XM-DAC-41114; empty if it has none."),
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name


class Expert(models.Model):
    """A person in the expert directory (fields, languages, themes).

    Shown to the public only with the person's consent (``public``); the secretariat sees
    all. ``user`` links the profile to an account so its owner can keep it up to date.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_profile",
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, null=True, blank=True
    )
    fields = models.JSONField(
        _("fields of expertise"), default=list, blank=True, help_text=_("Short phrases.")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. th, en.")
    )
    themes = models.ManyToManyField(
        "core.Theme", verbose_name=_("themes"), related_name="experts", blank=True
    )
    bio = models.TextField(_("short biography"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    public = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_("The person agreed that their profile is shown on the public directory."),
    )
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(public=False) | models.Q(consent_at__isnull=False),
                name="expert_public_needs_consent",
            )
        ]

    def __str__(self) -> str:
        return self.name


class FocalPoint(models.Model):
    """A body of the implementing arrangements (strategy 5.1): a country's national focal
    point (its environmental authority) or the Lancang-Mekong Environmental Cooperation
    Center, with the contact people named for it."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National focal point")
        CENTRE = "centre", _("Cooperation centre")

    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    country = models.OneToOneField(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_point",
        help_text=_("Empty for the centre."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="focal_point_roles",
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact's position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    since = models.DateField(_("designated on"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "country"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="national", country__isnull=False)
                    | models.Q(kind="centre", country__isnull=True)
                ),
                name="focal_point_country_by_kind",
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(kind="centre"), name="one_centre"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.country_id or ''}".strip()


class CapacityMember(models.Model):
    """A member of the monitoring-capacity network (strategy Dir.4 Act.3, 4.4): a monitoring
    operator or an analytical laboratory, what it measures and the stations it runs."""

    class Kind(models.TextChoices):
        OPERATOR = "operator", _("Monitoring operator")
        LABORATORY = "laboratory", _("Laboratory")
        BOTH = "both", _("Operator and laboratory")

    class Media(models.TextChoices):
        AIR = "air", _("Air")
        WATER = "water", _("Water")
        BOTH = "both", _("Air and water")

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="capacity",
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    media = models.CharField(_("media"), max_length=6, choices=Media.choices)
    parameters = models.JSONField(
        _("parameters"),
        default=list,
        blank=True,
        help_text=_("Parameter ids it measures or analyses, e.g. pm25, do, bod5."),
    )
    accreditation = models.CharField(
        _("accreditation"),
        max_length=200,
        blank=True,
        help_text=_("e.g. ISO/IEC 17025:2017, with the accrediting body."),
    )
    stations = models.ManyToManyField(
        "monitoring.Station",
        verbose_name=_("stations"),
        related_name="capacity_members",
        blank=True,
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("monitoring-capacity member")
        verbose_name_plural = _("monitoring-capacity members")

    def __str__(self) -> str:
        return str(self.organisation)
