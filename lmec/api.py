"""The ``/api/v1`` API: each app contributes a router; OpenAPI at ``/api/v1/openapi.json``."""

from ninja import NinjaAPI

from lmec import __version__
from lmec.cooperation.api import cooperation_router
from lmec.cooperation.api import router as framework_router
from lmec.monitoring.api import monitoring_router
from lmec.monitoring.api import router as quality_router
from lmec.monitoring.api.push import router as push_router

api = NinjaAPI(
    title="LMEC platform API",
    version=__version__,
    description=(
        "Open data of the Lancang-Mekong Environmental Cooperation: the cooperation "
        "framework, the air- and water-quality standards, and (as they arrive) knowledge "
        "resources and monitoring data. "
        "Texts come in the language given by `?lang=` (zh-hans, en, th, vi, lo, km, my) "
        "or the Accept-Language header."
    ),
    urls_namespace="api-v1",
)
api.add_router("/framework", framework_router)
api.add_router("/cooperation", cooperation_router)
api.add_router("/quality", quality_router)
api.add_router("/monitoring", monitoring_router)
api.add_router("/monitoring/water", "lmec.monitoring.api.water.router")
api.add_router("/monitoring", push_router)
api.add_router("/knowledge", "lmec.knowledge.api.router")
api.add_router("/network", "lmec.network.api.router")
