"""Reading a report page the way the tests need: its links, and which tags it uses."""

from __future__ import annotations

from html.parser import HTMLParser


class Links(HTMLParser):
    """Every href and src of a page, and whether it has a script or a stylesheet link."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v for k, v in attrs if k in ("href", "src") and v]


def links_of(page: str) -> Links:
    parser = Links()
    parser.feed(page)
    return parser
