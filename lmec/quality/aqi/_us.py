"""United States: the EPA Air Quality Index as revised in 2024.

References
----------
.. [1] U.S. EPA Office of Air Quality Planning and Standards, *Technical Assistance
   Document for the Reporting of Daily Air Quality -- the Air Quality Index (AQI)*,
   EPA-454/B-24-002, May 2024: Table 1 (names and colours), Table 2 (standard AQI colour
   formulas, RGB), Table 6 (breakpoints, notes 1-4), section IV "Calculating the AQI"
   (truncation, equation 1, 1-hour and 8-hour O3, SO2, blank cells, NowCast) and section
   VI (FAQ "What does it mean when the AQI values are above 500?").
   https://document.airnow.gov/technical-assistance-document-for-the-reporting-of-daily-air-quailty.pdf
   (text also at https://nepis.epa.gov/Exe/ZyPURL.cgi?Dockey=P101AP0Q.txt)
.. [2] 40 CFR Part 58, Appendix G, Table 2, as revised by the PM NAAQS final rule,
   89 FR 16202 (6 March 2024): PM2.5 breakpoints 0.0-9.0, 9.1-35.4, 35.5-55.4,
   55.5-125.4, 125.5-225.4, 225.5+ µg/m³.
.. [3] AirNow-Tech, "Daily and hourly AQI" notes: 75 % completeness (18 of 24 hours, 6 of 8
   hours, 13 of 17 eight-hour ozone periods from 07:00).
"""

from __future__ import annotations

import numpy as np

from ._core import MISSING, Category, Pollutant, Source, Standard

_AQI = ((0, 50), (51, 100), (101, 150), (151, 200), (201, 300), (301, 500))


def _table(pid, name, unit, averaging, ranges, decimals, first=0, note="", above="extend"):
    """[1], Table 6: ranges [BPlo, BPhi] against AQI ranges [Ilo, Ihi].

    The Hazardous row is printed open ("301+", e.g. PM2.5 "225.5+"); its upper breakpoint
    is the concentration that note 4 of Table 6 gives for AQI 500, and above it the same
    line goes on (``above="extend"``): "AQI values greater than 500 should be calculated
    using equation 1 and the concentration specified for the AQI value of 500".
    """
    bands = tuple(
        (lo, hi, _AQI[first + k][0], _AQI[first + k][1]) for k, (lo, hi) in enumerate(ranges)
    )
    return Pollutant(pid, name, unit, averaging, bands, decimals, "truncate", above, note)


_PM25 = ((0.0, 9.0), (9.1, 35.4), (35.5, 55.4), (55.5, 125.4), (125.5, 225.4), (225.5, 325.4))
_PM10 = ((0, 54), (55, 154), (155, 254), (255, 354), (355, 424), (425, 604))

