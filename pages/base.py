"""What every page object shares: its Playwright page, its site's base URL, its path, and
the target's profile (suite/target/profiles.py) for what no public source shows.

Things are found as a person finds them: links and buttons by role and name wherever they
are, texts in the main content, a section by the heading a reader sees above it. No page
object relies on a heading level, an id or a landmark name that is not [seen].
"""

from __future__ import annotations

import re
from typing import ClassVar

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from suite.target.profiles import Profile

# How long a link, button, field or heading may take to show once the page in front has
# loaded: a person sees at once whether it is there, and a script may draw it a moment later
# (expect()'s own wait). Past it the step fails, naming what is missing, instead of waiting
# out Playwright's 30 s action time-out.
SETTLE_MS = 5_000


class NotOnPage(AssertionError):
    """What a step was to act on is not on the page, seconds after the page loaded."""


def present(page: Page, locator: Locator, what: str) -> Locator:
    """`locator`, once it shows; else fail SETTLE_MS after the page in front has loaded.

    `what` names it as a person would ('the link or button "Contact"'): the failure says
    that and the page, and suite/run/profile_hints.py adds which profile value it is. A page
    still on its way when the wait began (the click before it answered late) gets its own
    SETTLE_MS once it is there.
    """
    for _ in range(2):
        page.wait_for_load_state()  # the navigation time-out covers a slow server
        shown = page.url
        try:
            locator.first.wait_for(state="visible", timeout=SETTLE_MS)
            return locator
        except PlaywrightTimeoutError:
            if page.url == shown:
                break
    raise NotOnPage(
        f"{what} is not on {page.url} (still not there {SETTLE_MS / 1000:g} s after the page "
        "loaded)"
    )


class SitePage:
    path: ClassVar[str] = "/"  # [seen] or the FAQ's own
    path_key: ClassVar[str | None] = None  # else the profile's [paths] key

    def __init__(self, page: Page, base_url: str, profile: Profile) -> None:
        self.page = page
        self.base_url = base_url
        self.profile = profile

    @property
    def address(self) -> str:
        """The page's path (and query) on its site."""
        return self.profile.path_of(self.path_key) if self.path_key else self.path

    @property
    def url(self) -> str:
        return self.base_url + self.address

    def open(self) -> None:
        self.page.goto(self.url)

    @property
    def main(self) -> Locator:
        return self.page.get_by_role("main")

    def expect_confirmation(self, text: str) -> None:
        """The page confirms with `text`, and not as an error: nothing that holds it is an
        alert (role="alert", or an assertive live region), which a screen reader would break
        in to announce as a failure (Section 508). The text is looked for in the main content,
        as a reader would; the alert is asked by role, wherever on the page it is."""
        expect(self.main).to_contain_text(text)
        alerts = self.page.get_by_role("alert").or_(self.page.locator("[aria-live=assertive]"))
        expect(alerts.filter(has_text=text)).to_have_count(0)

    def heading_named(self, name: str) -> Locator:
        """A heading a reader sees, at whatever level the target puts it."""
        return self.page.get_by_role("heading", name=name, exact=True)

    @property
    def refusal(self) -> Locator:
        """An error the page shows instead of doing what was asked (role alert, anywhere)."""
        return self.page.get_by_role("alert")

    def control(self, name: str) -> Locator:
        """A link or a button of that name, wherever it is: targets differ in which it is."""
        exact = self.page.get_by_role("link", name=name, exact=True)
        return exact.or_(self.page.get_by_role("button", name=name, exact=True)).first

    def label(self, key: str) -> Locator:
        """A form field by its label, the profile's wording."""
        return self.page.get_by_label(self.profile.name_of(key), exact=True)

    # Acting on what a person sees: each waits only SETTLE_MS once the page has loaded.
    def click(self, locator: Locator, what: str) -> None:
        present(self.page, locator, what).click()

    def click_control(self, name: str) -> None:
        """Click the link or button of that name (see control)."""
        self.click(self.control(name), f'the link or button "{name}"')

    def click_button(self, name: str) -> None:
        self.click(self.page.get_by_role("button", name=name), f'the button "{name}"')

    def fill(self, locator: Locator, what: str, text: str) -> None:
        present(self.page, locator, what).fill(text)

    def fill_label(self, key: str, text: str) -> None:
        """Type into the field labelled with the profile's [names] key."""
        self.fill(self.label(key), f'the field labelled "{self.profile.name_of(key)}"', text)

    def text_under(self, heading: str) -> str:
        """The main content's text below a heading, up to the next heading: what a reader
        takes as that heading's section, whatever elements the target wraps it in."""
        present(self.page, self.heading_named(heading), f'the heading "{heading}"')
        text = self.main.inner_text()
        headings = self.main.get_by_role("heading").all_inner_texts()
        starts, position = [], 0
        for name in headings:
            found = text.find(name.strip(), position)
            if found < 0:
                continue
            starts.append((found, name.strip()))
            position = found + len(name.strip())
        for index, (start, name) in enumerate(starts):
            if name == heading:
                end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
                return text[start + len(name) : end]
        return ""


