"""JSON API of the knowledge catalogue, mounted at ``/api/v1/knowledge``: each part adds its
router here (resources: :mod:`.resources`; search and citations come from their branches)."""

from ninja import Router

from . import resources

router = Router()
router.add_router("", resources.router)

__all__ = ["router"]
