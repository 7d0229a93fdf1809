"""Feature 11: PACER's multifactor authentication, step by step (beyond the FAQ).

Elsewhere the passcode page is passed inside the FAQ's "logs in with the username and
password ..." (steps/second_factor.py); here each part is a step of its own: the password,
the passcode page, a passcode or backup code, a refusal, the prompt to enroll with its skips,
and adding an app. Every code comes from suite/run/one_time_codes.py, which never uses one twice;
a scenario that replays one does so on purpose, with the code it used itself.

What a scenario changes on a real portal it puts back, registered with `put_back`
(steps/account_state.py) before the change: the app it added is removed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.portal import Portal
from steps import journeys
from steps.account_state import PutBack
from steps.personas import THE_ACTOR, WHO, persona_for, require
from steps.preconditions import ON_PACER_LOGIN, SIGNED_IN_TO_PACER_WEBSITE, needs
from steps.second_factor import SecondFactor, require_method
from suite.run import secrets
from suite.run.mock_control import MockControl
from suite.run.one_time_codes import CodeUse, OneTimeCodes, wrong_passcode
from suite.run.personas import Persona, normalised_totp_secret
from suite.run.screens import holds_secrets
from suite.target.profiles import Wording

# An app's key as PACER shows it when pairing: an otpauth:// URI [seen: the issue, and the
# standard format authentication apps read], parsed by pyotp.
OTPAUTH_URI = re.compile(r"otpauth://totp/[^\s\"'<>]+")


@when(parsers.re(rf"{THE_ACTOR} enters their PACER username and password"))
@needs(ON_PACER_LOGIN)
def enter_password_only(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    persona = require(personas, actor.key)
    assert persona.username and persona.password
    portal.pacer_login.log_in(persona.username, persona.password)


@then("PACER login asks for a one-time passcode")
def asks_for_passcode(portal: Portal, wording: Wording) -> None:
    page = portal.mfa_passcode
    expect(page.heading_named(wording.heading("mfa_passcode"))).to_be_visible()
    expect(
        page.page.get_by_label(wording.name_of("mfa_passcode_label"), exact=True)
    ).to_be_visible()


@when(parsers.re(rf"{THE_ACTOR} enters the passcode their authentication app shows"))
def enter_app_passcode(
    portal: Portal, one_time_codes: OneTimeCodes, second_factor: SecondFactor, actor: Persona
) -> None:
    require_method(actor, "totp_secret")
    _enter(portal, second_factor, actor, one_time_codes.app_passcode, backup=False)


@when(parsers.re(rf"{THE_ACTOR} enters one of their backup codes"))
def enter_backup_code(
    portal: Portal, one_time_codes: OneTimeCodes, second_factor: SecondFactor, actor: Persona
) -> None:
    require_method(actor, "backup_codes")
    _enter(portal, second_factor, actor, one_time_codes.backup_code, backup=True)


def _enter(
    portal: Portal,
    second_factor: SecondFactor,
    actor: Persona,
    code_for: Callable[[Persona], tuple[str, CodeUse]],
    backup: bool,
) -> None:
    """On the passcode page: a code never used before, typed where its kind goes, counted."""
    page = portal.mfa_passcode
    expect(page.heading).to_be_visible()
    code, use = code_for(actor)
    holds_secrets(second_factor.item)
    second_factor.last_code = code
    (page.enter_backup_code if backup else page.enter_passcode)(code)
    second_factor.count(actor, use)


@when(
    parsers.re(
        rf"{THE_ACTOR} enters (?P<which>a passcode their authentication app did not show|"
        r"the passcode they signed in with|the backup code they signed in with)"
    )
)
def enter_refused_code(
    portal: Portal,
    one_time_codes: OneTimeCodes,
    second_factor: SecondFactor,
    actor: Persona,
    which: str,
) -> None:
    page = portal.mfa_passcode
    expect(page.heading).to_be_visible()
    holds_secrets(second_factor.item)
    if which.startswith("a passcode"):
        require_method(actor, "totp_secret")
        page.enter_passcode(wrong_passcode(actor, one_time_codes.clock.now()))
        return
    # A replay on purpose: the code this scenario itself used a moment ago.
    assert second_factor.last_code, f"this step needs {which} earlier in the scenario"
    if "backup" in which:
        page.enter_backup_code(second_factor.last_code)
    else:
        page.enter_passcode(second_factor.last_code)


@then(parsers.parse("PACER login refuses the passcode: {meaning}"))
def passcode_refused(portal: Portal, wording: Wording, meaning: str) -> None:
    page = portal.mfa_passcode
    expect(page.refusal).to_contain_text(wording.message(meaning))
    # Still asked for a passcode: refused, not let through with a warning.
    expect(page.heading_named(wording.heading("mfa_passcode"))).to_be_visible()
    expect(portal.cmecf_home.menu_bar).to_have_count(0)


@given(
    parsers.re(rf"{WHO} has signed in to CM/ECF with the passcode their authentication app showed"),
    target_fixture="actor",
)
def signed_in_with_passcode(
    portal: Portal, personas: dict[str, Persona], second_factor: SecondFactor, who: str
) -> Persona:
    """Through the UI, never a reused sign-in: the scenario needs the code it used."""
    persona = persona_for(personas, who)
    journeys.sign_in_to_cmecf(portal, persona, second_factor)
    assert second_factor.last_code, "PACER login asked for no passcode"
    return persona


@given(parsers.re(rf"{WHO} has no skips left"), target_fixture="actor")
def no_skips_left(control: MockControl, personas: dict[str, Persona], who: str) -> Persona:
    persona = persona_for(personas, who)
    assert persona.username
    control.set_mfa(persona.username, skips_left=0)
    return persona


@then(
    parsers.re(
        rf"PACER login tells {THE_ACTOR} that multifactor authentication is required, "
        r"with (?P<skips>\d+) skips? left"
    )
)
def told_to_enroll(portal: Portal, wording: Wording, skips: str) -> None:
    prompt = portal.mfa_prompt
    expect(prompt.heading_named(wording.heading("mfa_required"))).to_be_visible()
    expect(prompt.main).to_contain_text(wording.message("MFA required", skips=skips))
    expect(prompt.skip_button).to_be_visible()


@when(parsers.re(rf'{THE_ACTOR} clicks "Skip"'))
def click_skip(portal: Portal) -> None:
    portal.mfa_prompt.skip_button.click()


@then('PACER login shows "User Update Required", with no "Skip"')
def update_required(portal: Portal, wording: Wording) -> None:
    prompt = portal.mfa_prompt
    expect(prompt.heading_named("User Update Required")).to_be_visible()
    expect(prompt.page.get_by_role("button", name="Skip", exact=True)).to_have_count(0)
    expect(prompt.page.get_by_role("link", name="Skip", exact=True)).to_have_count(0)


@then(parsers.re(rf"PACER login does not ask {THE_ACTOR} for a one-time passcode"))
def not_asked(portal: Portal, wording: Wording) -> None:
    page = portal.mfa_passcode
    arrived = journeys.on_the_way_to_cmecf(portal)
    asked = page.heading_named(wording.heading("mfa_passcode")).or_(page.any_one_time_code_field)
    arrived.or_(asked).first.wait_for()
    expect(asked).to_have_count(0)
    expect(arrived.first).to_be_visible()


@when(parsers.re(rf"{THE_ACTOR} opens the settings of their multifactor authentication"))
@needs(SIGNED_IN_TO_PACER_WEBSITE)
def open_mfa_settings(portal: Portal, wording: Wording) -> None:
    """From Manage My Account, by the profile's mfa_settings_link (a [seen] name)."""
    portal.manage_account.open()
    portal.manage_account.control(wording.name_of("mfa_settings_link")).click()
    expect(portal.mfa_settings.heading_named(wording.heading("mfa_settings"))).to_be_visible()


