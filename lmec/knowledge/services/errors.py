"""The errors the knowledge services raise (besides Django's ``PermissionDenied``)."""

from __future__ import annotations


class ResourceInvalid(ValueError):
    """A record that cannot be stored: ``errors`` maps each bad field to its messages.

    Field names are those of the import format (``title``, ``authors[2].name``,
    ``files[0].path``), so a person can find the spot in their file or form.
    """

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {field: [str(m) for m in messages] for field, messages in errors.items()}
        super().__init__(self.describe())

    def describe(self) -> str:
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in self.errors.items()
        )


class InvalidTransition(ValueError):
    """A step the record's state does not allow now (publishing a draft, deciding a request
    already decided, a second pending access request); the message says why."""
