"""The errors the knowledge services raise (besides Django's ``PermissionDenied``)."""

from __future__ import annotations

from lmec.core.errors import RecordInvalid, StateConflict


class ResourceInvalid(RecordInvalid):
    """A record that cannot be stored: ``errors`` maps each bad field to its messages.

    Field names are those of the import format (``title``, ``authors[2].name``,
    ``files[0].path``), so a person can find the spot in their file or form.
    """


class InvalidTransition(StateConflict):
    """A step the record's state does not allow now (publishing a draft, deciding a request
    already decided, a second pending access request); the message says why."""
