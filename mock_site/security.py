"""Input checks shared by the four sites: field lengths, return addresses, form tokens."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from mock_site.dialects import texts

# Field length caps. Generous for people, small enough that a 100 kB value is refused with
# "<Label> is too long" instead of being stored or hashed.
MAX_NAME = 100  # usernames, logins, case numbers
MAX_PASSWORD = 200
MAX_EMAIL = 254
MAX_URL = 2000  # appurl
MAX_TOKEN = 100  # tickets, form tokens, reset tokens
# PACER's minimum lengths [seen in its login page's client code]; legacy usernames (LP1234)
# are exactly the minimum.
MIN_USERNAME = 6
MIN_PASSWORD = 8

# Request bodies over this size get a 413 page (a 100 kB field still fits, and is refused
# by the length check with a clear message).
MAX_CONTENT_LENGTH = 200 * 1024


def text(source: Mapping[str, str], name: str) -> str:
    """A form field or query parameter as a string; a missing one is ""."""
    value = source.get(name, "")
    return value if isinstance(value, str) else ""


def length_errors(fields: Iterable[tuple[str, str, int]]) -> list[str]:
    """ "<Label> is too long" for each (label, value, limit) over its limit."""
    return [texts.too_long(label) for label, value, limit in fields if len(value) > limit]


def same_token(expected: str, given: str) -> bool:
    """Constant-time comparison of a form token; an empty or over-long one never matches."""
    if not expected or not given or len(given) > MAX_TOKEN:
        return False
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace"))


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


# --- return addresses (PACER login's appurl) ------------------------------------------------
# Each guard refuses one family of the forms known to slip past an allow-list, and gives the
# reason the page shows. They run in this order and the first that refuses answers, so a
# later guard is often a second line behind an earlier one; tests/mock/test_return_addresses.py
# says, for every form, which guard does the work and which (if any) would catch it without.
def _over_long(url: str) -> bool:
    return len(url) > MAX_URL


def _has_backslash(url: str) -> bool:
    # Browsers read "\" as "/" in http(s) addresses; Python's urlsplit does not, so the two
    # would disagree about where the host ends (http:\\evil, http://ecf\@evil).
    return "\\" in url


def _has_control_or_space(url: str) -> bool:
    # Browsers drop tabs and newlines anywhere and trim spaces and controls at the ends
    # ("java\tscript:"), and a CR/LF copied into the Location header would split it.
    return any(ord(ch) <= 32 or ord(ch) == 127 for ch in url)


def _not_ascii(url: str) -> bool:
    # Look-alike hosts (Cyrillic letters for Latin ones, fullwidth letters, an ideographic
    # full stop for "."), Unicode spaces, zero-width and C1 controls: the mock's own addresses
    # are plain ASCII.
    return not url.isascii()


def _not_parsed(url: str) -> bool:
    try:
        urlsplit(url).port  # noqa: B018 - evaluating it is the check: a bad port raises
    except ValueError:
        return True
    return False


def _not_http(url: str) -> bool:
    # javascript:, data:, ftp:, and relative or scheme-relative (//host) addresses.
    return urlsplit(url).scheme.lower() not in ("http", "https")


def _no_host(url: str) -> bool:
    # http:evil.test, http:/evil.test, https:///evil.test: browsers find a host in each.
    return not urlsplit(url).netloc


def _has_userinfo(url: str) -> bool:
    # http://ecf.test@evil.test goes to evil.test.
    return "@" in urlsplit(url).netloc


def _percent_encoded_host(url: str) -> bool:
    # Browsers decode %xx in a host (http://%65cf.test is ecf.test), once; %25xx twice over
    # is a host no browser reaches as written.
    return "%" in urlsplit(url).netloc


RETURN_URL_GUARDS: tuple[tuple[str, Callable[[str], bool], str], ...] = (
    ("length", _over_long, texts.APPURL_TOO_LONG),
    ("backslash", _has_backslash, texts.APPURL_BACKSLASH),
    ("control or space", _has_control_or_space, texts.APPURL_CONTROL),
    ("non-ASCII", _not_ascii, texts.APPURL_NOT_ASCII),
    ("unparsable", _not_parsed, texts.APPURL_MALFORMED),
    ("scheme", _not_http, texts.APPURL_SCHEME),
    ("no host", _no_host, texts.APPURL_NO_HOST),
    ("userinfo", _has_userinfo, texts.APPURL_USERINFO),
    ("percent-encoded host", _percent_encoded_host, texts.APPURL_PERCENT),
)


def return_url_refusal(appurl: str, allowed_origins: Iterable[str]) -> tuple[str, str] | None:
    """(guard, reason) for the first guard that refuses appurl, or None when it is an
    http(s) address on exactly one of the allowed origins."""
    for name, refuses, reason in RETURN_URL_GUARDS:
        if refuses(appurl):
            return name, reason
    # The allow-list itself: scheme, host and port exactly as configured (a look-alike or
    # punycode host, a trailing dot, a default port spelled out are other origins).
    allowed = {origin.rstrip("/").lower() for origin in allowed_origins}
    if origin_of(appurl) not in allowed:
        return "allow-list", texts.APPURL_OTHER_SITE
    return None


def username_problems(username: str) -> list[str]:
    if not username:
        return [texts.USERNAME_REQUIRED]
    if len(username) < MIN_USERNAME:
        return [texts.USERNAME_TOO_SHORT]
    return []


def password_problems(password: str) -> list[str]:
    """PACER's rules for a password, at login and when choosing a new one."""
    if not password:
        return [texts.PASSWORD_REQUIRED]
    if len(password) < MIN_PASSWORD:
        return [texts.PASSWORD_TOO_SHORT]
    return []
