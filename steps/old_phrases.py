"""Old words of the step catalogue, kept working for a while: each runs today's step and warns
once per run naming the phrase to write instead (suite/authoring/step_contract.py explains
the rules).

Every phrase the catalogue has published since it was first generated (27 Nov 2026) and that
no step matches any more is here, with the commit that renamed or removed it. Adding one is a
line: `deprecated(<keyword>, <old words>, goes_in=GOES_IN)(<today's step function>)`; old
words with a quoted message become an adapter that looks its meaning up in the target's
profile (the features name unsourced messages by meaning since ddbaed7).
"""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.portal import Portal
from steps.account import account_detail_shows, account_type_is
from steps.common import cmecf_says_meaning, page_says
from steps.linking import receives_email
from steps.navigation import go_to_cmecf
from steps.personas import THE_ACTOR
from steps.sign_in import (
    click_forgot_password,
    continue_disabled_until_acknowledged,
    continue_is_disabled,
    log_in_with_pacer_account,
    on_forgot_password_page,
)
from suite.authoring.step_contract import deprecated
from suite.authoring.vocabulary import EMAIL_PREFIX
from suite.run.mock_control import MockControl
from suite.run.personas import Persona
from suite.target.profiles import Profile, Wording

# Deprecated at 0.1.0: kept through the 0.2 releases, gone in 0.3.0.
GOES_IN = "0.3.0"

# b6d1711 (28 Nov 2026): "Feature wording closer to the FAQ".
deprecated(when, parsers.re(rf"{THE_ACTOR} goes straight to the court's CM/ECF"), goes_in=GOES_IN)(
    go_to_cmecf
)
deprecated(
    when,
    parsers.re(
        rf"{THE_ACTOR} logs in with the username and password of the upgraded PACER account"
    ),
    goes_in=GOES_IN,
)(log_in_with_pacer_account)

# d69c0e0 (28 Nov 2026): "Steps say what the filer can do, not which button is greyed out".
deprecated(then, '"Continue" is disabled', goes_in=GOES_IN)(continue_is_disabled)
deprecated(
    then,
    parsers.re(rf'"Continue" stays disabled until {THE_ACTOR} acknowledges them'),
    goes_in=GOES_IN,
)(continue_disabled_until_acknowledged)

# ddbaed7 (2 Dec 2026): "A target is a profile": no "Forgot password?" link text in the
# features (a target names it its own way), and messages named by meaning.
deprecated(when, parsers.re(rf'{THE_ACTOR} clicks on "Forgot password\?"'), goes_in=GOES_IN)(
    click_forgot_password
)
deprecated(
    then, parsers.re(rf'{THE_ACTOR} is on PACER\'s "Forgot password\?" page'), goes_in=GOES_IN
)(on_forgot_password_page)
deprecated(then, parsers.parse('the page says "{message}"'), goes_in=GOES_IN)(page_says)
deprecated(then, parsers.re(r'the account\'s type is "(?P<value>.+)"'), goes_in=GOES_IN)(
    account_type_is
)


def meaning_of(profile: Profile, group: str, words: str, write: str, prefix: str = "") -> str:
    """The key of the profile value that reads `words` exactly; else fail saying what to write."""
    for (found_group, key), value in profile.values.items():
        if found_group == group and key.startswith(prefix) and value.value == words:
            return key.removeprefix(prefix)
    known = sorted(
        key.removeprefix(prefix)
        for found_group, key in profile.values
        if found_group == group and key.startswith(prefix)
    )
    raise AssertionError(
        f"profile {profile.name!r} has no [{group}] value that reads {words!r}: write "
        f"`{write}`, with one of: {', '.join(known)}"
    )


CMECF_SAYS = "Then CM/ECF says: <message meaning>"


@deprecated(
    then, parsers.parse('CM/ECF refuses with "{message}"'), goes_in=GOES_IN, write=CMECF_SAYS
)
def refuses_with_message(portal: Portal, wording: Wording, message: str) -> None:
    cmecf_says_meaning(
        portal, wording, meaning_of(wording.profile, "messages", message, CMECF_SAYS)
    )


RECEIVES_EMAIL = "Then the filer receives an email: <email meaning>"


@deprecated(
    then,
    parsers.re(rf'{THE_ACTOR} receives an email saying "(?P<subject>.+)"'),
    goes_in=GOES_IN,
    write=RECEIVES_EMAIL,
    target_fixture="email",
)
def receives_email_saying(
    control: MockControl, wording: Wording, actor: Persona, subject: str
) -> dict[str, str]:
    meaning = meaning_of(wording.profile, "messages", subject, RECEIVES_EMAIL, EMAIL_PREFIX)
    return receives_email(control, wording, actor, meaning)


ACCOUNT_SHOWS = "Then the account <term> shows: <value meaning>"


@deprecated(
    then,
    parsers.re(r'the account(?:\'s)? (?P<term>kind|status|credit card) is "(?P<shown>.+)"'),
    goes_in=GOES_IN,
    write=ACCOUNT_SHOWS,
)
def account_detail_is(portal: Portal, wording: Wording, term: str, shown: str) -> None:
    meaning = meaning_of(wording.profile, "account", shown, ACCOUNT_SHOWS)
    account_detail_shows(portal, wording, term, meaning)
