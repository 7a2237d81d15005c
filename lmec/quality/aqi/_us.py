"""United States: the EPA Air Quality Index as revised in 2024.

References
----------
.. [1] U.S. EPA Office of Air Quality Planning and Standards, *Technical Assistance
   Document for the Reporting of Daily Air Quality -- the Air Quality Index (AQI)*,
   EPA-454/B-24-002, May 2024. Table 1 (names and colours), Table 6 (breakpoints),
   equation 1, section IV (truncation, 1-hour O3, SO2, NowCast).
   https://document.airnow.gov/technical-assistance-document-for-the-reporting-of-daily-air-quailty.pdf
.. [2] 40 CFR Part 58, Appendix G, Table 2, as revised by the PM NAAQS final rule,
   89 FR 16202 (6 March 2024): PM2.5 breakpoints 0.0-9.0, 9.1-35.4, 35.5-55.4,
   55.5-125.4, 125.5-225.4, 225.5+ µg/m³.
.. [3] AirNow-Tech, "The AQI equation (2024)" and "Daily and hourly AQI" notes: averages
   are truncated (O3 0.001 ppm, PM2.5 0.1 µg/m³, PM10 1 µg/m³) before equation 1, the
   result is rounded to the nearest integer; 75 % completeness (18 of 24 hours, 6 of 8
   hours, 13 of 17 eight-hour ozone periods from 07:00).
"""

from __future__ import annotations

import numpy as np

from ._core import MISSING, Category, Pollutant, Source, Standard

_AQI = ((0, 50), (51, 100), (101, 150), (151, 200), (201, 300), (301, 500))


def _table(pid, name, unit, averaging, ranges, decimals, first=0, note=""):
    """[1], Table 6 prints closed ranges [BPlo, BPhi] against AQI ranges [Ilo, Ihi]."""
    bands = tuple(
        (lo, hi, _AQI[first + k][0], _AQI[first + k][1]) for k, (lo, hi) in enumerate(ranges)
    )
    return Pollutant(pid, name, unit, averaging, bands, decimals, "truncate", "nan", note)


_PM25 = ((0.0, 9.0), (9.1, 35.4), (35.5, 55.4), (55.5, 125.4), (125.5, 225.4), (225.5, 325.4))
_PM10 = ((0, 54), (55, 154), (155, 254), (255, 354), (355, 424), (425, 604))

# [1], Table 6. The 301+ row prints open ranges ("225.5+"); equation 1 is applied with the
# upper breakpoints of the former 301-500 rows (PM2.5 325.4, PM10 604, ...), above which
# the value is "beyond the AQI" and returned as NaN.
POLLUTANTS = (
    _table(
        "o3_8h",
        "O3",
        "ppm",
        "8h",
        ((0.000, 0.054), (0.055, 0.070), (0.071, 0.085), (0.086, 0.105), (0.106, 0.200)),
        3,
        note="above 0.200 ppm the 8-hour value defines no AQI; use 1-hour O3 ([1], Table 6)",
    ),
    _table(
        "o3_1h",
        "O3",
        "ppm",
        "1h",
        ((0.125, 0.164), (0.165, 0.204), (0.205, 0.404), (0.405, 0.604)),
        3,
        first=2,
        note="no breakpoints below AQI 101; report the higher of 1-h and 8-h ([1], IV)",
    ),
    _table("pm25_24h", "PM2.5", "µg/m³", "24h", _PM25, 1),
    _table("pm25_nowcast", "PM2.5", "µg/m³", "NowCast", _PM25, 1),
    _table("pm10_24h", "PM10", "µg/m³", "24h", _PM10, 0),
    _table("pm10_nowcast", "PM10", "µg/m³", "NowCast", _PM10, 0),
    _table(
        "co_8h",
        "CO",
        "ppm",
        "8h",
        ((0.0, 4.4), (4.5, 9.4), (9.5, 12.4), (12.5, 15.4), (15.5, 30.4), (30.5, 50.4)),
        1,
    ),
    _table(
        "so2_1h",
        "SO2",
        "ppb",
        "1h",
        ((0, 35), (36, 75), (76, 185), (186, 304)),
        0,
        note="defines AQI up to 200 only; from 305 ppb the 24-hour value is used ([1], IV)",
    ),
    _table("so2_24h", "SO2", "ppb", "24h", ((305, 604), (605, 1004)), 0, first=4),
    _table(
        "no2_1h",
        "NO2",
        "ppb",
        "1h",
        ((0, 53), (54, 100), (101, 360), (361, 649), (650, 1249), (1250, 2049)),
        0,
    ),
)


