"""The licences a resource may carry, with the ids CKAN and the Open Definition use.

Ids follow the Open Knowledge licence register (https://licenses.opendefinition.org/), which
CKAN's ``license_id`` uses, so harvested records keep their licence and CKAN clients read ours.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    id: str
    title: str
    url: str
    #: Open in the sense of the Open Definition (reuse and redistribution allowed).
    open: bool
    #: SPDX identifier, used in DCAT and schema.org output; empty where SPDX has none.
    spdx: str = ""


LICENCES = (
    Licence(
        "cc-by-4.0",
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        True,
        "CC-BY-4.0",
    ),
    Licence(
        "cc-by-sa-4.0",
        "Creative Commons Attribution-ShareAlike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        True,
        "CC-BY-SA-4.0",
    ),
    Licence(
        "cc-by-nc-4.0",
        "Creative Commons Attribution-NonCommercial 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
        False,
        "CC-BY-NC-4.0",
    ),
    Licence(
        "cc-zero",
        "Creative Commons CCZero",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        True,
        "CC0-1.0",
    ),
    Licence(
        "odc-by",
        "Open Data Commons Attribution License",
        "https://opendatacommons.org/licenses/by/1-0/",
        True,
        "ODC-By-1.0",
    ),
    Licence(
        "odc-odbl",
        "Open Data Commons Open Database License (ODbL)",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        True,
        "ODbL-1.0",
    ),
    Licence(
        "odc-pddl",
        "Open Data Commons Public Domain Dedication and License (PDDL)",
        "https://opendatacommons.org/licenses/pddl/1-0/",
        True,
        "PDDL-1.0",
    ),
    Licence("other-pd", "Other (Public Domain)", "", True),
    Licence("other-at", "Other (Attribution)", "", True),
    Licence("other-open", "Other (Open)", "", True),
    Licence("other-nc", "Other (Non-Commercial)", "", False),
    Licence("other-closed", "Other (Not Open)", "", False),
    Licence("notspecified", "License not specified", "", False),
)

BY_ID = {licence.id: licence for licence in LICENCES}
DEFAULT = "cc-by-4.0"
CHOICES = [(licence.id, licence.title) for licence in LICENCES]
#: Shown to readers; the titles above are the register's own (English) names.
LABEL_NOT_SPECIFIED = _("Licence not specified")
