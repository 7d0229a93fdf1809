"""The page states a run has audited, across its processes: each is audited once per run.

Under pytest-xdist each worker has an auditor of its own. A worker claims a state by creating
a file named after it in the reports folder's .audited/ (O_EXCL: exactly one of the run's
processes succeeds, without a lock), and the other workers leave that state alone. The
process that starts the run (xdist's controller, or the only one) empties the folder first,
before any worker starts, and removes it when the run ends: a run that ends at once (a usage
error) leaves the last run's reports as they were. Before, each worker audited every state it
reached: `-n 2` made 68 audits of 47 states, and make test's run (4 workers) more (2026-12-07).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from suite.run.items import is_worker
from suite.run.output import REPORTS_DIR

CLAIMS_FOLDER = ".audited"

Key = tuple[str, str, str]  # (site, path with its query's names, state)


@dataclass(frozen=True)
class StateClaims:
    folder: Path | None = None  # None: this process audits alone (no reports folder)
    owner: bool = False  # this process started the run: it empties and removes the folder

    @classmethod
    def for_run(cls, config: pytest.Config) -> StateClaims:
        reports = config.stash.get(REPORTS_DIR, None)
        if reports is None:
            return cls()
        folder = reports / CLAIMS_FOLDER
        owner = not is_worker(config) and not config.option.collectonly
        if owner:
            shutil.rmtree(folder, ignore_errors=True)  # a run that was killed left them
        return cls(folder, owner)

    def end_of_run(self) -> None:
        if self.owner and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def claim(self, key: Key) -> bool:
        """Whether this process audits the state: no other process of the run has claimed it."""
        if self.folder is None:
            return True
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(self.folder / _name(key), os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return False
        return True

    def release(self, key: Key) -> None:
        """A state left before its audit ended: any process audits it when it is seen again."""
        if self.folder is not None:
            (self.folder / _name(key)).unlink(missing_ok=True)


def _name(key: Key) -> str:
    return hashlib.sha256("\n".join(key).encode()).hexdigest()[:24]
