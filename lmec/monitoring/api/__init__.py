"""JSON API of the monitoring app: the standards (``/api/v1/quality/…``, :mod:`.quality`) and
the monitoring data (``/api/v1/monitoring/…``: :mod:`.stations`, downloads in
:mod:`.downloads`)."""

from ninja import Router

from . import downloads, stations
from .quality import router

#: Mounted at ``/api/v1/monitoring``; other parts add their routers to it.
monitoring_router = Router()
monitoring_router.add_router("", stations.router)
monitoring_router.add_router("", downloads.router)

__all__ = ["monitoring_router", "router"]
