"""The target's public pages as plain HTTP sees them: no browser, no sign-in, seconds.

Used by `python -m suite probe` and by calibrate's first round. A page is fetched once,
following redirects; its links and buttons are read with their accessible names as a person
sees them (the element's text, or its aria-label), and its text as one whitespace-collapsed
string, so the probe can say what a page shows instead of what a profile expects.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

TIMEOUT_S = 5.0


@dataclass
class Control:
    role: str  # "link" or "button"
    name: str
    href: str = ""  # absolute, for a link
    in_main: bool = False  # in the main content (<main> or role=main)


@dataclass
class PublicPage:
    url: str  # the address asked for
    final_url: str  # where the redirects ended
    status: int  # 0: did not answer
    text: str = ""
    controls: list[Control] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return 200 <= self.status < 400

    @property
    def path(self) -> str:
        parts = urllib.parse.urlsplit(self.final_url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def links(self) -> list[Control]:
        return [c for c in self.controls if c.role == "link"]

    def control_named(self, name: str) -> Control | None:
        """A link or a button of exactly that name (as Playwright's exact match: trimmed)."""
        return next((c for c in self.controls if c.name == name), None)

    def link_named(self, name: str) -> Control | None:
        return next((c for c in self.links() if c.name == name), None)


def _collapse(text: str) -> str:
    return " ".join(text.split())


class _Reader(HTMLParser):
    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.text: list[str] = []
        self.controls: list[Control] = []
        self._open: list[tuple[str, str, str, list[str]]] = []  # role, href, aria-label, text
        self._skip = 0  # inside <script> or <style>
        self._main: list[str] = []  # the open tags from <main> on

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self._main or tag == "main" or attributes.get("role") == "main":
            self._main.append(tag)
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "a" and "href" in attributes:
            href = urllib.parse.urljoin(self.base_url, attributes["href"])
            self._open.append(("link", href, attributes.get("aria-label", ""), []))
        elif tag == "button":
            self._open.append(("button", "", attributes.get("aria-label", ""), []))
        elif tag == "input" and attributes.get("type") in ("submit", "button"):
            name = attributes.get("aria-label") or attributes.get("value", "")
            self.controls.append(Control("button", _collapse(name), in_main=bool(self._main)))

    def handle_endtag(self, tag: str) -> None:
        if self._main and tag in self._main:
            while self._main and self._main.pop() != tag:
                pass
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif (tag == "a" and self._open and self._open[-1][0] == "link") or (
            tag == "button" and self._open and self._open[-1][0] == "button"
        ):
            role, href, label, words = self._open.pop()
            name = _collapse(label or " ".join(words))
            self.controls.append(Control(role, name, href, in_main=bool(self._main)))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        for _, _, _, words in self._open:
            words.append(data)


def fetch(url: str) -> PublicPage:
    """GET one page (redirects followed); a page that does not answer has status 0."""
    request = urllib.request.Request(url, headers={"User-Agent": "cit-faq-suite probe"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
            status, final, body = answer.status, answer.geturl(), answer.read()
    except urllib.error.HTTPError as error:
        status, final, body = error.code, error.geturl() or url, error.read()
    except (urllib.error.URLError, OSError):
        return PublicPage(url, url, 0)
    return read(url, final, status, body.decode("utf-8", errors="replace"))


def read(url: str, final: str, status: int, html: str) -> PublicPage:
    """A page from its HTML, however it was fetched (here, or by the browser's context)."""
    reader = _Reader(final)
    reader.feed(html)
    return PublicPage(url, final, status, _collapse(" ".join(reader.text)), reader.controls)


class Pages:
    """Fetches each address once per probe."""

    def __init__(self) -> None:
        self._seen: dict[str, PublicPage] = {}

    def get(self, url: str) -> PublicPage:
        if url not in self._seen:
            self._seen[url] = fetch(url)
        return self._seen[url]

    def linked_pages(
        self, page: PublicPage, site: str, limit: int = 60
    ) -> list[tuple[Control, PublicPage]]:
        """The pages `page` links to within `site` that answer, each once (by where it ends),
        with the first link to it: links in the main content first, as a menu's short name is
        the site's, not the page's. At most `limit` pages are fetched."""
        found: dict[str, tuple[Control, PublicPage]] = {}
        fetched = 0
        for link in sorted(page.links(), key=lambda link: not link.in_main):
            target = link.href.split("#")[0]
            if not target.startswith(site) or target == page.final_url:
                continue
            if target not in self._seen:
                if fetched >= limit:
                    break
                fetched += 1
            linked = self.get(target)
            if linked.exists and linked.final_url not in found:
                found[linked.final_url] = (link, linked)
        return list(found.values())

    def linked_page_saying(
        self,
        page: PublicPage,
        text: str,
        site: str,
        exclude: frozenset[str] | set[str] = frozenset(),
    ) -> tuple[Control, PublicPage] | None:
        """The first link of `page`, within `site`, to a page that says `text`: a page is
        known by what it is for (the FAQ's words, a [seen] text), not by a guessed name.
        Links in the main content first: a menu's short name is the site's, not the page's."""
        for link in sorted(page.links(), key=lambda link: not link.in_main):
            target = link.href.split("#")[0]
            if not target.startswith(site) or target in exclude or target == page.final_url:
                continue
            linked = self.get(target)
            if linked.exists and text in linked.text:
                return link, linked
        return None
