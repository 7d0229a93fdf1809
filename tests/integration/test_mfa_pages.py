"""The mock's MFA pages in a real browser, in both dialects: found as a person finds them
(role and name, from each dialect's profile), used from the keyboard alone, and clean for
axe-core (WCAG 2.1 A and AA) in every state: the passcode page (and its error, and the alt
dialect's backup-code field), the requirement prompt, "User Update Required", the security
code, pairing (also at 320 CSS px), app added, new backup codes, and Manage MFA Settings.

The acceptance suite's own audits cover the states its scenarios reach; this covers every
MFA state whatever the scenarios do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyotp
import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from mock_site.personas import PERSONAS
from mock_site.server import RunningMock, start_mock
from suite.audits.page_scripts import AXE_OPTIONS
from suite.run.browser import choose_browser
from suite.target.profiles import Profile, load_profile

pytestmark = pytest.mark.slow

SEEDS = {seed.key: seed for seed in PERSONAS}
PROFILES = {"default": "mock", "alt": "alt"}


@pytest.fixture(scope="module")
def chromium(playwright: Playwright) -> Iterator[Browser]:
    # pytest-playwright's own Playwright: a worker runs one sync Playwright at a time.
    choice = choose_browser()
    if choice.kind == "remote":
        pytest.skip("this check launches its own browser")
    launched = playwright.chromium.launch(**choice.launch_args())  # type: ignore[arg-type]
    yield launched
    launched.close()


@pytest.fixture(params=list(PROFILES))
def mock(request: pytest.FixtureRequest) -> Iterator[tuple[RunningMock, Profile]]:
    with start_mock(dialect=request.param) as running:
        yield running, load_profile(PROFILES[request.param])


def axe_clean(page: Page, state: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    found = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert not found, f"{state}: {found}"


def tab_to(page: Page, role: str, name: str, most: int = 25) -> None:
    """Press Tab until the element of that role and name has the focus."""
    target = page.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{role} {name!r} not reached by Tab")


def password_by_keyboard(page: Page, running: RunningMock, key: str) -> None:
    seed = SEEDS[key]
    page.goto(running.urls["ecf"] + "/cgi-bin/login.pl")
    page.get_by_label("Username").fill(seed.username)
    page.get_by_label("Password").fill(seed.password)
    page.get_by_label("Password").press("Enter")


def passcode_now(running: RunningMock, key: str, steps: int = 0) -> str:
    secret = running.store.mfa.state(SEEDS[key].username).apps[-1]
    return pyotp.TOTP(secret).at(running.store.now() + 30 * steps)


def test_the_passcode_page_from_the_keyboard(
    chromium: Browser, mock: tuple[RunningMock, Profile]
) -> None:
    running, profile = mock
    page = chromium.new_page()
    password_by_keyboard(page, running, "filer")
    expect(page.get_by_role("heading", name=profile.heading("mfa_passcode"))).to_be_visible()
    field = page.get_by_label(profile.name_of("mfa_passcode_label"), exact=True)
    expect(field).to_be_focused()
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    expect(field).to_have_attribute("inputmode", "numeric")
    expect(field).to_have_attribute("type", "text")
    axe_clean(page, "passcode")
    page.keyboard.type("000000")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text(profile.message("wrong passcode"))
    expect(alert).to_be_focused()  # the error takes the focus
    axe_clean(page, "passcode, wrong code")
    if profile.name_of("mfa_backup_code_link"):  # the alt dialect: a field of its own
        tab_to(page, "button", profile.name_of("mfa_backup_code_link"))
        page.keyboard.press("Enter")
        backup = page.get_by_label(profile.name_of("mfa_backup_code_label"), exact=True)
        expect(backup).to_be_focused()
        axe_clean(page, "backup-code field")
        page.keyboard.type(SEEDS["filer"].backup_codes[0])
    else:
        tab_to(page, "textbox", profile.name_of("mfa_passcode_label"))
        page.keyboard.type(passcode_now(running, "filer"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Redaction Agreement")).to_be_visible()
    page.close()


def test_the_prompt_skip_and_user_update_required_from_the_keyboard(
    chromium: Browser, mock: tuple[RunningMock, Profile]
) -> None:
    running, profile = mock
    page = chromium.new_page()
    password_by_keyboard(page, running, "unenrolled")
    expect(page.get_by_role("heading", name=profile.heading("mfa_required"))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(profile.message("MFA required", skips="3"))
    axe_clean(page, "requirement prompt")
    tab_to(page, "button", profile.name_of("mfa_skip_button"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Redaction Agreement")).to_be_visible()
    running.store.mfa.state(SEEDS["unenrolled"].username).skips_left = 0
    password_by_keyboard(page, running, "unenrolled")
    expect(page.get_by_role("heading", name=profile.heading("mfa_update_required"))).to_be_visible()
    expect(page.get_by_role("button", name=profile.name_of("mfa_skip_button"))).to_have_count(0)
    axe_clean(page, "User Update Required")
    page.close()


def test_adding_an_app_at_the_prompt_from_the_keyboard(
    chromium: Browser, mock: tuple[RunningMock, Profile]
) -> None:
    running, profile = mock
    page = chromium.new_page(viewport={"width": 320, "height": 640})
    password_by_keyboard(page, running, "unenrolled")
    tab_to(page, "button", profile.name_of("mfa_add_app_button"))
    page.keyboard.press("Enter")
    code_field = page.get_by_label(profile.name_of("mfa_security_code_label"), exact=True)
    expect(code_field).to_be_focused()
    axe_clean(page, "security code")
    mail = running.store.outbox[-1]
    assert mail.subject == profile.message("email: MFA security code")
    found = re.search(r"\b(\d{8})\b", mail.body)
    assert found
    page.keyboard.type(found.group(1))
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_contain_text("otpauth://totp/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe_clean(page, "pairing")
    uri = re.search(r"otpauth://\S+", page.get_by_role("main").inner_text())
    assert uri
    key = pyotp.parse_uri(uri.group(0)).secret
    tab_to(page, "textbox", profile.name_of("mfa_app_passcode_label"))
    page.keyboard.type(pyotp.TOTP(key).at(running.store.now()))
    page.keyboard.press("Enter")
    expect(page.get_by_text(profile.message("MFA app added"))).to_be_visible()
    axe_clean(page, "app added")
    tab_to(page, "button", profile.name_of("mfa_continue_button"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Redaction Agreement")).to_be_visible()
    page.close()


def test_manage_mfa_settings_and_new_codes(
    chromium: Browser, mock: tuple[RunningMock, Profile]
) -> None:
    running, profile = mock
    page = chromium.new_page()
    from suite.run.mock_control import MockControl

    control = MockControl(running.urls["ecf"] + "/_mock")
    url = control._call("POST", "/signin", {"username": SEEDS["filer"].username, "site": "pacer"})
    page.goto(url["url"])
    page.get_by_role("link", name=profile.name_of("mfa_settings_link")).click()
    expect(page.get_by_role("heading", name=profile.heading("mfa_settings"))).to_be_visible()
    axe_clean(page, "Manage MFA Settings")
    page.get_by_role("button", name=profile.name_of("mfa_new_codes_button")).click()
    found = re.search(r"\b(\d{8})\b", running.store.outbox[-1].body)
    assert found
    page.get_by_label(profile.name_of("mfa_security_code_label"), exact=True).fill(found.group(1))
    page.get_by_role("button", name=profile.name_of("mfa_verify_button")).click()
    expect(page.get_by_text(profile.message("new backup codes issued"))).to_be_visible()
    axe_clean(page, "new backup codes")
    page.close()
