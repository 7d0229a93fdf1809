"""Where a step must start: steps that act on the page in front of the filer say so.

A step such as `the filer clicks on the CM/ECF tab at the top of the screen` acts on the page
an earlier step left open. Put after a step that leaves another page open, it would wait 30 s
for a link that is not there and fail naming a locator. Marked `@needs(<precondition>)`, it
checks first (within expect's few seconds, as the previous step's page may still be
loading) and fails naming what it needs and how a scenario gets there. The step catalogue
(reports/steps.md) shows the same words as the step's note.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from playwright.sync_api import expect

from pages.portal import Portal
from steps.common import on_site

Step = TypeVar("Step", bound=Callable[..., Any])


@dataclass(frozen=True)
class Precondition:
    needs: str  # "the filer on the court's website"
    reached_by: str  # a step that gets there, in the catalogue's words
    holds: Callable[[Portal], None]  # raises AssertionError when it does not

    def describe(self) -> str:
        return f"{self.needs}, as after `{self.reached_by}`"

    def check(self, portal: Portal) -> None:
        try:
            self.holds(portal)
        except AssertionError as error:
            # What was looked for (Playwright's call log names it): a heading, a field...
            waited = next(
                (
                    f"; it waited for {line.strip()[len('- waiting for ') :]}"
                    for line in str(error).splitlines()
                    if line.strip().startswith("- waiting for ")
                ),
                "",
            )
            raise AssertionError(
                f"this step needs {self.describe()}; the browser is at {portal.page.url}{waited}"
            ) from None


def needs(precondition: Precondition) -> Callable[[Step], Step]:
    """Check `precondition` before the step runs; the step's note in the catalogue says it."""

    def decorate(step: Step) -> Step:
        if "portal" not in inspect.signature(step).parameters:
            raise TypeError(f"{step.__name__} needs a portal parameter to check its precondition")

        @functools.wraps(step)
        def checked(*args: Any, **kwargs: Any) -> Any:
            precondition.check(kwargs["portal"])
            return step(*args, **kwargs)

        checked.__doc__ = f"Needs {precondition.describe()}." + (
            f"\n\n{step.__doc__}" if step.__doc__ else ""
        )
        return checked  # type: ignore[return-value]

    return decorate


def _on(url: Callable[[Portal], str | re.Pattern[str]]) -> Callable[[Portal], None]:
    return lambda portal: expect(portal.page).to_have_url(url(portal))


def _visible(locator: Callable[[Portal], Any]) -> Callable[[Portal], None]:
    return lambda portal: expect(locator(portal).first).to_be_visible()


ON_COURT_WEBSITE = Precondition(
    "the filer on a page of the court's website (its main menu)",
    "Given <who> is on the court's website",
    _on(lambda portal: on_site(portal.urls["court"])),
)
ON_COURT_HOME = Precondition(
    "the filer on the court website's home page",
    "Given <who> is on the court's website",
    _on(lambda portal: portal.court_home.url),
)
ON_COURT_CMECF_PAGE = Precondition(
    "the filer on the court website's CM/ECF page",
    "When the filer clicks on the CM/ECF tab at the top of the screen",
    _on(lambda portal: portal.court_cmecf.url),
)
ON_COURT_FAQ = Precondition(
    "the filer on the court's linking FAQ",
    "When the filer opens the linking FAQ on the court's website",
    _on(lambda portal: portal.court_faq.url),
)
ON_PACER_WEBSITE = Precondition(
    "the filer on a page of the PACER website (its menu)",
    "Given <who> is on the PACER website",
    _on(lambda portal: on_site(portal.urls["pacer"])),
)
ON_COURT_LINKS = Precondition(
    "the filer on PACER's Court Links",
    'When the filer clicks on "Quick Links" and then "Court Links"',
    _on(lambda portal: portal.court_links.url),
)
ON_PACER_LOGIN = Precondition(
    "the filer on the PACER login page",
    "Given <who> is on the PACER login page on the way to CM/ECF",
    _visible(lambda portal: portal.pacer_login.username),
)
ON_REDACTION_AGREEMENT = Precondition(
    # Said here too: a shared/firm or legacy account logs in without ever seeing it.
    "the filer on PACER's redaction agreement, which PACER shows only to accounts that can file",
    "When the filer logs in with the username and password for their upgraded PACER account",
    _visible(lambda portal: portal.pacer_login.redaction_agreement),
)
IN_CMECF_SIGNED_IN = Precondition(
    "the filer signed in and on a CM/ECF page with its menu bar",
    "Given <who> is signed in to CM/ECF",
    _visible(lambda portal: portal.cmecf_home.menu_bar),
)
ON_LINKING_PAGE = Precondition(
    "the filer on CM/ECF's linking page",
    'When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"',
    _on(lambda portal: portal.link_account.url),
)


def _on_verification_page(portal: Portal) -> None:
    page = portal.link_account
    expect(page.heading_named(page.profile.heading("link_verify"))).to_be_visible()


ON_VERIFICATION_PAGE = Precondition(
    "the filer on CM/ECF's verification page, after submitting a CM/ECF login and password",
    "When the filer submits their own CM/ECF login and password for linking",
    _on_verification_page,
)


def _signed_out_at_pacer_login(portal: Portal) -> None:
    # Asked the way a person finds out: open the court's CM/ECF login and see what answers.
    portal.cmecf_login.open()
    login, home = portal.pacer_login, portal.cmecf_home
    expect(login.username.or_(home.menu_bar).first).to_be_visible()
    assert login.username.is_visible(), "signed in: CM/ECF shows its menu, not PACER login"


SIGNED_OUT_OF_CMECF = Precondition(
    "the filer signed out of CM/ECF (checked by opening the court's CM/ECF login, which then "
    "sends them to PACER login)",
    "When the filer logs out of CM/ECF",
    _signed_out_at_pacer_login,
)


def _signed_in_to_pacer(portal: Portal) -> None:
    portal.manage_account.open()  # PACER login instead when signed out
    expect(portal.page).to_have_url(portal.manage_account.url)


SIGNED_IN_TO_PACER_WEBSITE = Precondition(
    "the filer signed in to the PACER website (Manage My Account then opens without a login)",
    "Given <who> is signed in to the PACER website",
    _signed_in_to_pacer,
)
ON_LEGACY_CMECF_LOGIN = Precondition(
    "the filer on the legacy CM/ECF login page, before the cut-over (March 16, 2020)",
    "When the filer opens the CM/ECF login page directly",
    _visible(lambda portal: portal.cmecf_login.legacy_password_field),
)
