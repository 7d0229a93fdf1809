"""No one-time code or key on a screenshot.

Text artefacts are masked after the fact (suite/run/secrets.py); a screenshot is an image, so what
it must not show is hidden before it is taken. A passcode field is a text field (a backup code
may hold letters), so a filled one shows the code; PACER's enrollment shows an app's key as
text. Two screenshots can catch them:

- the last page of a scenario, which pytest-playwright takes as it closes the browser
  context: the scenario is over, so just before that, the page's one-time-code fields (by the
  standard autocomplete token and by the profile's labels) are blanked and every known secret
  shown as text is replaced with the mask, in the page itself;
- an accessibility violation's screenshot (suite/audits/accessibility.py), taken between steps: the
  page must stay as it is, so those elements are covered with Playwright's `mask` instead.

Only scenarios that typed a one-time code or showed a key (a step says so with
`holds_secrets`) pay for it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page
from playwright.sync_api import Error as PlaywrightError

from suite.run import secrets
from suite.run.state import PROFILE
from suite.target.profiles import Profile, ProfileError

HOLDS_SECRETS = pytest.StashKey[bool]()
ONE_TIME_CODE_FIELD = "input[autocomplete='one-time-code']"
# The profile's labels of fields that take one-time codes, keys or security codes.
SECRET_LABELS = (
    "mfa_passcode_label",
    "mfa_backup_code_label",
    "mfa_app_passcode_label",
    "mfa_security_code_label",
)
# Secrets shorter than this are not looked for in the page's text (a 6-digit passcode is not
# shown as text; looking for it would blank dates and numbers).
SHORTEST_SHOWN = 8

_HIDE = """([labels, secrets, mask]) => {
  const labelled = new Set();
  for (const label of document.querySelectorAll('label'))
    if (labels.includes(label.textContent.trim()) && label.control) labelled.add(label.control);
  for (const field of document.querySelectorAll('input, textarea')) {
    if (field.type === 'password' || !field.value) continue;
    if (field.getAttribute('autocomplete') === 'one-time-code' || labelled.has(field)
        || secrets.includes(field.value))
      field.value = '\\u2022'.repeat(field.value.length);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let text = node.nodeValue;
    for (const secret of secrets) if (text.includes(secret)) text = text.split(secret).join(mask);
    if (text !== node.nodeValue) node.nodeValue = text;
  }
}"""


def holds_secrets(item: pytest.Item) -> None:
    """Say that this scenario's pages may show a one-time code or a key, from now on (the
    screencast of a full trace loses its frames from now to the scenario's end)."""
    item.stash[HOLDS_SECRETS] = True
    secrets.shown_on_screen(time.time())


@contextlib.contextmanager
def secret_typed(item: pytest.Item) -> Iterator[None]:
    """A code typed, then gone from the screen (the page moved on) when the block ends: a
    full trace's screencast loses the frames of that moment only."""
    item.stash[HOLDS_SECRETS] = True
    since = time.time()
    try:
        yield
    finally:
        secrets.shown_on_screen(since, time.time())


def _labels(profile: Profile) -> list[str]:
    labels = []
    for key in SECRET_LABELS:
        try:
            labels.append(profile.name_of(key))
        except ProfileError:  # an older profile without MFA pages: the token still works
            continue
    return labels


def _shown_secrets() -> list[str]:
    return sorted((s for s in secrets.registered() if len(s) >= SHORTEST_SHOWN), key=len)[::-1]


def hide_secrets(page: Page, profile: Profile) -> None:
    """Blank the page's one-time-code fields and mask known secrets in its text, in place."""
    # A page closing or crashed: pytest-playwright takes no screenshot of it either.
    with contextlib.suppress(PlaywrightError):
        page.evaluate(_HIDE, [_labels(profile), _shown_secrets(), secrets.MASK])


def masks(page: Page, profile: Profile) -> list[Locator]:
    """What a screenshot taken mid-scenario must cover: one-time-code fields, the profile's
    secret fields, and any element showing a known secret as text."""
    covered = [page.locator(ONE_TIME_CODE_FIELD)]
    covered += [page.get_by_label(label, exact=True) for label in _labels(profile)]
    covered += [page.get_by_text(secret) for secret in _shown_secrets()]
    return covered


CreateContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(new_context: CreateContext, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The context factory (pytest-playwright's, with suite/run/tracing.py's traces), whose
    contexts hide their secrets before they close and their last screenshot is taken."""

    def hiding_context(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        close = context.close

        def close_hidden(*args: Any, **close_kwargs: Any) -> None:
            if request.node.stash.get(HOLDS_SECRETS, False):
                for page in context.pages:
                    hide_secrets(page, request.config.stash[PROFILE])
            close(*args, **close_kwargs)

        context.close = close_hidden  # type: ignore[method-assign]
        return context

    yield hiding_context
