"""No one-time code or key on a screenshot (suite/run/screens.py), in a real Chromium.

A passcode field is a text field, so a screenshot of it filled shows the code; an app's key is
shown as text when it is added. The last page is changed in place before pytest-playwright's
screenshot (the scenario is over); a screenshot between steps covers them with `mask`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from suite.run import screens, secrets
from suite.target.profiles import load_profile

KEY = "KEYSHOWNWHENPAIRINGKEYSHOWNWHENP"
PASSCODE = "402917"
PAGE = f"""<!doctype html><html lang=en><head><title>MFA</title></head><body><main>
<h1>Multifactor Authentication</h1>
<label for=code>One-time passcode</label><input id=code type=text value="{PASSCODE}">
<label for=other>Note</label><input id=other type=text autocomplete=one-time-code value="913377">
<label for=name>Name</label><input id=name type=text value="Jane Doe">
<p>Key: <code>{KEY}</code></p><p>otpauth://totp/PACER:jdoe?secret={KEY}&amp;issuer=PACER</p>
</main></body></html>"""


@pytest.fixture
def filled(page: Page) -> Page:
    secrets.register(KEY)
    secrets.register(PASSCODE)
    page.set_content(PAGE)
    return page


def test_the_last_page_is_shown_without_its_codes_and_keys(filled: Page) -> None:
    screens.hide_secrets(filled, load_profile("mock"))
    # By the profile's label and by the standard token alike; other fields are left alone.
    expect(filled.get_by_label("One-time passcode")).to_have_value("\u2022" * 6)
    expect(filled.get_by_label("Note")).to_have_value("\u2022" * 6)
    expect(filled.get_by_label("Name")).to_have_value("Jane Doe")
    text = filled.get_by_role("main").inner_text()
    assert KEY not in text and text.count(secrets.MASK) == 2, text


def test_a_screenshot_between_steps_covers_them_and_leaves_the_page_as_it_was(
    filled: Page,
) -> None:
    covered = screens.masks(filled, load_profile("mock"))
    # Each secret's element is covered: both code fields and the key (as text and in the URI).
    assert filled.locator(screens.ONE_TIME_CODE_FIELD).count() == 1
    assert sum(locator.count() for locator in covered) >= 4
    filled.screenshot(mask=covered)
    expect(filled.get_by_label("One-time passcode")).to_have_value(PASSCODE)


def test_a_scenario_that_typed_a_code_hides_it_before_its_context_closes(
    new_context: Callable[..., BrowserContext],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wiring: pytest-playwright takes the last screenshot as the context closes."""
    hidden: list[str] = []
    monkeypatch.setattr(screens, "hide_secrets", lambda page, profile: hidden.append(page.url))
    quiet = new_context()
    quiet.new_page()
    quiet.close()
    assert hidden == [], "a scenario that typed no code pays nothing"
    screens.holds_secrets(request.node)
    context = new_context()
    context.new_page().set_content(PAGE)
    context.close()
    assert hidden == ["about:blank"]
