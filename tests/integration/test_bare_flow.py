"""The benchmark's floor still runs: the bare Playwright linking flow against today's mock.

`make bench` is too long for CI, so without this a change to the mock's pages (a renamed
button, a moved message) would break the floor unseen until the next benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.integration.runner import REPO, clean_environment

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("sign_in", ["ui", "reuse"])
def test_the_bare_linking_flow_runs_against_the_mock(sign_in: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/bare_linking_flow.py",
            "--iterations=1",
            "--warmup=0",
            f"--sign-in={sign_in}",
            "--json",
        ],
        cwd=REPO,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["sign_in"] == sign_in
    assert len(result["iterations"]) == 1 and result["iterations"][0] > 0
