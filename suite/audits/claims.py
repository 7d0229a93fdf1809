"""The page states a run has audited, across its processes: each is audited once per run.

Under pytest-xdist each worker has an auditor of its own. A worker claims a state by creating
a file named after it in the reports folder's .audited/ (O_EXCL: exactly one of the run's
processes succeeds, without a lock), and the other workers leave that state alone. The
process that starts the run (xdist's controller, or the only one) empties the folder first,
before any worker starts. With four workers, make test's run of the FAQ suite audited each
state up to four times, about 30 CPU seconds of the run's 130 (2026-12-07).
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

    @classmethod
    def for_run(cls, config: pytest.Config) -> StateClaims:
        reports = config.stash.get(REPORTS_DIR, None)
        if reports is None:
            return cls()
        folder = reports / CLAIMS_FOLDER
        if not is_worker(config) and not config.option.collectonly:
            shutil.rmtree(folder, ignore_errors=True)  # an earlier run's claims
        return cls(folder)

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
