"""The knowledge API, mounted at ``/api/v1/knowledge``: one router assembled from the parts
(``resources`` — kwork, ``search`` — ksearch, ``citations`` — kopen)."""

from ninja import Router

from .search import router as search_router

router = Router()
router.add_router("", search_router)