def adjust(sub: dict[str, np.ndarray], conc: dict[str, np.ndarray]) -> None:
    """[1], section IV "Calculating AQI values for SO2".

    A daily maximum 1-hour SO2 of 305 ppb or more is above the 1-hour table (AQI 200); the
    24-hour average then decides. "If ... the 24-hour concentration is not above 305 ppb
    ... use 200 for the lower and upper AQI breakpoints (ILo and IHi) in Equation 1 ...
    This effectively fixes the AQI value at 200 exactly" ([1], IV). We also give 200 when
    the 24-hour value is missing, so that such an hour is never reported as unknown.
    """
    if "so2_1h" not in sub:
        return
    with np.errstate(invalid="ignore"):
        over = np.floor(conc["so2_1h"] + 1e-9) >= 305  # [1]: SO2 truncated to 1 ppb
    daily = sub.get("so2_24h")
    if daily is not None:
        over &= daily == MISSING
    sub["so2_1h"] = np.where(over, 200.0, sub["so2_1h"])


CATEGORIES = (
    Category(
        "good",
        0,
        50,
        "#00E400",
        {"en": "Good"},
        {"en": "Air quality is satisfactory, and air pollution poses little or no risk."},
    ),
    Category(
        "moderate",
        51,
        100,
        "#FFFF00",
        {"en": "Moderate"},
        {
            "en": "Air quality is acceptable. However, there may be a risk for some people, "
            "particularly those who are unusually sensitive to air pollution."
        },
    ),
    Category(
        "unhealthy_sensitive",
        101,
        150,
        "#FF7E00",
        {"en": "Unhealthy for Sensitive Groups"},
        {
            "en": "Members of sensitive groups may experience health effects. The general "
            "public is less likely to be affected."
        },
    ),
    Category(
        "unhealthy",
        151,
        200,
        "#FF0000",
        {"en": "Unhealthy"},
        {
            "en": "Some members of the general public may experience health effects; members "
            "of sensitive groups may experience more serious health effects."
        },
    ),
    Category(
        "very_unhealthy",
        201,
        300,
        "#8F3F97",
        {"en": "Very Unhealthy"},
        {"en": "Health alert: the risk of health effects is increased for everyone."},
    ),
    Category(
        "hazardous",
        301,
        500,
        "#7E0023",
        {"en": "Hazardous"},
        {"en": "Health warning of emergency conditions: everyone is more likely to be affected."},
    ),
)

US_EPA_2024 = Standard(
    id="us-epa-2024",
    name="US EPA Air Quality Index (2024)",
    country="US",
    languages=("en",),
    source=Source(
        "EPA-454/B-24-002 Technical Assistance Document for the Reporting of Daily Air "
        "Quality - the Air Quality Index (AQI)",
        "Table 6 (Breakpoints for the AQI)",
        2024,
        "https://document.airnow.gov/technical-assistance-document-for-the-reporting-of-daily-air-quailty.pdf",
        "2024 PM2.5 breakpoints (also 40 CFR 58 App. G as amended, 89 FR 16202); the other "
        "rows unchanged since the 2018 TAD; truncation and rounding per AirNow-Tech; the "
        "SO2 'AQI 200' rule quoted from the TAD's SO2 section (via a verbatim copy; the "
        "2024 PDF itself was not readable here).",
    ),
    references=(
        "U.S. EPA, EPA-454/B-24-002, Technical Assistance Document for the Reporting of "
        "Daily Air Quality - the Air Quality Index (AQI), May 2024, Table 1, Table 6",
        "40 CFR Part 58 Appendix G Table 2, as amended 89 FR 16202 (2024-03-06)",
        "AirNow-Tech, The AQI Equation (2024); Daily and Hourly AQI; The NowCast",
    ),
    pollutants={p.id: p for p in POLLUTANTS},
    categories=CATEGORIES,
    rounding="half_up",
    adjust=adjust,
    notes=(
        "Concentrations are truncated: O3 to 0.001 ppm, PM2.5 to 0.1 µg/m³, PM10 to "
        "1 µg/m³, CO to 0.1 ppm, SO2 and NO2 to 1 ppb; the index is rounded to an integer.",
        "Above the top breakpoint the value is 'beyond the AQI' (NaN here).",
    ),
)
