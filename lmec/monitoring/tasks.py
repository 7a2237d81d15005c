"""Background work of the monitoring hub (Django's tasks framework).

With the database backend (``TASKS_BACKEND=database``, the default) a task waits in the
database until a worker runs it: ``lmec db_worker`` (``lmec serve`` and ``lmec demo``
start one beside the web server). With ``TASKS_BACKEND=immediate`` it runs at once, in the
request that enqueues it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from django.tasks import task

logger = logging.getLogger(__name__)


def allowed_stations(upload) -> set[int] | None:
    """The stations an upload may write: those its uploader may write
    (``lmec.monitoring.permissions.writable_station_ids``, the upload page's rule); any for
    an upload made without a person (the command line, the admin's own tools)."""
    if upload.user_id is None:
        return None
    from .permissions import writable_station_ids

    return writable_station_ids(upload.user)


@task()
def ingest_upload(
    upload_id: int, station: str | None = None, allowed_stations_ids: list[int] | None = None
) -> dict:
    """Ingest the stored file of :class:`~lmec.monitoring.models.Upload` ``upload_id``.

    The upload's ``mapping``, ``skip_invalid`` and ``format`` apply. ``station`` is the
    station code of OpenAQ results. ``allowed_stations_ids``: the stations the upload may
    write, as decided when it was accepted; by default the uploader's scope at the time the
    task runs (:func:`allowed_stations`). The outcome is written on the upload (status,
    counts, row report, message); the task returns the counts. An unreadable file marks the
    upload failed with the reason, not an exception.
    """
    from .ingest import IngestError, ingest_file
    from .models import Upload

    upload = Upload.objects.get(pk=upload_id)
    if not upload.file:
        error = IngestError("upload_no_file")
        upload.status, upload.message = Upload.Status.FAILED, str(error)
        upload.message_code, upload.message_params = error.code, error.params
        upload.save(update_fields=["status", "message", "message_code", "message_params"])
        return {"status": upload.status, **_failure(error)}
    # a long table with a mapping is how a form may record a wide one: let the mapping decide
    fmt = upload.format or None
    if fmt == Upload.Format.LONG and upload.mapping.strip():
        fmt = None
    with _local_copy(upload.file) as path:
        try:
            result = ingest_file(
                path,
                user=upload.user,
                mapping=upload.mapping or None,
                skip_invalid=upload.skip_invalid,
                format=fmt,
                station=station,
                allowed_stations=(
                    allowed_stations(upload)
                    if allowed_stations_ids is None
                    else set(allowed_stations_ids)
                ),
                upload=upload,
            )
        except IngestError as exc:
            logger.info("upload %s failed: %s", upload_id, exc)
            return {"status": Upload.Status.FAILED, **_failure(exc)}
    return result.counts()


def _failure(error) -> dict:
    """The English message of a failed ingest, with its code and parameters (translated by
    :func:`lmec.monitoring.ingest.reasons.translated`)."""
    return {"message": str(error), "code": error.code, "params": error.params}


class _local_copy:
    """The path of a stored file on this machine: the file itself on local storage, else a
    temporary copy (object storage) removed afterwards. Keeps the upload's file name, so
    its suffix (.csv, .xlsx, .json) still tells the format."""

    def __init__(self, field_file):
        self.field_file = field_file
        self.temporary: Path | None = None

    def __enter__(self) -> Path:
        try:
            return Path(self.field_file.path)
        except NotImplementedError:
            pass
        folder = Path(tempfile.mkdtemp(prefix="lmec-upload-"))
        self.temporary = folder / Path(self.field_file.name).name
        with self.field_file.open("rb") as source, open(self.temporary, "wb") as target:
            shutil.copyfileobj(source, target)
        return self.temporary

    def __exit__(self, *exc) -> None:
        if self.temporary is not None:
            shutil.rmtree(self.temporary.parent, ignore_errors=True)
