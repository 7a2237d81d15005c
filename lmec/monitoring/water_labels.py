"""What the water pages and API say about each surface-water standard, in the reader's language.

:mod:`lmec.quality.water` holds each standard's class names in English and the standard's
own language only; the site speaks seven languages, so the names, the one-line meaning of
each class (for the legend) and the class colours are kept here, keyed by the standard's id
and class key. A test fails when a class has no label or no colour.

Colours: none of the three standards prescribes class colours, so these are the platform's
own, one scale for all (blue = best, red = worst) so that a reader compares the map at a
glance; the class name is always printed beside the colour.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: Which standard classifies a country's sampling sites: the national surface-water standard
#: carried by lmec.quality.water. Cambodia, Lao PDR and Myanmar have none in the platform.
NATIONAL_STANDARDS = {
    "CN": "cn-gb3838-2002",
    "TH": "th-neb8-1994",
    "VN": "vn-qcvn08-2023",
}

#: The document each standard is, as its readers cite it (codes are not translated).
DOCUMENTS = {
    "cn-gb3838-2002": "GB 3838-2002",
    "th-neb8-1994": "NEB Notification No. 8 (B.E. 2537)",
    "vn-qcvn08-2023": "QCVN 08:2023/BTNMT",
}

#: The table of each document that the classes come from.
TABLES = {
    "cn-gb3838-2002": pgettext_lazy("water standard table", "Table 1 (basic items)"),
    "th-neb8-1994": pgettext_lazy("water standard table", "surface water quality standard table"),
    "vn-qcvn08-2023": pgettext_lazy("water standard table", "Table 2 (rivers, streams, canals)"),
}

CLASS_NAMES = {
    ("cn-gb3838-2002", "I"): pgettext_lazy("water class, China", "Class I"),
    ("cn-gb3838-2002", "II"): pgettext_lazy("water class, China", "Class II"),
    ("cn-gb3838-2002", "III"): pgettext_lazy("water class, China", "Class III"),
    ("cn-gb3838-2002", "IV"): pgettext_lazy("water class, China", "Class IV"),
    ("cn-gb3838-2002", "V"): pgettext_lazy("water class, China", "Class V"),
    ("cn-gb3838-2002", "worse_than_V"): pgettext_lazy("water class, China", "Worse than class V"),
    ("th-neb8-1994", "1"): pgettext_lazy("water class, Thailand", "Class 1"),
    ("th-neb8-1994", "2"): pgettext_lazy("water class, Thailand", "Class 2"),
    ("th-neb8-1994", "3"): pgettext_lazy("water class, Thailand", "Class 3"),
    ("th-neb8-1994", "4"): pgettext_lazy("water class, Thailand", "Class 4"),
    ("th-neb8-1994", "5"): pgettext_lazy("water class, Thailand", "Class 5"),
    ("vn-qcvn08-2023", "A"): pgettext_lazy("water class, Viet Nam", "Level A"),
    ("vn-qcvn08-2023", "B"): pgettext_lazy("water class, Viet Nam", "Level B"),
    ("vn-qcvn08-2023", "C"): pgettext_lazy("water class, Viet Nam", "Level C"),
    ("vn-qcvn08-2023", "D"): pgettext_lazy("water class, Viet Nam", "Level D"),
}

# The legend: what each class means. China: the section grades of the 2011 evaluation method
# (优 / 良好 / 轻度污染 / 中度污染 / 重度污染, carried in lmec.quality.water.gb3838) and the
# main uses of each class in GB 3838-2002 clause 4. Thailand: what the table itself says
# (class 1 is "n", natural; a value meeting none of the limits is class 5). Viet Nam: the
# quality word of each level of QCVN 08:2023 Table 2.
CLASS_MEANINGS = {
    ("cn-gb3838-2002", "I"): _("Excellent; mainly source water and national nature reserves."),
    ("cn-gb3838-2002", "II"): _(
        "Excellent; first-grade protection zones of drinking-water sources, important fish "
        "habitats and spawning grounds."
    ),
    ("cn-gb3838-2002", "III"): _(
        "Good; second-grade protection zones of drinking-water sources, fisheries, swimming."
    ),
    ("cn-gb3838-2002", "IV"): _(
        "Lightly polluted; general industrial water, recreation without body contact."
    ),
    ("cn-gb3838-2002", "V"): _("Moderately polluted; agricultural and landscape water."),
    ("cn-gb3838-2002", "worse_than_V"): _("Heavily polluted; misses a class V limit."),
    ("th-neb8-1994", "1"): _("Natural conditions only; no measured value places a sample here."),
    ("th-neb8-1994", "2"): _("Meets the strictest numerical limits of the table."),
    ("th-neb8-1994", "3"): _("Meets the class 3 limits."),
    ("th-neb8-1994", "4"): _("Meets the class 4 limits."),
    ("th-neb8-1994", "5"): _("Meets none of the class 2–4 limits."),
    ("vn-qcvn08-2023", "A"): _("Good water quality."),
    ("vn-qcvn08-2023", "B"): _("Medium water quality."),
    ("vn-qcvn08-2023", "C"): _("Bad water quality."),
    ("vn-qcvn08-2023", "D"): _("Very bad water quality."),
}

_BLUE, _SKY, _GREEN, _YELLOW, _ORANGE, _RED = (
    "#1f5fbf",
    "#4fb3e8",
    "#3aa655",
    "#f2d22e",
    "#f08c1a",
    "#c62828",
)

#: Class colours (the platform's own scale, see the module docstring).
CLASS_COLOURS = {
    ("cn-gb3838-2002", "I"): _BLUE,
    ("cn-gb3838-2002", "II"): _SKY,
    ("cn-gb3838-2002", "III"): _GREEN,
    ("cn-gb3838-2002", "IV"): _YELLOW,
    ("cn-gb3838-2002", "V"): _ORANGE,
    ("cn-gb3838-2002", "worse_than_V"): _RED,
    ("th-neb8-1994", "1"): _BLUE,
    ("th-neb8-1994", "2"): _SKY,
    ("th-neb8-1994", "3"): _GREEN,
    ("th-neb8-1994", "4"): _YELLOW,
    ("th-neb8-1994", "5"): _RED,
    ("vn-qcvn08-2023", "A"): _SKY,
    ("vn-qcvn08-2023", "B"): _GREEN,
    ("vn-qcvn08-2023", "C"): _ORANGE,
    ("vn-qcvn08-2023", "D"): _RED,
}

#: Why a site has no class (keys of ``note`` in the selectors' output).
NOTES = {
    "no_national_standard": _(
        "This country has no national surface-water standard in the platform, so its sites "
        "are not classified."
    ),
    "vn_lake": _(
        "Lakes, ponds and lagoons are classified with Table 3 of QCVN 08:2023, which the "
        "platform does not carry yet (levels C and D could not be read in any source)."
    ),
    "mrc_unverified": _(
        "The Mekong River Commission's water quality indices are not shown: their method "
        "(target values, formula and class boundaries) could not be read in any accessible "
        "source, and the platform does not compute an index on guessed numbers."
    ),
    "neb8_percentiles": _(
        "NEB No. 8 judges DO on the 20th and BOD and coliforms on the 80th percentile of a "
        "site's samples; the class of a single sample shown here is indicative."
    ),
    "cn_2011_items": _(
        "The overall class follows the 2011 evaluation method (环办〔2011〕22号): total "
        "nitrogen and fecal coliform are classified but do not set it."
    ),
}

#: How a value below the detection limit is classified, per rule of lmec.quality.water.
CENSORED_RULES = {
    "half_dl": _(
        "A value below the detection limit is classified as half the detection limit "
        "(环办监测函〔2020〕82号, item 7)."
    ),
    "dl": _(
        "A value below the detection limit meets every limit at or above it; where the "
        "detection limit is above a better class's limit, that class cannot be confirmed and "
        "the sample gets the class whose limit is at or above the detection limit."
    ),
}
