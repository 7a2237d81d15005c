"""The two refusals every app's services raise besides Django's ``PermissionDenied``: a
record whose fields do not validate, and a step its state does not allow. Each app names its
own subclasses (``EventInvalid``, ``AssessmentLocked`` …); pages, the API
(:func:`lmec.core.api.refusals`) and commands handle the base classes."""

from __future__ import annotations

from collections.abc import Mapping


class RecordInvalid(ValueError):
    """A record that cannot be stored: ``errors`` maps each bad field to its messages.

    Field names are those of the input (``title``, ``sites[0].latitude``, ``2.rating``) so a
    person can find the spot in their form, file or request; nothing was stored.
    """

    def __init__(self, errors: Mapping[str, list[str]]):
        self.errors = {field: [str(m) for m in messages] for field, messages in errors.items()}
        super().__init__(self.describe())

    def describe(self) -> str:
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in self.errors.items()
        )


class StateConflict(ValueError):
    """A step the record's state does not allow now (HTTP 409); the message says why."""
