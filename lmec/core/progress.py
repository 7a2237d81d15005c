"""Progress bars for the ``lmec`` commands that work in stages (ingest, knowledge import)."""

from __future__ import annotations

import sys


class StageProgress:
    """A tqdm bar on the terminal (stderr) per stage of a ``progress(stage, done, total)``
    callback; a new stage closes the previous bar, ``"done"`` closes the last.

    ``labels`` names the stages on screen; ``unit`` is what is counted (" rows", " lines").
    """

    def __init__(self, labels: dict[str, str], unit: str):
        from tqdm import tqdm

        self.tqdm = tqdm
        self.labels = labels
        self.unit = unit
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage == "done":
            self.close()
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = self.tqdm(
                total=total,
                desc=self.labels.get(stage, stage),
                unit=self.unit,
                unit_scale=True,
                file=sys.stderr,
                leave=False,
            )
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.stage = None
