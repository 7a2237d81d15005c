"""The licences a resource may carry, with the ids CKAN and the Open Definition use.

Ids follow the Open Knowledge licence register (https://licenses.opendefinition.org/), which
CKAN's ``license_id`` uses, so harvested records keep their licence and CKAN clients read ours.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    id: str
    #: The register's title, marked for translation (lazy): see :attr:`title`, :attr:`title_en`.
    label: str | Promise
    url: str
    #: Open in the sense of the Open Definition (reuse and redistribution allowed).
    open: bool
    #: SPDX identifier, used in DCAT and schema.org output; empty where SPDX has none.
    spdx: str = ""

    @property
    def title(self) -> str:
        """The title in the active language, as the pages, facets and our API show it."""
        return str(self.label)

    @property
    def title_en(self) -> str:
        """The register's own English title, as CKAN's ``license_title`` and DCAT carry it."""
        with translation.override("en"):
            return str(self.label)


LICENCES = (
    Licence(
        "cc-by-4.0",
        _("Creative Commons Attribution 4.0"),
        "https://creativecommons.org/licenses/by/4.0/",
        True,
        "CC-BY-4.0",
    ),
    Licence(
        "cc-by-sa-4.0",
        _("Creative Commons Attribution-ShareAlike 4.0"),
        "https://creativecommons.org/licenses/by-sa/4.0/",
        True,
        "CC-BY-SA-4.0",
    ),
    Licence(
        "cc-by-nc-4.0",
        _("Creative Commons Attribution-NonCommercial 4.0"),
        "https://creativecommons.org/licenses/by-nc/4.0/",
        False,
        "CC-BY-NC-4.0",
    ),
    Licence(
        "cc-zero",
        _("Creative Commons CCZero"),
        "https://creativecommons.org/publicdomain/zero/1.0/",
        True,
        "CC0-1.0",
    ),
    Licence(
        "odc-by",
        _("Open Data Commons Attribution License"),
        "https://opendatacommons.org/licenses/by/1-0/",
        True,
        "ODC-By-1.0",
    ),
    Licence(
        "odc-odbl",
        _("Open Data Commons Open Database License (ODbL)"),
        "https://opendatacommons.org/licenses/odbl/1-0/",
        True,
        "ODbL-1.0",
    ),
    Licence(
        "odc-pddl",
        _("Open Data Commons Public Domain Dedication and License (PDDL)"),
        "https://opendatacommons.org/licenses/pddl/1-0/",
        True,
        "PDDL-1.0",
    ),
    Licence("other-pd", _("Other (Public Domain)"), "", True),
    Licence("other-at", _("Other (Attribution)"), "", True),
    Licence("other-open", _("Other (Open)"), "", True),
    Licence("other-nc", _("Other (Non-Commercial)"), "", False),
    Licence("other-closed", _("Other (Not Open)"), "", False),
    Licence("notspecified", _("License not specified"), "", False),
)

BY_ID = {licence.id: licence for licence in LICENCES}
DEFAULT = "cc-by-4.0"
CHOICES = [(licence.id, licence.label) for licence in LICENCES]
#: Shown to readers where a record has no licence (the register's own entry is "License not
#: specified").
LABEL_NOT_SPECIFIED = _("Licence not specified")
