"""Who may do what in the cooperation app (django-rules), one module per part; importing
this package registers every rule."""

import lmec.cooperation.permissions.evaluation  # noqa: F401

from . import framework  # noqa: F401
