"""JSON API of the knowledge catalogue, mounted at ``/api/v1/knowledge``: each part adds its
router here (resources: :mod:`.resources`; search: :mod:`.search`; citations from its branch)."""

from ninja import Router

from . import resources, search

router = Router()
router.add_router("", resources.router)
router.add_router("", search.router)

__all__ = ["router"]