# Where a contact is listed, as a person reads it: the element that names the contact (a
# heading, a term, a row header or a strong label), then, before the element that names the
# next contact, its number or address, both in reading order (what a screen reader follows)
# and on the screen (nothing above the name, nothing below the next name). Any markup that
# keeps them together passes: a section each, table rows, a definition list, or one section
# with a heading and a paragraph each. Returns what is wrong, or "" when it is listed there.
_CONTACT_LISTED_JS = """([name, others, value, href]) => {
  const main = document.querySelector('main, [role=main]');
  if (!main) return 'the page has no main content';
  const shown = el => el.getClientRects().length > 0;
  const text = el => el.innerText.replace(/\\s+/g, ' ').trim();
  const names = [name, ...others];
  const namers = [...main.querySelectorAll(
    'h1, h2, h3, h4, h5, h6, [role=heading], dt, th, strong, b')]
    .filter(shown)
    .map(el => ({el, who: names.filter(n => text(el).includes(n))}))
    .filter(entry => entry.who.length === 1)
    .map(entry => ({el: entry.el, who: entry.who[0]}));
  const mine = namers.filter(entry => entry.who === name);
  if (!mine.length) return `no heading, term or strong label in the main content names ${name}`;
  const links = [...main.querySelectorAll('a[href]')]
    .filter(a => shown(a) && text(a) === value && a.getAttribute('href') === href);
  if (!links.length) return `no link ${value} (${href}) in the main content`;
  const after = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  for (const {el} of mine) {
    const next = namers.find(entry => entry.who !== name && after(el, entry.el));
    const top = el.getBoundingClientRect().top;
    for (const link of links) {
      const box = link.getBoundingClientRect();
      const inReadingOrder = after(el, link) && (!next || after(link, next.el));
      const onScreen = box.bottom > top && (!next || box.top < next.el.getBoundingClientRect().top);
      if (inReadingOrder && onScreen) return '';
    }
  }
  const where = links.map(link => {
    const before = namers.filter(entry => after(entry.el, link));
    return before.length ? `after ${before[before.length - 1].who}` : 'before any contact';
  });
  return `${value} is not listed with ${name}: it comes ${where.join(', ')}`;
}"""


def contact_listing_problem(
    page: SitePage, name: str, others: list[str], value: str, href: str
) -> str:
    """What keeps `value` (a link to `href`) from being listed with the contact `name`, as a
    person reads the main content (see above); "" when it is listed with it."""
    return str(page.page.evaluate(_CONTACT_LISTED_JS, [name, others, value, href]))


def beside(term: str, value: str) -> re.Pattern[str]:
    """A value shown right beside its term ("Status: Inactive", a table row, a <dl>...)."""
    return re.compile(rf"{re.escape(term)}\s*:?\s*{re.escape(value)}")


def near(term: str, value: str) -> re.Pattern[str]:
    """A value shown after its term, on the same line of text, within a short distance."""
    return re.compile(rf"{re.escape(term)}[^\n]{{0,80}}?{re.escape(value)}")