@when(parsers.re(rf'{THE_ACTOR} clicks "Add App"'))
def click_add_app(portal: Portal, wording: Wording) -> None:
    portal.mfa_settings.button("mfa_add_app_button").click()


@then(parsers.re(rf"PACER emails {THE_ACTOR} a security code"), target_fixture="security_code")
def emails_security_code(
    control: MockControl, wording: Wording, second_factor: SecondFactor, actor: Persona
) -> str:
    """Read in the mock's outbox: a real portal's mail is not this suite's to read."""
    subject = wording.message("email: MFA security code")
    mails = [m for m in control.outbox() if m["to"] == actor.email and m["subject"] == subject]
    assert len(mails) == 1, (
        f"expected one email {subject!r} to {actor.email}, "
        f"outbox has {[(m['to'], m['subject']) for m in control.outbox()]}"
    )
    # The code as a person spots it: the one word of the mail with a digit in it.
    codes = re.findall(r"\b(?=\w*\d)\w{6,12}\b", mails[0]["body"])
    for code in codes:
        secrets.register(code)
    assert len(codes) == 1, f"the email should hold one security code, it has {len(codes)}"
    holds_secrets(second_factor.item)
    return str(codes[0])


@when(parsers.re(rf"{THE_ACTOR} enters the security code from that email"))
def enter_security_code(portal: Portal, security_code: str) -> None:
    """After `Then PACER emails the filer a security code`."""
    page = portal.mfa_settings
    page.security_code_field.fill(security_code)
    page.button("mfa_verify_button").click()


