#!/usr/bin/env bash
# Set up everything the suite needs, idempotently: a virtual environment with the pinned
# dependencies, and a Chromium. Called by every Makefile target that runs something, so
# `make acceptance` or `make test` on a fresh clone is the only step.
#
# Browser: CHROMIUM_PATH when set; else Playwright's own Chromium when it can be downloaded;
# else a Chromium on PATH under any name the suite accepts (suite/run/browser.py), installed with
# apt when we are root on Debian/Ubuntu. The last line says which one the suite will use; when
# the suite would find none, set-up stops with an error.
#
# Before it looks for a browser, set-up checks that Playwright's driver (the Node.js it bundles)
# starts, and then that the chosen browser starts: on a minimal image either may lack a shared
# library (node needs libatomic.so.1). As root with apt it installs the Debian package that
# provides it; otherwise it stops with one line naming the library and its package.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
as_root() { [ "$(id -u)" = 0 ]; }
have_apt() { command -v apt-get >/dev/null 2>&1; }

is_python_311() {
    command -v "$1" >/dev/null 2>&1 \
        && "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if is_python_311 "$candidate"; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

make_venv() {
    [ -x "$VENV/bin/python" ] && return 0
    local python
    if [ -n "${PYTHON:-}" ]; then
        # The user's choice: when it is not usable, say so rather than take another.
        is_python_311 "$PYTHON" || fail "PYTHON=$PYTHON is not a Python 3.11 or newer"
        python=$PYTHON
    else
        python=$(find_python) || fail "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"
    fi
    say "creating $VENV with $($python --version)"
    local venv_error
    if ! venv_error=$("$python" -m venv "$VENV" 2>&1); then
        # Debian and Ubuntu ship venv (its ensurepip) separately; any other failure (a folder
        # we may not write, a full disk) is not cured by python3-venv: show its own words.
        if ! grep -q ensurepip <<<"$venv_error"; then
            fail "$python -m venv $VENV failed: $(tail -n 1 <<<"$venv_error")"
        fi
        if as_root && have_apt; then
            say "installing python3-venv with apt"
            apt_install python3-venv || fail "apt-get install python3-venv failed"
            rm -rf "$VENV"; "$python" -m venv "$VENV"
        else
            fail "python venv is missing: sudo apt-get install python3-venv, then run this again"
        fi
    fi
}

install_project() {
    # Reinstall only when the pins or the project's metadata change.
    local stamp="$VENV/.installed" wanted
    wanted=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then return 0; fi
    say "installing the project and its pinned dependencies (requirements.lock)"
    # pip's own chatter goes to a log, shown only when the install fails.
    local log="$VENV/pip-install.log"
    if ! { "$VENV/bin/python" -m pip install --disable-pip-version-check --upgrade pip \
            && "$VENV/bin/python" -m pip install --disable-pip-version-check \
                -c requirements.lock -e ".[dev]"; } >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        fail "pip could not install the dependencies (full log: $log)"
    fi
    echo "$wanted" > "$stamp"
    rm -f "$VENV"/.starts-*  # another Playwright: check again that it starts
}

# The suite's own choice (suite/run/browser.py), so set-up accepts exactly the browsers, and the
# names on PATH, that the suite does. Exit 3 when there is none; any other failure is not
# about the browser, and its words are kept in $VENV/browser-choice.log.
browser_in_use() {
    "$VENV/bin/python" -m suite.run.runtime_check describe 2>"$VENV/browser-choice.log"
}

# Start Playwright's driver ($1=driver) or the chosen browser ($1=browser) with --version
# (suite/run/runtime_check.py). When a shared library is missing: as root with apt, install the
# Debian packages that provide it and try again; otherwise stop with the checker's one line.
check_starts() {
    local problem packages attempts=0
    while ! problem=$("$VENV/bin/python" -m suite.run.runtime_check "$1"); do
        [ -n "$problem" ] || fail "could not check that $1 starts: suite/run/runtime_check.py failed (above)"
        as_root && have_apt && [ "$attempts" -lt 3 ] || fail "$problem"
        packages=$("$VENV/bin/python" -m suite.run.runtime_check "$1" --packages) || true
        [ -n "$packages" ] || fail "$problem"
        say "installing $packages with apt: $problem"
        # shellcheck disable=SC2086 # one word per package
        apt_install $packages || fail "apt-get install $packages failed"
        attempts=$((attempts + 1))
    done
}

# Each check costs a second or so and set-up runs before every target: a check that passed
# is remembered for what it checked (Playwright's version and node, the browser line).
check_starts_once() {
    local stamp="$VENV/.starts-$1"
    [ "$(cat "$stamp" 2>/dev/null)" = "$2" ] && return 0
    check_starts "$1"
    echo "$2" >"$stamp"
}

# The last line of set-up; stops with the reason when the suite would find no browser, or
# when the browser it finds cannot start. (Not `say "$(browser_in_use || fail ...)"`: fail
# would then exit only the $(...) subshell.)
say_browser() {
    local browser status=0
    browser=$(browser_in_use) || status=$?
    if [ "$status" = 3 ]; then fail "$1"; fi
    if [ "$status" != 0 ]; then
        cat "$VENV/browser-choice.log" >&2
        fail "suite/run/browser.py could not choose a browser (above)"
    fi
    check_starts_once browser "$browser"
    say "browser: $browser"
}

provide_browser() {
    if [ -n "${CHROMIUM_PATH:-}" ]; then
        say_browser "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
        return 0
    fi
    if "$VENV/bin/python" -c 'from suite.run.browser import playwright_chromium as p; exit(p() is None)'; then
        say_browser "Playwright's Chromium is installed but the suite cannot use it"; return 0
    fi
    # Where the download cannot work (no route to Playwright's CDN), trying again before
    # every run costs seconds and changes nothing: remember the failure per Playwright version.
    local failed_stamp="$VENV/.playwright-download-failed" version
    version=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("playwright"))')
    if [ "$(cat "$failed_stamp" 2>/dev/null)" = "$version" ]; then
        say "Playwright's download failed before (delete $failed_stamp to try again); using the system Chromium"
    else
        say "downloading Playwright's Chromium"
        local with_deps=()
        as_root && have_apt && with_deps=(--with-deps)
        if "$VENV/bin/playwright" install "${with_deps[@]}" chromium >"$VENV/playwright-install.log" 2>&1; then
            rm -f "$failed_stamp"
            say_browser "Playwright's Chromium was downloaded but the suite cannot use it"; return 0
        fi
        echo "$version" > "$failed_stamp"
        say "Playwright's download failed (see $VENV/playwright-install.log); trying the system Chromium"
    fi
    if ! browser_in_use >/dev/null; then
        if as_root && have_apt; then
            say "installing Debian's chromium and chromium-headless-shell packages with apt"
            apt_install chromium chromium-headless-shell || fail "apt-get install chromium failed"
        else
            fail "no browser: run '$VENV/bin/playwright install chromium' where the download works, or install your distribution's chromium (sudo apt-get install chromium), or set CHROMIUM_PATH"
        fi
    fi
    add_headless_shell
    say_browser "no usable Chromium found"
}

# apt's chatter (debconf notices included) goes to a log, shown only when it fails. The
# folder may not be a virtual environment yet (installing python3-venv comes first).
apt_install() {
    local log="$VENV/apt-install.log"
    mkdir -p "$VENV"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } \
        >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        return 1
    fi
}

# Headless runs (the default, and CI's) use the headless shell when it is there: the suite
# takes about half the time. Without it they use the full browser, so a failed install
# only costs speed.
add_headless_shell() {
    command -v chromium-headless-shell >/dev/null && return 0
    if as_root && have_apt; then
        say "installing Debian's chromium-headless-shell package with apt (faster headless runs)"
        apt_install chromium-headless-shell \
            || say "apt-get install chromium-headless-shell failed: headless runs use the full browser"
    else
        say "tip: headless runs take about half the time with chromium-headless-shell (sudo apt-get install chromium-headless-shell)"
    fi
}

make_venv
install_project
check_starts_once driver "$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("playwright"))') ${PLAYWRIGHT_NODEJS_PATH:-bundled node}"
provide_browser
