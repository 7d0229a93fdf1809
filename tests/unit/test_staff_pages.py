"""suite.retarget.staff_pages: the court staff's page is taken only when one link sets it apart."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from suite.retarget import staff_pages

FILER_MENU = {
    "/cgi-bin/LinkAccount.pl": "Link a CM/ECF account to my PACER account",
    "/cgi-bin/NotInMock.pl": "Maintain Your ECF Account",
}


def menus(monkeypatch: pytest.MonkeyPatch, clerk_extra: dict[str, str]) -> tuple[Any, Any]:
    """A filer and a clerk whose Utilities menus are FILER_MENU, the clerk's with extras."""
    filer, clerk = SimpleNamespace(who="filer"), SimpleNamespace(who="clerk")
    shown = {"filer": FILER_MENU, "clerk": FILER_MENU | clerk_extra}
    monkeypatch.setattr(staff_pages, "utilities_links", lambda portal: shown[portal.who])
    return filer, clerk


def test_the_one_link_only_court_staff_have_is_the_staff_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filer, clerk = menus(monkeypatch, {"/cgi-bin/UnlinkAccounts.pl": "Unlink accounts"})
    path, how = staff_pages.staff_only_path(filer, clerk)
    assert path == "/cgi-bin/UnlinkAccounts.pl"
    assert "court staff have and a filer has not ('Unlink accounts')" in how


@pytest.mark.parametrize(
    "extra",
    [{}, {"/cgi-bin/UnlinkAccounts.pl": "Unlink accounts", "/cgi-bin/Reports.pl": "Reports"}],
    ids=["none", "two"],
)
def test_no_link_or_two_links_are_not_calibrated(
    monkeypatch: pytest.MonkeyPatch, extra: dict[str, str]
) -> None:
    filer, clerk = menus(monkeypatch, extra)
    path, how = staff_pages.staff_only_path(filer, clerk)
    assert path is None
    assert f"has {len(extra)} links court staff have and a filer has not" in how
    assert "not one page to take" in how
