"""The cooperation network (strategy 4.1, 5.1): organisations, and later experts and focal points.

Organisations are shared by the other apps: a knowledge resource's publisher (a CKAN
"organization"), an event's organisers, a project's partners, a station's operator.
"""

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
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name
