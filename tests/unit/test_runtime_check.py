"""Set-up's start checks: the cause named when Playwright's driver or the browser cannot start.

The real loader is exercised with a copy of /bin/true whose needed library is renamed to one
no machine has; a missing library Debian packages (libatomic.so.1 on a slim image) is shown
by the loader's and ldd's own words. `make fresh-check` meets the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from suite.run import browser, runtime_check
from suite.run.runtime_check import (
    StartFailure,
    libraries_not_found,
    loader_error,
    start_failure,
)

REPO = Path(__file__).resolve().parents[2]
NODE = "/repo/.venv/lib/python3.11/site-packages/playwright/driver/node"
NODE_LOADER_ERROR = (
    f"{NODE}: error while loading shared libraries: libatomic.so.1: "
    "cannot open shared object file: No such file or directory\n"
)


def test_the_loaders_words_name_the_program_and_the_library() -> None:
    assert loader_error(NODE_LOADER_ERROR) == (NODE, "libatomic.so.1")
    assert loader_error("Error: something else went wrong\n") is None


def test_ldds_not_found_lines_are_the_missing_libraries() -> None:
    ldd = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibatomic.so.1 => not found\n"
        "\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f85)\n"
        "\tlibnss3.so => not found\n"
    )
    assert libraries_not_found(ldd) == ["libatomic.so.1", "libnss3.so"]


def test_a_missing_library_debian_packages_is_named_with_its_package() -> None:
    failure = StartFailure("Playwright's driver", NODE, ("libatomic.so.1",))
    assert failure.message() == (
        f"Playwright's driver ({NODE}) cannot start: shared library libatomic.so.1 missing; "
        "sudo apt-get install libatomic1"
    )
    assert failure.packages() == ["libatomic1"]


def test_several_missing_libraries_are_one_line_each_package_once() -> None:
    failure = StartFailure(
        "the browser", "/usr/bin/chromium", ("libnss3.so", "libnssutil3.so", "libfoo.so.9")
    )
    message = failure.message()
    assert "\n" not in message
    assert "libraries libnss3.so, libnssutil3.so, libfoo.so.9 missing" in message
    assert "sudo apt-get install libnss3 and install the package that provides libfoo.so.9" in (
        message
    )
    assert failure.packages() == ["libnss3"]


def test_a_failure_that_is_not_a_library_shows_the_programs_last_words() -> None:
    failure = StartFailure("the browser", "/opt/chrome", output="noise\nIllegal instruction\n")
    assert failure.message() == "the browser (/opt/chrome) does not start: Illegal instruction"
    assert failure.packages() == []


def broken_true(tmp_path: Path) -> Path:
    """/bin/true needing libq.so.6 instead of libc.so.6: the loader refuses to start it."""
    program = tmp_path / "broken-true"
    data = Path(shutil.which("true") or "/bin/true").read_bytes()
    assert data.count(b"libc.so.6\0") == 1
    program.write_bytes(data.replace(b"libc.so.6\0", b"libq.so.6\0"))
    program.chmod(0o755)
    return program


def test_a_program_the_loader_refuses_is_caught_with_its_library(tmp_path: Path) -> None:
    program = broken_true(tmp_path)
    failure = start_failure("Playwright's driver", [str(program), "--version"])
    assert failure is not None
    assert failure.libraries == ("libq.so.6",)
    assert failure.message() == (
        f"Playwright's driver ({program}) cannot start: shared library libq.so.6 missing; "
        "install the package that provides libq.so.6"
    )


def test_a_program_that_starts_is_no_failure() -> None:
    assert start_failure("the browser", ["true"]) is None


def test_a_program_that_is_not_there_says_so(tmp_path: Path) -> None:
    failure = start_failure("the browser", [str(tmp_path / "chrome"), "--version"])
    assert failure is not None
    assert "No such file" in failure.message()


def test_describe_exits_3_only_when_there_is_no_browser(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.delenv("BROWSER_WS_ENDPOINT", raising=False)
    monkeypatch.setattr(browser, "playwright_chromium", lambda: None)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    assert runtime_check.main(["describe"]) == 3
    assert "no Chromium found" in capsys.readouterr().err


def test_a_driver_that_cannot_start_is_not_reported_as_no_browser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def driver_fails() -> str:
        raise RuntimeError("Cannot launch Node.js executable")

    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.delenv("BROWSER_WS_ENDPOINT", raising=False)
    monkeypatch.setattr(browser, "playwright_chromium", driver_fails)
    with pytest.raises(RuntimeError):
        runtime_check.main(["describe"])


def test_setup_names_the_library_the_driver_lacks_and_stops(tmp_path: Path) -> None:
    """Set-up with a driver the loader refuses (PLAYWRIGHT_NODEJS_PATH): one line, before any
    browser is looked for, and no apt (nothing packages libq.so.6)."""
    program = broken_true(tmp_path)
    env = {**os.environ, "PLAYWRIGHT_NODEJS_PATH": str(program)}
    run = subprocess.run(
        ["bash", "scripts/setup.sh"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("setup: error:")]
    assert errors == [
        f"setup: error: Playwright's driver ({program}) cannot start: shared library "
        "libq.so.6 missing; install the package that provides libq.so.6"
    ]
    assert "browser" not in run.stdout
