#!/usr/bin/env bash
# make fresh-check: the README's Quick start on a minimal Debian, as a newcomer meets it.
#
# Builds (once, then cached) a Debian minbase root with only python3, python3-venv, make and
# git, roughly a `debian:bookworm-slim` or `python:3.11-slim` image; clones this repository
# (its committed HEAD) into a throw-away copy of that root with the root's own git, and runs
# the README's two commands there: `make acceptance`, then `make test`. For each it prints
# the last lines and the exit status; it fails when either fails.
#
# Needs root (debootstrap, chroot, mounts) and Debian's debootstrap (installed with apt when
# missing). The packages come from the Debian mirror this machine's apt already uses.
#
#   FRESH_ROOT=/var/tmp/cit-faq-fresh-root   where the pristine root is cached
#   FRESH_REBUILD=1                          build the root again (e.g. after a Debian point release)
#   FRESH_TAIL=15                            how many last lines of each command to print
#   FRESH_COMMANDS="make acceptance"         other commands than the README's two (';'-separated)
#
# The full output of each command is kept in $FRESH_ROOT.logs/.
#
# The root gets this machine's DNS, proxy variables and the CA bundle its pip trusts (when
# set): a CI runner on the same network is given as much.
#
# Each run works in an overlay over the cached root (or a copy, where overlays are refused),
# inside a private mount namespace: /proc, /sys, /dev and /dev/shm are mounted for Chromium
# there, and all of it disappears when the run ends, however it ends.
set -euo pipefail
SELF=$(realpath "$0")
cd "$(dirname "$SELF")/.."

say() { printf 'fresh-check: %s\n' "$*"; }
fail() { printf 'fresh-check: error: %s\n' "$*" >&2; exit 1; }

FRESH_ROOT=${FRESH_ROOT:-/var/tmp/cit-faq-fresh-root}
FRESH_TAIL=${FRESH_TAIL:-15}
FRESH_COMMANDS=${FRESH_COMMANDS:-make acceptance;make test}
LOGS=$FRESH_ROOT.logs
PACKAGES=python3,python3-venv,make,git
REPO=$(pwd)

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot and mounts): sudo make fresh-check"

