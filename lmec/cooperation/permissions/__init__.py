"""Who may do what in the cooperation app (django-rules), one module per part; importing
this package registers every rule."""

from . import framework  # noqa: F401
from . import indicators as _indicators  # noqa: F401
