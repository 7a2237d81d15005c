"""Translated labels for what :mod:`lmec.quality` names in English.

The quality core is framework-free and holds each standard's texts in English and the
standard's own language only; the website speaks seven languages, so the names a reader sees
are marked for translation here, keyed by the standard's ids. A test fails when a standard or
category has no label, so a new standard cannot reach the page untranslated.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lmec.quality import aqi as _aqi

#: Country of each AQI standard that is not one of the six LMC countries.
OTHER_COUNTRIES = {"US": _("United States")}

#: The document each standard comes from, as its readers cite it (codes are not translated).
DOCUMENTS = {
    "cn-hj633-2012": "HJ 633-2012",
    "cn-hj633-2026": "HJ 633-2026",
    "us-epa-2024": "EPA-454/B-24-002",
    "th-pcd-2023": "PCD AQI 2566 (2023)",
    "vn-1459-2019": "QĐ 1459/QĐ-TCMT",
}

AVERAGING = {
    "1h": pgettext_lazy("averaging period", "1-hour"),
    "8h": pgettext_lazy("averaging period", "8-hour"),
    "24h": pgettext_lazy("averaging period", "24-hour"),
    "NowCast": "NowCast",  # a name, the same in every language
}

# Category names by (country of the standard, category key); the English names are the
# standards' own (HJ 633 Table 2 in translation, EPA Table 1, PCD Table 1, QĐ 1459 Bảng 1).
CATEGORIES = {
    ("CN", "excellent"): pgettext_lazy("AQI category, China", "Excellent"),
    ("CN", "good"): pgettext_lazy("AQI category, China", "Good"),
    ("CN", "lightly_polluted"): pgettext_lazy("AQI category, China", "Lightly polluted"),
    ("CN", "moderately_polluted"): pgettext_lazy("AQI category, China", "Moderately polluted"),
    ("CN", "heavily_polluted"): pgettext_lazy("AQI category, China", "Heavily polluted"),
    ("CN", "severely_polluted"): pgettext_lazy("AQI category, China", "Severely polluted"),
    ("US", "good"): pgettext_lazy("AQI category, US", "Good"),
    ("US", "moderate"): pgettext_lazy("AQI category, US", "Moderate"),
    ("US", "unhealthy_sensitive"): pgettext_lazy(
        "AQI category, US", "Unhealthy for sensitive groups"
    ),
    ("US", "unhealthy"): pgettext_lazy("AQI category, US", "Unhealthy"),
    ("US", "very_unhealthy"): pgettext_lazy("AQI category, US", "Very unhealthy"),
    ("US", "hazardous"): pgettext_lazy("AQI category, US", "Hazardous"),
    ("TH", "very_good"): pgettext_lazy("AQI category, Thailand", "Very good"),
    ("TH", "good"): pgettext_lazy("AQI category, Thailand", "Good"),
    ("TH", "moderate"): pgettext_lazy("AQI category, Thailand", "Moderate"),
    ("TH", "starting_to_affect_health"): pgettext_lazy(
        "AQI category, Thailand", "Starting to affect health"
    ),
    ("TH", "affecting_health"): pgettext_lazy("AQI category, Thailand", "Affecting health"),
    ("VN", "good"): pgettext_lazy("AQI category, Viet Nam", "Good"),
    ("VN", "moderate"): pgettext_lazy("AQI category, Viet Nam", "Moderate"),
    ("VN", "poor"): pgettext_lazy("AQI category, Viet Nam", "Poor"),
    ("VN", "bad"): pgettext_lazy("AQI category, Viet Nam", "Bad"),
    ("VN", "very_bad"): pgettext_lazy("AQI category, Viet Nam", "Very bad"),
    ("VN", "hazardous"): pgettext_lazy("AQI category, Viet Nam", "Hazardous"),
}


def category_name(standard, category) -> str:
    """The category's name in the active language."""
    return str(CATEGORIES[(standard.country, category.key)])


#: Names of the water-quality parameters shown side by side (lmec.quality.water ids); pH is
#: pH in every language.
WATER_PARAMETERS = {
    "do": pgettext_lazy("water parameter", "Dissolved oxygen"),
    "bod5": pgettext_lazy("water parameter", "BOD5"),
    "cod": pgettext_lazy("water parameter", "COD (dichromate)"),
    "cod_mn": pgettext_lazy("water parameter", "Permanganate index"),
    "nh3_n": pgettext_lazy("water parameter", "Ammonia nitrogen"),
    "tp": pgettext_lazy("water parameter", "Total phosphorus"),
    "tn": pgettext_lazy("water parameter", "Total nitrogen"),
    "total_coliform": pgettext_lazy("water parameter", "Total coliform"),
    "fecal_coliform": pgettext_lazy("water parameter", "Fecal / thermotolerant coliform"),
    "cu": pgettext_lazy("water parameter", "Copper"),
    "zn": pgettext_lazy("water parameter", "Zinc"),
    "cd": pgettext_lazy("water parameter", "Cadmium"),
    "cr6": pgettext_lazy("water parameter", "Chromium (VI)"),
    "pb": pgettext_lazy("water parameter", "Lead"),
    "hg": pgettext_lazy("water parameter", "Mercury"),
    "as": pgettext_lazy("water parameter", "Arsenic"),
    "cn": pgettext_lazy("water parameter", "Cyanide"),
    "phenol": pgettext_lazy("water parameter", "Phenol(s)"),
}


def pollutant_label(standard: str | None, pollutant: str | None) -> str | None:
    """``PM2.5 · 24-hour`` for (``th-pcd-2023``, ``pm25_24h``); None for no pollutant."""
    if not pollutant:
        return None
    std = _aqi.STANDARDS.get(standard)
    table = std.pollutants.get(pollutant) if std else None
    if table is None:
        return pollutant
    averaging = AVERAGING.get(table.averaging, table.averaging)
    return f"{table.name} · {averaging}"
