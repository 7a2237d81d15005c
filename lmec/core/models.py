"""Countries, users and roles: what every other app refers to."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """One of the six Lancang-Mekong countries (ISO 3166-1 alpha-2 code)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    formal_name = models.CharField(_("formal name"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """What a person may do on the platform (DESIGN.md, "People and what they may do")."""

    ADMINISTRATOR = "administrator", _("Administrator")
    EDITOR = "editor", _("Editor (secretariat)")
    FOCAL_POINT = "focal_point", _("National focal point")
    MEMBER = "member", _("Member")
    DATA_PROVIDER = "data_provider", _("Data provider")


#: Roles that work in the admin site.
STAFF_ROLES = frozenset({Role.ADMINISTRATOR, Role.EDITOR, Role.FOCAL_POINT})


class User(AbstractUser):
    """A registered person. ``role`` says what they may do; ``country`` scopes a focal point."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        help_text=_("The language the site and the admin use for this person after sign-in."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="focal_point") | models.Q(country__isnull=False),
                name="focal_point_has_country",
                violation_error_message=_("A national focal point must be bound to a country."),
            )
        ]

    def clean(self) -> None:
        super().clean()
        if self.role == Role.FOCAL_POINT and self.country_id is None:
            raise ValidationError(
                {"country": _("A national focal point must be bound to a country.")}
            )


class Theme(models.Model):
    """A knowledge theme of the platform (strategy 4.5 (1))."""

    code = models.SlugField(_("code"), max_length=60, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("knowledge theme")
        verbose_name_plural = _("knowledge themes")

    def __str__(self) -> str:
        return self.name
