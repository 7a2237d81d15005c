"""JSON API of the monitoring app: the standards (``/api/v1/quality/…``, :mod:`.quality`) and
the monitoring data (``/api/v1/monitoring/…``: :mod:`.stations`, :mod:`.exports`)."""

from .quality import router

__all__ = ["router"]
