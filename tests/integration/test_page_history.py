"""The page history (suite/run/page_history.py) in a real Chromium: what each page showed, in order,
whatever page is in front now; real mouse presses apart from keyboard activation. Pages are
served by Playwright's router (no server), under a strict Content-Security-Policy as a
locked-down portal may send. (Redirects, asked for but never shown: the mock's, in
tests/composition/compose.feature.)"""

from __future__ import annotations

from playwright.sync_api import Page, Route

from suite.run.page_history import history_of

SITE = "http://ecf.test"
PAGES = {
    "/login.pl": '<main><h1>Login</h1><form><label>Login <input name="login"></label>'
    '<label>Password <input type="password" name="key"></label></form></main>',
    "/hidden.pl": '<main><h1>Home</h1><input type="password" name="secret" hidden>'
    '<a href="/home.pl">Home</a></main>',
    "/home.pl": '<main><h1>Home</h1><a href="/login.pl">Log in</a></main>',
}


def serve(route: Route) -> None:
    path = route.request.url.removeprefix(SITE).split("?")[0]
    route.fulfill(
        content_type="text/html",
        body=f"<!doctype html><html lang=en><title>t</title><body>{PAGES[path]}</body></html>",
        headers={"Content-Security-Policy": "default-src 'self'"},
    )


def test_every_page_shown_is_kept_with_its_password_fields(page: Page) -> None:
    page.route(f"{SITE}/**", serve)
    for path in ("/login.pl", "/hidden.pl", "/home.pl"):
        page.goto(SITE + path)
    shown = history_of(page).look(page)  # the page in front is looked at once more
    # Each page as shown (Playwright's navigation event), then the look at the page in front.
    assert [s.url.removeprefix(SITE) for s in shown if not s.passwords] == [
        "/login.pl",
        "/hidden.pl",  # a hidden password field asks for nothing
        "/home.pl",
        "/home.pl",
    ]
    # Only a page that shows a password field reports it (the one round trip).
    assert [(s.url.removeprefix(SITE), s.passwords) for s in shown if s.passwords] == [
        ("/login.pl", ("key",))
    ]


def test_a_mouse_press_is_told_from_keyboard_activation(page: Page) -> None:
    page.route(f"{SITE}/**", serve)
    page.goto(SITE + "/home.pl")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # follows the link, as a keyboard user does
    page.wait_for_url(f"{SITE}/login.pl")
    assert not any(s.mouse for s in history_of(page).look(page))
    page.goto(SITE + "/home.pl")
    page.get_by_role("link", name="Log in").click()
    page.wait_for_url(f"{SITE}/login.pl")
    assert [s.url for s in history_of(page).look(page) if s.mouse] == [f"{SITE}/home.pl"]
