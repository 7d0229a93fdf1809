"""Dialects of the mock: the same four sites, each dialect with its own unsourced values.

The default dialect is the mock as docs/portal-map.md describes it. Another dialect (see
alt.py) changes only what no public source fixes, the way an independently written portal
would: the wording of [guess] messages, labels and headings; the paths of pages whose real
address is not public; accessible markup of its own; and the few behaviour choices a real
portal may make. The FAQ's words and the [seen] facts of portal-reference.md are the same
in every dialect.

Site code and templates read words through `texts` below (a stand-in for mock_site.texts
that answers with the current app's dialect), and paths through web.path().
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from flask import current_app, has_app_context

from mock_site import texts as default_texts

CONTACT_LAYOUTS = ("regions", "table", "one_section")


@dataclass(frozen=True)
class Markup:
    """Markup choices a portal may make; the default dialect's are the defaults here.

    Every variant stays accessible: errors are role="alert", confirmations role="status",
    each field has a label, and the [seen] texts stay in the main content.
    """

    welcome_is_heading: bool = True  # ShowIndex: the [seen] welcome text is the <h1>
    # The FAQ's two contacts: "regions" (a <section> each, named by its heading), "table"
    # (a row each, the name as row header) or "one_section" (one section, a heading and a
    # paragraph each: nothing but reading order groups a contact's name with its number).
    contacts: str = "regions"
    # The linking confirmation's page has it as its heading; else the page keeps the linking
    # page's heading and the confirmation is only the status message.
    confirmation_heading: bool = True
    messages_by_id: bool = True  # one live region, id="messages"
    details_as_list: bool = True  # account details as <dl>; else a two-column table
    quick_links_as_link: bool = True  # PACER's "Quick Links" a link to a page; else a button
    faq_item: str = "section"  # the element holding one FAQ question and its answer
    # PACER login's passcode field takes a backup code too; else it takes only a passcode,
    # and a button switches to a backup-code field of its own (and back).
    mfa_one_code_field: bool = True


@dataclass(frozen=True)
class Behaviour:
    """Behaviour choices within the FAQ and the reference."""

    # CM/ECF sends a signed-out visitor to PACER login with appurl = the page asked for
    # (as real NextGen does); the default sends every such visitor to login.pl's address.
    return_to_asked_page: bool = False
    # Shared, legacy and already-linked accounts are refused when they open the linking
    # page (default), or only upon Submit of the linking form.
    refuse_on_submit: bool = False
    # Where the [seen] "PACER User Inactive" notice shows: ShowIndex too, or only where a
    # search is refused (Query) and after linking.
    inactive_notice_on_index: bool = True


@dataclass(frozen=True)
class Dialect:
    name: str
    # Overrides of mock_site.texts, by the same names (a value or a function).
    texts: Mapping[str, Any] = field(default_factory=dict)
    # The default dialect's path -> this dialect's path, for pages whose address is a guess.
    # A path's sub-paths move with it (/court-links/<id>).
    paths: Mapping[str, str] = field(default_factory=dict)
    # Default paths of pages this dialect does not have: 404, and no link to them.
    missing: frozenset[str] = frozenset()
    markup: Markup = Markup()
    behaviour: Behaviour = Behaviour()

    def __post_init__(self) -> None:
        if self.markup.contacts not in CONTACT_LAYOUTS:
            raise ValueError(f"dialect {self.name!r}: contacts must be one of {CONTACT_LAYOUTS}")
        unknown = [name for name in self.texts if not hasattr(default_texts, name)]
        if unknown:  # a typo would silently keep the default wording
            raise ValueError(f"dialect {self.name!r}: no such text: {', '.join(unknown)}")
        object.__setattr__(self, "texts", MappingProxyType(dict(self.texts)))

    def text(self, name: str) -> Any:
        if name in self.texts:
            return self.texts[name]
        return getattr(default_texts, name)

    def path(self, default_path: str) -> str:
        """This dialect's address of a page known by its default path (sub-paths follow)."""
        for old, new in sorted(self.paths.items(), key=lambda item: -len(item[0])):
            if default_path == old or default_path.startswith(old + "/"):
                return new + default_path[len(old) :]
        return default_path

    def has(self, default_path: str) -> bool:
        return not any(
            default_path == gone or default_path.startswith(gone + "/") for gone in self.missing
        )


DEFAULT = Dialect("default")


def _dialects() -> dict[str, Dialect]:
    from mock_site.dialects import alt, plain  # here: they import this module

    return {"default": DEFAULT, "alt": alt.DIALECT, "plain": plain.DIALECT}


def names() -> list[str]:
    return list(_dialects())


def get_dialect(name: str | Dialect) -> Dialect:
    if isinstance(name, Dialect):
        return name
    found = _dialects().get(name)
    if found is None:
        raise ValueError(f"unknown dialect {name!r}; expected one of {', '.join(names())}")
    return found


def current() -> Dialect:
    """The dialect of the app handling this request (the default outside a request)."""
    if not has_app_context():
        return DEFAULT
    site = current_app.extensions.get("mock_site")
    return site.dialect if site is not None else DEFAULT


class _CurrentTexts:
    """mock_site.texts as the current app's dialect words it: `texts.LINK_EMPTY`."""

    def __getattr__(self, name: str) -> Any:
        return current().text(name)


if TYPE_CHECKING:  # type-checked as the module it stands in for
    from mock_site import texts as texts
else:
    texts = _CurrentTexts()


class DialectPaths:
    """WSGI middleware: serves a dialect's paths with the default dialect's views.

    A request to a dialect path is routed to the default view; a request to a default path
    this dialect has moved or lacks answers the site's own 404 page. The path as requested
    stays in environ[PUBLIC_PATH] for views that redirect to the page itself.
    """

    PUBLIC_PATH = "mock_site.public_path"
    NOWHERE = "/_dialect/no-such-page"

    def __init__(self, app: Callable[..., Iterable[bytes]], dialect: Dialect) -> None:
        self.app = app
        self.moved = sorted(dialect.paths.items(), key=lambda item: -len(item[1]))
        self.gone = [*dialect.paths, *dialect.missing]

    def internal(self, path: str) -> str:
        for old, new in self.moved:
            if path == new or path.startswith(new + "/"):
                return old + path[len(new) :]
        if any(path == gone or path.startswith(gone + "/") for gone in self.gone):
            return self.NOWHERE
        return path

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        environ[self.PUBLIC_PATH] = path
        environ["PATH_INFO"] = self.internal(path)
        return self.app(environ, start_response)
