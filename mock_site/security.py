"""Input checks shared by the four sites: field lengths, return addresses, form tokens."""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping
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


def safe_return_url(appurl: str, allowed_origins: Iterable[str]) -> str | None:
    """appurl when it is an http(s) address on one of the allowed origins, else None.

    Refuses other hosts, javascript: and data: URLs, protocol-relative //host, user-info
    tricks (http://ecf@evil), backslashes and control characters that browsers "fix up".
    """
    if not appurl or len(appurl) > MAX_URL:
        return None
    if "\\" in appurl or any(ord(ch) < 32 or ord(ch) == 127 for ch in appurl):
        return None
    try:
        parts = urlsplit(appurl)
        parts.port  # noqa: B018 - evaluating it is the check: a bad port raises ValueError
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    allowed = {origin.rstrip("/").lower() for origin in allowed_origins}
    return appurl if origin_of(appurl) in allowed else None


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