# [1], Table 6. The last row reads "301+" / "Hazardous" with open ranges (O3 1-hour
# "0.405+", PM2.5 "225.5+", PM10 "425+", CO "30.5+", SO2 "605+", NO2 "1250+"); note 4 gives
# the concentrations of AQI 500 (O3 1-hour 0.604 ppm, PM2.5 325.4 µg/m³, PM10 604 µg/m³,
# CO 50.4 ppm, SO2 1004 ppb, NO2 2049 ppb), which close the 301-500 line here. Above them
# the index continues on that line (note 4; section VI: "AQI values above 500 based on the
# same linear slope as the AQI values between 301 and 500"). 8-hour O3 (note 2) and 1-hour
# SO2 (note 3) have no Hazardous row: above their tables they give no index (NaN).
POLLUTANTS = (
    _table(
        "o3_8h",
        "O3",
        "ppm",
        "8h",
        ((0.000, 0.054), (0.055, 0.070), (0.071, 0.085), (0.086, 0.105), (0.106, 0.200)),
        3,
        note="8-hour O3 values do not define higher AQI values (≥ 301); above 0.200 ppm "
        "use 1-hour O3 ([1], Table 6 note 2)",
        above="nan",
    ),
    _table(
        "o3_1h",
        "O3",
        "ppm",
        "1h",
        ((0.125, 0.164), (0.165, 0.204), (0.205, 0.404), (0.405, 0.604)),
        3,
        first=2,
        note="blank below 0.125 ppm (AQI 101): disregarded; report the higher of 1-h and 8-h "
        "([1], Table 6 note 1, section IV)",
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
        note="1-hr SO2 concentrations do not define higher AQI values (≥200); from 305 ppb "
        "the 24-hour value is used, else 200 ([1], Table 6 note 3, section IV)",
        above="nan",
    ),
    # Table 6 note 4 prints the AQI-500 value as "SO2 1-hour—1004 ppb", but by note 3 the
    # SO2 rows from AQI 201 up are 24-hour concentrations: 1004 ppb closes this table
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
    24-hour average then decides: "If you have a 24-hour average SO2 concentration greater
    than or equal to 305 ppb, then use the breakpoints in Table 6". "If ... the 24-hour
    concentration is not above 305 ppb ... use 200 for the lower and upper AQI breakpoints
    (ILo and IHi) in Equation 1 ... This effectively fixes the AQI value at 200 exactly"
    ([1], IV). We also give 200 when the 24-hour value is missing, so that such an hour is
    never reported as unknown (our choice; the TAD does not cover it).
    """
    if "so2_1h" not in sub:
        return
    with np.errstate(invalid="ignore"):
        over = np.floor(conc["so2_1h"] + 1e-9) >= 305  # [1]: SO2 truncated to 1 ppb
    daily = sub.get("so2_24h")
    if daily is not None:
        over &= daily == MISSING
    sub["so2_1h"] = np.where(over, 200.0, sub["so2_1h"])


# [1], Table 1: "For this AQI… use this descriptor… and this color" (0 to 50 Good Green ...
# 301+ Hazardous Maroon); colours from Table 2, "Standard AQI color formulas" (RGB): Green
# 0 228 0, Yellow 255 255 0, Orange 255 126 0, Red 255 0 0, Purple 143 63 151, Maroon
# 126 0 35. The one-line descriptions are AirNow's ("AQI Basics"), not printed in the TAD,
# whose Table 5 gives cautionary statements per pollutant instead.
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
        float("inf"),  # [1], Table 1 "301+"; section VI: values above 500 are Hazardous too
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
        "Read in the May 2024 text itself (EPA-454/B-24-002; the PDF at the address above, "
        "whose cover and contents match the NEPIS text P101AP0Q): every cell of Table 6 "
        "'Breakpoints for the AQI' and its notes 1-4 (last row '301+' 'Hazardous', open "
        "ranges such as PM2.5 '225.5+'; note 4: 'AQI values greater than 500 should be "
        "calculated using equation 1 and the concentration specified for the AQI value of "
        "500', PM2.5 325.4 µg/m³, PM10 604, CO 50.4 ppm, O3 1-hour 0.604 ppm, SO2 1004 ppb, "
        "NO2 2049 ppb); section IV step 1 truncation (O3 3 decimals, PM2.5 and CO 1, PM10, "
        "SO2 and NO2 integer), equation 1, step 4 'Round the index to the nearest integer'; "
        "'Using both O3 1-hour and 8-hour values', 'Calculating AQI values for SO2' (AQI 200 "
        "rule), the blank-cells rule and 'How the NowCast is calculated'; Table 1 names and "
        "Table 2 RGB colours; the FAQ on AQI values above 500; the worked examples of "
        "section IV (O3 0.07853333 ppm -> 126; O3 0.078, PM2.5 35.9, CO 8.4 -> 126; 1-hour "
        "O3 0.162 ppm printed as 148, where equation 1 gives 147.49 -> 147). Not from the "
        "TAD: the category descriptions (AirNow) and the 75 % completeness rules "
        "(AirNow-Tech, 40 CFR 50 App. U); the TAD's ozone NowCast is the 2019 method, not "
        "the 8-hour one of nowcast 'us-epa-o3'.",
    ),
    references=(
        "U.S. EPA, EPA-454/B-24-002, Technical Assistance Document for the Reporting of "
        "Daily Air Quality - the Air Quality Index (AQI), May 2024, Tables 1, 2 and 6, "
        "section IV",
        "40 CFR Part 58 Appendix G Table 2, as amended 89 FR 16202 (2024-03-06)",
        "AirNow-Tech, Daily and Hourly AQI; The NowCast",
    ),
    pollutants={p.id: p for p in POLLUTANTS},
    categories=CATEGORIES,
    rounding="half_up",
    adjust=adjust,
    notes=(
        "Concentrations are truncated: O3 to 0.001 ppm, PM2.5 to 0.1 µg/m³, PM10 to "
        "1 µg/m³, CO to 0.1 ppm, SO2 and NO2 to 1 ppb; the index is rounded to the nearest "
        "integer (TAD section IV).",
        "Hazardous is '301+': its tables are open ('225.5+'), the AQI-500 concentrations of "
        "Table 6 note 4 (O3 1-hour 0.604 ppm, PM2.5 325.4 µg/m³, PM10 604 µg/m³, CO "
        "50.4 ppm, SO2 24-hour 1004 ppb, NO2 2049 ppb) fix the line, and above 500 the "
        "index continues on it. 8-hour O3 above 0.200 ppm and 1-hour SO2 above 304 ppb "
        "define no index (Table 6 notes 2-3).",
    ),
)