@then("PACER shows the new app's key, as text and as an otpauth:// URI", target_fixture="new_key")
def shows_new_key(portal: Portal, second_factor: SecondFactor) -> str:
    holds_secrets(second_factor.item)
    main = portal.mfa_settings.main
    expect(main).to_contain_text(OTPAUTH_URI)
    uri = OTPAUTH_URI.search(main.inner_text())
    assert uri
    secrets.register(uri.group(0))
    key = normalised_totp_secret(uri.group(0), "the key PACER shows")
    assert key
    # The same key as text, as a person types it into an app (in groups, any case).
    shown = re.sub(r"[\s-]", "", main.inner_text()).upper()
    assert key in shown, "the key is shown only inside the otpauth:// URI, not as text"
    return key


@when(parsers.re(rf"{THE_ACTOR} adds the key to an authentication app and enters its passcode"))
def confirm_new_app(
    portal: Portal,
    one_time_codes: OneTimeCodes,
    put_back: PutBack,
    wording: Wording,
    actor: Persona,
    new_key: str,
) -> None:
    """After `Then PACER shows the new app's key ...`; the app it adds is removed after the
    scenario, in a browser of its own."""
    # The same account: a code of the new app is never sent in a step already used either.
    code, _ = one_time_codes.app_passcode(dataclasses.replace(actor, totp_secret=new_key))
    page = portal.mfa_settings
    put_back.add(
        f"remove the authentication app the scenario added to PACER account {actor.username}",
        lambda desk: _remove_added_app(put_back, desk, actor, wording),
        by_hand=f"sign in to PACER as {actor.username}, open Manage My Account, "
        f"{wording.name_of('mfa_settings_link')!r}, and remove the app added last",
    )
    page.app_passcode_field.fill(code)
    page.button("mfa_verify_button").click()


def _remove_added_app(put_back: PutBack, desk: Portal, actor: Persona, wording: Wording) -> None:
    put_back.sign_in(desk, actor, "pacer")
    remove_app(desk, wording)


def remove_app(portal: Portal, wording: Wording) -> None:
    """Put the account back as it was: remove the app the scenario added (the last one)."""
    page = portal.mfa_settings
    portal.manage_account.open()
    portal.manage_account.control(wording.name_of("mfa_settings_link")).click()
    page.button("mfa_remove_app_button").last.click()
    expect(page.main).to_contain_text(wording.message("MFA app removed"))