# The first Debian (not security) mirror in apt's sources, one-line or deb822 format.
debian_mirror() {
    local files=() mirror
    [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && files+=("$f")
    done
    mirror=$(
        { [ ${#files[@]} -gt 0 ] && cat "${files[@]}"; } \
            | sed -n -e 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' \
                -e 's/^URIs:[[:space:]]*\([^[:space:]]\+\).*/\1/p' \
            | grep -E '/debian/?$' | head -n 1
    )
    echo "${mirror:-http://deb.debian.org/debian}"
}

codename() {
    # shellcheck disable=SC1091
    (. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
}

build_root() {
    if [ -f "$FRESH_ROOT/.fresh-check-built" ] && [ "${FRESH_REBUILD:-0}" != 1 ]; then
        say "minimal root: $FRESH_ROOT (cached $(cat "$FRESH_ROOT/.fresh-check-built"); FRESH_REBUILD=1 to build it again)"
        return 0
    fi
    if ! command -v debootstrap >/dev/null; then
        say "installing Debian's debootstrap with apt"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
            || fail "apt-get install debootstrap failed"
    fi
    local mirror suite building="$FRESH_ROOT.building"
    mirror=$(debian_mirror)
    suite=$(codename)
    say "building a minimal root: debootstrap --variant=minbase --include=$PACKAGES $suite from $mirror"
    rm -rf "$building"
    if ! debootstrap --variant=minbase --include="$PACKAGES" "$suite" "$building" "$mirror" \
        >"$building.log" 2>&1; then
        tail -n 20 "$building.log" >&2
        fail "debootstrap failed (full log: $building.log)"
    fi
    date -u '+%Y-%m-%d %H:%M UTC' >"$building/.fresh-check-built"
    # Only a complete root is cached: a half-built one would be taken for a good one.
    rm -rf "$FRESH_ROOT" && mv "$building" "$FRESH_ROOT" && rm -f "$building.log"
}

# This machine's way out to PyPI and Debian, which a CI runner on its network would also be
# given: its proxy variables and, when one is named, the CA bundle its TLS clients trust (an
# intercepting proxy's certificate is in it). Nothing else of the host goes in.
NETWORK_ENV=()
network_settings() {
    local root=$1 name bundle=""
    for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
        [ -n "${!name:-}" ] && NETWORK_ENV+=("$name=${!name}")
    done
    for name in PIP_CERT SSL_CERT_FILE REQUESTS_CA_BUNDLE; do
        if [ -n "${!name:-}" ] && [ -f "${!name}" ]; then bundle=${!name}; break; fi
    done
    [ -n "$bundle" ] || return 0
    mkdir -p "$root/etc/fresh-check" && cp "$bundle" "$root/etc/fresh-check/ca.crt"
    for name in PIP_CERT SSL_CERT_FILE REQUESTS_CA_BUNDLE NODE_EXTRA_CA_CERTS; do
        NETWORK_ENV+=("$name=/etc/fresh-check/ca.crt")
    done
}

# Runs inside `unshare --mount --propagation private`: nothing mounted here reaches the host.
run_inside() {
    local work=$1 root
    root="$work/root"
    mkdir -p "$work/upper" "$work/overlay-work" "$root"
    if ! mount -t overlay fresh-check -o "lowerdir=$FRESH_ROOT,upperdir=$work/upper,workdir=$work/overlay-work" "$root" 2>/dev/null; then
        say "no overlay here: copying the root instead"
        cp -a "$FRESH_ROOT/." "$root/"
    fi
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mount --make-rprivate "$root/dev"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm" # Chromium's shared memory
    cp /etc/resolv.conf "$root/etc/resolv.conf"     # apt and pip need names
    mkdir -p "$root/src" && mount --bind -o ro "$REPO" "$root/src"

    local in_root=(chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
    network_settings "$root"
    in_root+=("${NETWORK_ENV[@]}")
    say "cloning $(git -C "$REPO" log -1 --format='%h %s' | cut -c1-70) with the root's git"
    "${in_root[@]}" git -c safe.directory='*' clone -q /src /root/cit-faq \
        || fail "git clone inside the minimal root failed"

    local status=0 command rc start log commands
    mkdir -p "$LOGS"
    IFS=';' read -r -a commands <<<"$FRESH_COMMANDS"
    for command in "${commands[@]}"; do
        log="$LOGS/$(echo "$command" | tr -c 'a-zA-Z0-9\n' '-').log"
        say "running '$command' in the minimal root (full output: $log)"
        start=$(date +%s)
        rc=0
        "${in_root[@]}" bash -c "cd /root/cit-faq && $command" >"$log" 2>&1 || rc=$?
        echo "---- $command: last $FRESH_TAIL lines ----"
        tail -n "$FRESH_TAIL" "$log"
        echo "---- $command: exit status $rc after $(($(date +%s) - start)) s ----"
        [ "$rc" = 0 ] || status=1
    done
    return $status
}

main() {
    build_root
    local status=0
    WORK=$(mktemp -d /var/tmp/cit-faq-fresh-run.XXXXXX)
    # The namespace takes its mounts with it (they were never visible here); the run's files
    # go with this trap.
    trap 'rm -rf "$WORK"' EXIT
    export FRESH_ROOT FRESH_TAIL FRESH_COMMANDS
    unshare --mount --propagation private bash "$SELF" --inside "$WORK" || status=$?
    if [ "$status" = 0 ]; then say "every command passed on a minimal $(codename)"; else say "FAILED"; fi
    return $status
}

if [ "${1:-}" = --inside ]; then
    run_inside "$2"
else
    main
fi
