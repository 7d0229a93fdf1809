"""Where the alt dialect's pages are, and the one it lacks (docs/alt-dialect.md, "paths" and
"missing page"): each moved page answers at its alt path and 404 at the default one, no link
of the alt sites leads nowhere, and Forgot password? is neither served nor linked.

Every test here uses alt_raw_visitor, who goes exactly where told: a default path must answer
404, not be mapped to the alt one.
"""

from __future__ import annotations

import re

import pytest

from mock_site.dialects.alt import DIALECT, TEXTS
from tests.mock.helpers import (
    URLS,
    Browser,
    h1,
    plain,
    text,
)

# (site, default path, needs a PACER sign-in on that site)
MOVED = [
    ("court", "/cmecf", None),
    ("court", "/nextgen", None),
    ("court", "/contact", None),
    ("court", "/cmecf/faq", None),
    ("court", "/cmecf/linking-instructions", None),
    ("pacer", "/court-links", None),
    ("pacer", "/court-links/cafc", None),
    ("pacer", "/manage-account", "pacer"),
    ("pacer", "/manage-account/change-password", "pacer"),
    ("ecf", "/cgi-bin/LinkAccount.pl", "ecf"),
]


@pytest.mark.parametrize(("site", "path", "sign_in"), MOVED, ids=[m[1] for m in MOVED])
def test_a_moved_page_answers_at_its_alt_path_only(
    alt_raw_visitor: Browser, site: str, path: str, sign_in: str | None
) -> None:
    if sign_in:
        alt_raw_visitor.quick_sign_in("jdoe2020", sign_in)
    assert alt_raw_visitor.get(site, path).status_code == 404
    response = alt_raw_visitor.get(site, DIALECT.path(path))
    assert response.status_code == 200, text(response)[:300]
    assert alt_raw_visitor.url == URLS[site] + DIALECT.path(path)


def test_the_clerks_page_and_the_pacer_gov_entry_have_alt_paths(alt_raw_visitor: Browser) -> None:
    alt_raw_visitor.quick_sign_in("citclerk01")
    assert alt_raw_visitor.get("ecf", "/cgi-bin/ClerkUnlink.pl").status_code == 404
    page = text(alt_raw_visitor.get("ecf", "/cgi-bin/UnlinkAccounts.pl"))
    assert h1(page) == TEXTS["UNLINK_TITLE"]
    assert alt_raw_visitor.get("pacer", "/pacer.gov", follow=False).status_code == 404
    response = alt_raw_visitor.get("pacer", "/www.pacer.gov", follow=False)
    assert (response.status_code, response.headers["Location"]) == (301, URLS["pacer"] + "/")


def test_every_link_in_the_alt_pages_goes_somewhere(alt_raw_visitor: Browser) -> None:
    """Crawl the alt sites as a signed-in clerk and filer: no link answers 404 (or 500)."""
    seen: set[str] = set()
    for user in ("citclerk01", "jdoe2020"):
        alt_raw_visitor.quick_sign_in(user)
        alt_raw_visitor.quick_sign_in(user, "pacer")
        todo = [URLS["court"] + "/", URLS["pacer"] + "/", URLS["ecf"] + "/cgi-bin/ShowIndex.pl"]
        while todo:
            url = todo.pop()
            if url in seen or "logout" in url or "ticket=" in url:
                continue
            seen.add(url)
            response = alt_raw_visitor.get("court", url)
            assert response.status_code < 400, (url, response.status_code)
            for href in re.findall(r'href="([^"]+)"', text(response)):
                href = href.replace("&amp;", "&")
                if href.startswith("/static/") or href.startswith(("tel:", "mailto:")):
                    continue
                if href.startswith("/"):
                    origin = "/".join(alt_raw_visitor.url.split("/")[:3])
                    href = origin + href
                if href.startswith(tuple(URLS.values())):
                    todo.append(href)
    assert len(seen) > 15


# --- the missing page ---------------------------------------------------------------------
def test_forgot_password_is_missing_and_not_linked(alt_raw_visitor: Browser) -> None:
    for path in ("/forgot-password", "/reset-password?token=x", "/quick-links"):
        response = alt_raw_visitor.get("pacer", path)
        assert response.status_code == 404
        assert h1(text(response)) == TEXTS["NOT_FOUND_TITLE"]
    for site, path in [("pacer", "/"), ("pacer-login", "/csologin/login.jsf")]:
        page = text(alt_raw_visitor.get(site, path))
        assert "forgot" not in page.lower()
        assert "Forgot" not in plain(page)
