"""The strategy as data: directions → actions → activities, and the rest of the framework.

Rows are reference data loaded from ``data/strategy.yaml`` and ``data/priority_areas.yaml``
by :func:`lmec.cooperation.services.load_strategy`; codes are stable identifiers that
events, projects and indicators will refer to. Text fields are multilingual (see
``translation.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Strategy(models.Model):
    """A cooperation strategy; the platform starts with the 2023-2027 framework."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    intro = models.TextField(_("introduction"), blank=True)
    cooperation_forms_text = models.TextField(_("forms of cooperation"), blank=True)
    assessment_text = models.TextField(_("implementation assessment"), blank=True)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title


class CodedItem(models.Model):
    """Shared shape: a numbered, coded item of a strategy."""

    code = models.CharField(_("code"), max_length=20)
    number = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self) -> str:
        return self.code


class Objective(CodedItem):
    """A cooperation objective (strategy 3.1)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("text"))

    class Meta(CodedItem.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="objective_code_unique")
        ]


class Principle(CodedItem):
    """A cooperation principle (strategy 3.2)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="principles")
    text = models.TextField(_("text"))

    class Meta(CodedItem.Meta):
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="principle_code_unique")
        ]


class PriorityArea(models.Model):
    """A priority cooperation area (4.1 … 4.5) or one of its sub-sections (4.1.1 …)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="priority_areas")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sections"
    )
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="priority_area_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class PriorityItem(CodedItem):
    """A numbered activity listed under a priority area or section (e.g. 4.4.1 (2))."""

    area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    text = models.TextField(_("text"))

    class Meta(CodedItem.Meta):
        verbose_name = _("priority item")
        verbose_name_plural = _("priority items")
        constraints = [
            models.UniqueConstraint(fields=["area", "code"], name="priority_item_code_unique")
        ]


class Direction(CodedItem):
    """A strategic direction of the action table (Chapter 6), e.g. D4 environmental quality."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="directions")
    name = models.CharField(_("name"), max_length=300)
    areas = models.ManyToManyField(PriorityArea, blank=True, related_name="directions")

    class Meta(CodedItem.Meta):
        verbose_name = _("strategic direction")
        verbose_name_plural = _("strategic directions")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="direction_code_unique")
        ]


class Action(CodedItem):
    """An action under a direction, e.g. D4-A3 demonstration cooperation."""

    direction = models.ForeignKey(
        Direction,
        verbose_name=_("strategic direction"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    name = models.CharField(_("name"), max_length=300)

    class Meta(CodedItem.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["direction", "code"], name="action_code_unique")
        ]


class Timing(models.TextChoices):
    ANNUAL = "annual", _("Once a year")
    PERIOD = "period", _("Throughout the period")


class Activity(models.Model):
    """An activity of the action table with its timing, e.g. D4-A3-1 urban air monitoring."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="activities"
    )
    code = models.CharField(_("code"), max_length=20)
    label = models.CharField(_("label"), max_length=10, help_text=_("The table's own number."))
    position = models.PositiveSmallIntegerField(default=0)
    name = models.TextField(_("name"))
    timing = models.CharField(_("timing"), max_length=10, choices=Timing.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    launched_year = models.PositiveSmallIntegerField(_("launched"), null=True, blank=True)
    timing_text = models.CharField(_("timing as written"), max_length=200)

    class Meta:
        ordering = ["position"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["action", "code"], name="activity_code_unique"),
            models.CheckConstraint(
                condition=models.Q(start_year__lte=models.F("end_year")),
                name="activity_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class FundingSourceType(CodedItem):
    """A type of funding source (strategy 5.3), e.g. the LMC Special Fund."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="funding_source_types"
    )
    name = models.CharField(_("name"), max_length=300)

    class Meta(CodedItem.Meta):
        verbose_name = _("funding source type")
        verbose_name_plural = _("funding source types")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="funding_type_code_unique")
        ]


class ImplementingArrangement(CodedItem):
    """An institutional arrangement (strategy 5.1)."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="implementing_arrangements"
    )
    text = models.TextField(_("text"))

    class Meta(CodedItem.Meta):
        verbose_name = _("implementing arrangement")
        verbose_name_plural = _("implementing arrangements")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="arrangement_code_unique")
        ]


class CooperationForm(models.Model):
    """A form of cooperation (strategy 5.2): seminar, training, exchange, …"""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="cooperation_forms"
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["position"]
        verbose_name = _("form of cooperation")
        verbose_name_plural = _("forms of cooperation")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="cooperation_form_unique")
        ]

    def __str__(self) -> str:
        return self.name
