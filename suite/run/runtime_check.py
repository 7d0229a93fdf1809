"""Does Playwright's driver start, and does the chosen Chromium? Set-up asks before it runs.

    python -m suite.run.runtime_check driver|browser [--packages]
    python -m suite.run.runtime_check describe

`driver` starts Playwright's driver (the Node.js it bundles) with `--version`; `browser` starts
the Chromium the suite would use with `--version`. Exit 0 when it starts. Otherwise exit 1 and
print one line that names the cause: on a minimal Linux the usual one is a shared library the
program needs and the machine lacks (Playwright's node needs libatomic.so.1, which a slim
Debian image does not have). With --packages, print instead the Debian packages that provide
the missing libraries (set-up installs them when it is root with apt).

`describe` prints set-up's browser line (suite.run.browser.describe_for_setup); exit 3 when the
suite finds no browser, so set-up says "no Chromium" only when the browser is what is missing.

Why --version: the dynamic loader resolves every library a program is linked against before
main() runs, so a missing one shows at once, without a page, a display or a sandbox.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

# The loader's words (glibc's ld.so): "<program>: error while loading shared libraries:
# <library>: cannot open shared object file: No such file or directory".
_LOADER_ERROR = re.compile(
    r"^(?P<program>[^\n:]+): error while loading shared libraries: (?P<library>[^:\s]+):",
    re.MULTILINE,
)
# ldd's words for a library it cannot find: "\tlibatomic.so.1 => not found".
_LDD_NOT_FOUND = re.compile(r"^\s*(?P<library>\S+) => not found", re.MULTILINE)

# The Debian (bookworm) package of each library Playwright's node or Chromium links against,
# from `dpkg -S` on Debian 12: the ones a minimal image may lack.
DEBIAN_PACKAGES = {
    "libatomic.so.1": "libatomic1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libatk-1.0.so.0": "libatk1.0-0",
    "libatk-bridge-2.0.so.0": "libatk-bridge2.0-0",
    "libatspi.so.0": "libatspi2.0-0",
    "libcups.so.2": "libcups2",
    "libdrm.so.2": "libdrm2",
    "libgbm.so.1": "libgbm1",
    "libexpat.so.1": "libexpat1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libpango-1.0.so.0": "libpango-1.0-0",
    "libcairo.so.2": "libcairo2",
    "libasound.so.2": "libasound2",
    "libudev.so.1": "libudev1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
}

WHAT = {"driver": "Playwright's driver", "browser": "the browser"}


@dataclass(frozen=True)
class StartFailure:
    """Why a program did not start: the libraries it lacks, or else its own last words."""

    what: str  # "Playwright's driver", "the browser"
    program: str
    libraries: tuple[str, ...] = ()
    output: str = ""

    def packages(self) -> list[str]:
        """The Debian packages that provide the missing libraries we know, each once."""
        found = (DEBIAN_PACKAGES.get(library) for library in self.libraries)
        return list(dict.fromkeys(p for p in found if p))

    def message(self) -> str:
        """One line: what does not start, the libraries it lacks and the packages to install."""
        if not self.libraries:
            last = self.output.strip().splitlines()[-1:] or ["no output"]
            return f"{self.what} ({self.program}) does not start: {last[0]}"
        known = self.packages()
        unknown = [lib for lib in self.libraries if lib not in DEBIAN_PACKAGES]
        remedies = []
        if known:
            remedies.append("sudo apt-get install " + " ".join(known))
        if unknown:
            remedies.append("install the package that provides " + ", ".join(unknown))
        return (
            f"{self.what} ({self.program}) cannot start: shared "
            f"librar{'y' if len(self.libraries) == 1 else 'ies'} "
            f"{', '.join(self.libraries)} missing; {' and '.join(remedies)}"
        )


def loader_error(output: str) -> tuple[str, str] | None:
    """(program, library) from the loader's "error while loading shared libraries", if any."""
    match = _LOADER_ERROR.search(output)
    return (match["program"].strip(), match["library"]) if match else None


def libraries_not_found(ldd_output: str) -> list[str]:
    return list(dict.fromkeys(m["library"] for m in _LDD_NOT_FOUND.finditer(ldd_output)))


def _all_missing(program: str, first: str) -> tuple[str, ...]:
    """Every library `program` lacks, by ldd; the loader names only the first it misses."""
    try:
        ldd = subprocess.run(["ldd", program], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return (first,)
    found = libraries_not_found(ldd.stdout)
    return tuple(found) if first in found else (first, *found)


def start_failure(what: str, argv: Sequence[str], timeout: float = 60) -> StartFailure | None:
    """Start argv (a --version call); None when it starts, else why not."""
    try:
        run = subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout)
    except OSError as error:
        return StartFailure(what, argv[0], output=str(error))
    except subprocess.TimeoutExpired:
        return StartFailure(what, argv[0], output=f"no answer to --version in {timeout:.0f} s")
    if run.returncode == 0:
        return None
    output = run.stderr + run.stdout
    cause = loader_error(output)
    if cause:
        program, library = cause
        return StartFailure(what, argv[0], _all_missing(program, library), output)
    return StartFailure(what, argv[0], output=output)


def driver_argv() -> list[str]:
    from playwright._impl._driver import compute_driver_executable

    node, cli = compute_driver_executable()
    return [node, cli, "--version"]


def browser_argv() -> list[str] | None:
    """The chosen browser's --version call; None for a remote server (not ours to start)."""
    from suite.run.browser import choose_browser

    choice = choose_browser()
    if choice.kind == "remote" or not choice.executable:
        return None
    return [choice.executable, "--version"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m suite.run.runtime_check", description=__doc__)
    parser.add_argument("check", choices=["driver", "browser", "describe"])
    parser.add_argument("--packages", action="store_true")
    args = parser.parse_args(argv)
    from suite.run.browser import BrowserNotFound, describe_for_setup

    try:
        if args.check == "describe":
            print(describe_for_setup())
            return 0
        command = driver_argv() if args.check == "driver" else browser_argv()
    except BrowserNotFound as error:
        print(error, file=sys.stderr)
        return 3
    failure = start_failure(WHAT[args.check], command) if command else None
    if failure is None:
        return 0
    print(" ".join(failure.packages()) if args.packages else failure.message())
    return 1


if __name__ == "__main__":
    sys.exit(main())
