"""Stations and sampling sites, their measurements, daily aggregates, uploads and alerts.

Scale drives the shape of :class:`Measurement`: 1,000 stations × 5 years hourly × 6
pollutants is 260 M rows, so a row is narrow (integer station, small-integer parameter and
averaging, no surrogate key: the natural key is the primary key) and pages read the
:class:`DailyValue` aggregates, never a year of hourly rows. Why PostgreSQL gets a BRIN
index rather than time partitions is explained in README.md ("Monitoring at scale").
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lmec.core.models import Country

from . import parameters

PARAMETER_CHOICES = [(p.id, p.code) for p in parameters.PARAMETERS]
AVERAGING_CHOICES = [(hours, code) for code, hours in parameters.AVERAGING_HOURS.items()]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not an IANA time zone (e.g. Asia/Bangkok)."), params={"value": value}
        )


class Station(models.Model):
    """An air-quality monitoring station or a water-quality sampling site."""

    class Kind(models.TextChoices):
        AIR = "air", _("Air-quality station")
        WATER = "water", _("Water-quality sampling site")

    class SiteType(models.TextChoices):
        URBAN = "urban", _("Urban")
        BACKGROUND = "background", _("Background")
        INDUSTRIAL = "industrial", _("Industrial")
        TRAFFIC = "traffic", _("Traffic")
        RIVER = "river", _("River")
        LAKE = "lake", _("Lake")
        RESERVOIR = "reservoir", _("Reservoir")

    # 4-byte key: it is repeated in every measurement row.
    id = models.AutoField(primary_key=True)
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("The operator's station code, e.g. TH-05T or VN-HN-NKT; used in files."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices, default=Kind.AIR)
    site_type = models.CharField(_("type"), max_length=12, choices=SiteType.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="stations"
    )
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    elevation = models.FloatField(_("elevation [m]"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=40, validators=[validate_time_zone], default="Asia/Bangkok"
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active until"), null=True, blank=True)
    river = models.CharField(
        _("river or water body"), max_length=120, blank=True, help_text=_("Water sites only.")
    )
    mekong_mainstream = models.BooleanField(
        _("Mekong mainstream site"),
        default=False,
        help_text=_("Also assessed with the Mekong River Commission's water quality indices."),
    )
    data_providers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("data providers"),
        blank=True,
        related_name="provided_stations",
        help_text=_("Data-provider accounts that may push measurements for this station."),
    )
    source = models.CharField(
        _("data source"), max_length=300, blank=True, help_text=_("Where the data come from.")
    )
    licence = models.CharField(_("licence"), max_length=120, blank=True)

    class Meta:
        ordering = ["country__position", "code"]
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        indexes = [models.Index(fields=["country", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(active_to__isnull=True)
                | models.Q(active_from__isnull=True)
                | models.Q(active_to__gte=models.F("active_from")),
                name="station_active_period_ordered",
                violation_error_message=_("A station's active period must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class StationParameter(models.Model):
    """A parameter a station measures, with the unit it reports in and the method."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="parameters")
    parameter = models.PositiveSmallIntegerField(_("parameter"), choices=PARAMETER_CHOICES)
    unit = models.CharField(
        _("reported unit"), max_length=20, help_text=_("The unit the operator reports in.")
    )
    method = models.CharField(_("method"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("measured parameter")
        verbose_name_plural = _("measured parameters")
        constraints = [
            models.UniqueConstraint(fields=["station", "parameter"], name="station_parameter_once")
        ]

    def __str__(self) -> str:
        return f"{self.station.code} {self.definition.code}"

    @property
    def definition(self) -> parameters.ParameterDef:
        return parameters.BY_ID[self.parameter]


class Upload(models.Model):
    """One file or API batch put into the hub, with what became of each row."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", pgettext_lazy("upload status", "Stored")
        REFUSED = "refused", pgettext_lazy("upload status", "Refused")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        LONG = "long", _("Long table (CSV/XLSX)")
        WIDE = "wide", _("Wide table with a mapping (CSV/XLSX)")
        OPENAQ = "openaq", _("OpenAQ v3 measurements (JSON)")
        API = "api", _("API batch")

    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploads",
    )
    api_key = models.ForeignKey(
        "ApiKey", on_delete=models.SET_NULL, null=True, blank=True, related_name="uploads"
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="uploads/%Y/%m/", blank=True)
    mapping = models.TextField(_("mapping (YAML)"), blank=True)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    skip_invalid = models.BooleanField(_("store the valid rows, skip the invalid"), default=False)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_stored = models.PositiveIntegerField(_("rows stored"), default=0)
    rows_replaced = models.PositiveIntegerField(_("rows replaced"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("rows unchanged"), default=0)
    rows_flagged = models.PositiveIntegerField(_("rows flagged"), default=0)
    rows_refused = models.PositiveIntegerField(_("rows refused"), default=0)
    # [{"row": 12, "column": "value", "value": "abc", "reason": "not a number"}, ...]
    report = models.JSONField(_("report"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    # why a failed upload failed, for translation: an ingest reason code and its parameters
    # (lmec.monitoring.ingest.reasons.FILE_MESSAGES); empty for messages stored before codes
    message_code = models.CharField(max_length=40, blank=True)
    message_params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return f"{self.filename or self.format} ({self.get_status_display()})"

    @property
    def translated_message(self) -> str:
        """``message`` in the active language when it has a code, else as stored (English)."""
        from .ingest import reasons

        return reasons.translated(
            {"reason": self.message, "code": self.message_code, "params": self.message_params}
        )


class Measurement(models.Model):
    """One value of one parameter at one station for one averaging period.

    ``time`` is the start of the averaging period in UTC (period-beginning, as
    :mod:`lmec.quality.aqi.daily` expects); a grab sample has averaging 0 and the sampling
    time. ``value`` is in the parameter's canonical unit; ``raw_value``/``raw_unit`` keep what
    the source said. ``censor`` is ``<`` for a value below the detection limit (``value`` is
    then the limit), ``>`` above the measuring range, empty otherwise. ``flags`` is the QA/QC
    bit mask of :class:`lmec.monitoring.parameters.Flag` (0 = valid).
    """

    pk = models.CompositePrimaryKey("station", "parameter", "averaging", "time")
    # No foreign-key constraints in the database on ``station`` and ``upload``: PostgreSQL
    # checks a foreign key with a trigger per inserted row, and on 5 M rows those checks took
    # 36 s at commit after a 14 s COPY (benchmarks/README.md). The ingest resolves every
    # station inside its transaction, and Django's delete collector still applies on_delete.
    station = models.ForeignKey(
        Station, on_delete=models.CASCADE, db_index=False, db_constraint=False
    )
    parameter = models.PositiveSmallIntegerField(choices=PARAMETER_CHOICES)
    averaging = models.PositiveSmallIntegerField(choices=AVERAGING_CHOICES, default=1)
    time = models.DateTimeField()
    value = models.FloatField()
    raw_value = models.FloatField()
    raw_unit = models.CharField(max_length=20)
    censor = models.CharField(max_length=1, blank=True, default="")
    flags = models.PositiveSmallIntegerField(default=0)
    upload = models.ForeignKey(
        Upload,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
        db_constraint=False,
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        # PostgreSQL also gets a BRIN index on ``time`` (migration 0002): cross-station
        # reads by period (latest values, exports) without a second B-tree of 260 M entries.

    def __str__(self) -> str:
        return f"{self.station_id}/{parameters.BY_ID[self.parameter].code}/{self.averaging}h/{self.time:%Y-%m-%dT%H:%MZ}"


class MeasurementRevision(models.Model):
    """A value that a newer upload replaced: the history of a measurement key."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE)
    parameter = models.PositiveSmallIntegerField(choices=PARAMETER_CHOICES)
    averaging = models.PositiveSmallIntegerField(choices=AVERAGING_CHOICES)
    time = models.DateTimeField()
    value = models.FloatField()
    raw_value = models.FloatField()
    raw_unit = models.CharField(max_length=20)
    censor = models.CharField(max_length=1, blank=True, default="")
    flags = models.PositiveSmallIntegerField(default=0)
    upload = models.ForeignKey(
        Upload, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.ForeignKey(
        Upload, on_delete=models.SET_NULL, null=True, blank=True, related_name="replacements"
    )

    class Meta:
        verbose_name = _("replaced measurement")
        verbose_name_plural = _("replaced measurements")
        indexes = [models.Index(fields=["station", "parameter", "averaging", "time"])]

    def __str__(self) -> str:
        return f"{self.station_id}/{parameters.BY_ID[self.parameter].code}/{self.time:%Y-%m-%dT%H:%MZ} (replaced)"


class DailyValue(models.Model):
    """A parameter's day at a station, on the station's local calendar day.

    Kept up to date on ingest from the valid (unflagged) hourly values, so that pages and the
    daily AQI of a station-year read 365 rows per parameter, not 8,760. ``hours`` keeps the
    day's 24 valid hourly values (float32, little-endian, NaN where missing or flagged):
    each AQI standard makes its daily inputs from hourly values with its own windows and
    completeness rules (:func:`lmec.quality.aqi.daily_inputs`), and some windows reach into
    the next or the previous day, so the hours are needed, not just the mean. For data
    reported as 24-hour means, ``mean`` is that value and ``hours`` is empty.
    """

    pk = models.CompositePrimaryKey("station", "parameter", "date")
    station = models.ForeignKey(Station, on_delete=models.CASCADE, db_index=False)
    parameter = models.PositiveSmallIntegerField(choices=PARAMETER_CHOICES)
    date = models.DateField()
    mean = models.FloatField(null=True)
    count = models.PositiveSmallIntegerField(default=0)  # valid hourly values
    flagged = models.PositiveSmallIntegerField(default=0)  # flagged hourly values
    max_1h = models.FloatField(null=True)
    # Daily maximum of the 8-hour running means ending within the day (China's HJ 663 rule,
    # at least 6 hours per window); the per-standard variants come from ``hours``.
    max_8h = models.FloatField(null=True)
    hours = models.BinaryField(max_length=96, default=b"")

    class Meta:
        verbose_name = _("daily value")
        verbose_name_plural = _("daily values")

    def __str__(self) -> str:
        return f"{self.station_id}/{parameters.BY_ID[self.parameter].code}/{self.date}"

    @property
    def completeness(self) -> float:
        """Share of the day's 24 hours with a valid value [0-1]."""
        return self.count / 24


class ApiKey(models.Model):
    """A data provider's key for ``POST /api/v1/monitoring/measurements``.

    Only a SHA-256 digest of the key is stored; the key itself is shown once when created.
    A key may push only to its stations (a subset of its owner's).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(_("name"), max_length=120)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    stations = models.ManyToManyField(Station, verbose_name=_("stations"), related_name="+")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(
        pgettext_lazy("API key field: when it was revoked", "revoked"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class AlertSubscription(models.Model):
    """A signed-in user's wish to hear when a station's (or a country's) AQI passes a value."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_subscriptions"
    )
    station = models.ForeignKey(
        Station, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    standard = models.CharField(
        _("standard"),
        max_length=20,
        blank=True,
        help_text=_("Empty: each station's own national index."),
    )
    threshold = models.PositiveSmallIntegerField(
        _("AQI threshold"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    active = models.BooleanField(
        pgettext_lazy("alert subscription field: it sends e-mails", "active"), default=True
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(station__isnull=False, country__isnull=True)
                | models.Q(station__isnull=True, country__isnull=False),
                name="subscription_station_xor_country",
                violation_error_message=_("Subscribe to a station or to a country."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} > {self.threshold} at {self.station or self.country}"


class AlertEpisode(models.Model):
    """A time the AQI stayed above a subscription's threshold at one station.

    One e-mail per episode: the episode opens (and the mail goes out) when the AQI first
    passes the threshold, and closes when it falls back below it.
    """

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="episodes"
    )
    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="+")
    started = models.DateTimeField()  # the hour the AQI passed the threshold (UTC)
    ended = models.DateTimeField(null=True, blank=True)
    peak = models.PositiveSmallIntegerField()
    notified = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "station"],
                condition=models.Q(ended__isnull=True),
                name="one_open_episode",
            )
        ]

    def __str__(self) -> str:
        return f"{self.station_id} from {self.started:%Y-%m-%d %H:%M} (peak {self.peak})"
