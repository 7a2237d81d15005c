"""Writes of the knowledge catalogue: one function per use case, transactional, permission
checked (``PermissionDenied``); see K_CONTRACTS.md and docs/knowledge-import.md.

- records: :func:`upsert_resource` (import, harvest), :func:`create_resource`,
  :func:`update_resource`;
- files and links: :func:`add_file`, :func:`add_link`, :func:`remove_distribution`;
- workflow: :func:`submit`, :func:`start_review`, :func:`publish`, :func:`return_to_author`,
  :func:`unpublish`;
- access: :func:`request_access`, :func:`decide_access`, :func:`record_download`;
- after a change: :data:`AFTER_CHANGE` hooks (search index), batched by
  :func:`deferred_reindex`.
"""

from .access import decide_access, record_download, request_access
from .distributions import add_file, add_link, remove_distribution
from .errors import InvalidTransition, ResourceInvalid
from .hooks import AFTER_CHANGE, TEXT_NORMALIZERS, deferred_reindex, normalize_text
from .records import create_resource, update_resource, upsert_resource
from .validation import Lookups, validate_record
from .workflow import publish, return_to_author, start_review, submit, unpublish

__all__ = [
    "AFTER_CHANGE",
    "TEXT_NORMALIZERS",
    "InvalidTransition",
    "Lookups",
    "ResourceInvalid",
    "add_file",
    "add_link",
    "create_resource",
    "decide_access",
    "deferred_reindex",
    "normalize_text",
    "publish",
    "record_download",
    "remove_distribution",
    "request_access",
    "return_to_author",
    "start_review",
    "submit",
    "unpublish",
    "update_resource",
    "upsert_resource",
    "validate_record",
]
