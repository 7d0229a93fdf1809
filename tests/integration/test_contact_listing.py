"""A contact is found as a person finds it (pages/base.py, contact_listing_problem), in a real
Chromium on pages set in place (no mock, no child run: a second or two).

Whatever markup lists the FAQ's two contacts, a number belongs to the contact whose heading,
term, row header or strong label comes before it, up to the next contact's name, in reading
order and on the screen. Each layout a portal may use passes; a number under the other
contact's name, before any name, or out of sight fails, naming where it is.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages.base import SitePage, contact_listing_problem
from suite.target.profiles import load_profile

PSC, DESK = "PACER Service Center", "CM/ECF Help Desk"
PSC_PHONE = '<a href="tel:+18006766856">(800) 676-6856</a>'
DESK_PHONE = '<a href="tel:+18664501859">866-450-1859</a>'

LAYOUTS = {
    "a region each": f"<section><h2>{PSC}</h2><ul><li>Phone: {PSC_PHONE}</li></ul></section>"
    f"<section><h2>{DESK}</h2><ul><li>Phone: {DESK_PHONE}</li></ul></section>",
    "table rows": f"<table><tr><th>Office</th><th>Phone</th></tr>"
    f"<tr><th scope=row>{PSC}</th><td>{PSC_PHONE}</td></tr>"
    f"<tr><th scope=row>{DESK}</th><td>{DESK_PHONE}</td></tr></table>",
    "one section, a heading and a paragraph each": f"<section><h2>{PSC}</h2><p>Call {PSC_PHONE}."
    f"</p><h2>{DESK}</h2><p>Call {DESK_PHONE}.</p></section>",
    "a definition list": f"<dl><dt>{PSC}</dt><dd>{PSC_PHONE}</dd><dt>{DESK}</dt><dd>{DESK_PHONE}"
    "</dd></dl>",
    "strong labels in one paragraph": f"<p><strong>{PSC}:</strong> {PSC_PHONE}<br>"
    f"<strong>{DESK}:</strong> {DESK_PHONE}</p>",
}

BROKEN = {
    "numbers swapped": (
        f"<h2>{PSC}</h2><p>Call {DESK_PHONE}.</p><h2>{DESK}</h2><p>Call {PSC_PHONE}.</p>",
        "it comes after PACER Service Center",
    ),
    "both numbers under one name": (
        f"<h2>{PSC}</h2><p>Call {PSC_PHONE} or {DESK_PHONE}.</p><h2>{DESK}</h2><p>Write to us.</p>",
        "it comes after PACER Service Center",
    ),
    "the number before any name": (
        f"<p>Call {DESK_PHONE}.</p><h2>{PSC}</h2><p>Call {PSC_PHONE}.</p><h2>{DESK}</h2>",
        "it comes before any contact",
    ),
    "the name only in running text": (
        f"<p>The {DESK} answers at {DESK_PHONE}; PACER at {PSC_PHONE}.</p>",
        "no heading, term or strong label in the main content names CM/ECF Help Desk",
    ),
    # Reading order says "with the Help Desk", the screen does not: it sits above its name.
    "shown above its name": (
        f'<div style="display:flex;flex-direction:column-reverse"><h2>{DESK}</h2>'
        f"<p>Call {DESK_PHONE}.</p></div><h2>{PSC}</h2><p>Call {PSC_PHONE}.</p>",
        "is not listed with CM/ECF Help Desk",
    ),
}


def problem(page: Page, body: str) -> str:
    page.set_content(f"<!doctype html><html lang=en><body><main><h1>Contact</h1>{body}</main>")
    listing = SitePage(page, "http://court.test", load_profile())
    return contact_listing_problem(listing, DESK, [PSC], "866-450-1859", "tel:+18664501859")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_a_portal_may_use_lists_the_number_with_its_contact(
    page: Page, layout: str
) -> None:
    assert problem(page, LAYOUTS[layout]) == ""


@pytest.mark.parametrize("breakage", BROKEN)
def test_a_number_not_with_its_contact_is_caught_and_said_where_it_is(
    page: Page, breakage: str
) -> None:
    body, said = BROKEN[breakage]
    assert said in problem(page, body)
