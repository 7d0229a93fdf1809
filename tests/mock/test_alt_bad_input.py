"""The bad-input tables of test_bad_input.py, against the alt dialect.

The same forms, fields, query parameters and bad values; alt_visitor takes the default
paths to the alt dialect's own. Forgot password and its reset page are not on the alt
dialect (they answer 404, see test_alt_paths.py), so their rows are left out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mock_site import texts as default_texts
from mock_site.dialects.alt import DIALECT
from mock_site.store import Store
from tests.mock.helpers import Browser, snapshot
from tests.mock.test_bad_input import (
    BAD_VALUES,
    CHANGING,
    FORMS,
    QUERIES,
    check_form_field,
    check_query_parameter,
    check_valid_post_changes_state,
)

NOT_ON_ALT = {"forgot-password", "reset-password", "reset-token"}


# The default dialect's form labels -> the alt dialect's (in "<Label> is too long"), by form
# (a label may be a guess on one form and [seen] on another).
def labels(*names: str) -> dict[str, str]:
    return {getattr(default_texts, name): DIALECT.text(name) for name in names}


ALT_LABELS = {
    "change-password": labels(
        "CURRENT_PASSWORD_LABEL", "NEW_PASSWORD_LABEL", "CONFIRM_PASSWORD_LABEL"
    ),
}


def alt_too_long(form: str) -> Callable[[str], str]:
    renamed = ALT_LABELS.get(form, {})
    return lambda label: DIALECT.text("too_long")(renamed.get(label, label))


ALT_FORM_CASES = [
    pytest.param(form, name, kind, id=f"{form}-{name}-{kind}")
    for form, spec in FORMS.items()
    if form not in NOT_ON_ALT
    for name in spec.fields
    for kind in BAD_VALUES
]


@pytest.mark.parametrize(("form", "name", "kind"), ALT_FORM_CASES)
def test_form_field(alt_visitor: Browser, store: Store, form: str, name: str, kind: str) -> None:
    check_form_field(alt_visitor, store, form, name, kind, alt_too_long(form))


@pytest.mark.parametrize("form", sorted(CHANGING - NOT_ON_ALT))
def test_the_valid_posts_do_change_state(alt_visitor: Browser, store: Store, form: str) -> None:
    """The control for the table above, on the alt dialect."""
    check_valid_post_changes_state(alt_visitor, store, form)


ALT_QUERY_CASES = [
    pytest.param(query, kind, id=f"{query}-{kind}")
    for query in QUERIES
    if query not in NOT_ON_ALT
    for kind in BAD_VALUES
    if kind != "missing"
]


@pytest.mark.parametrize(("query", "kind"), ALT_QUERY_CASES)
def test_query_parameter(alt_visitor: Browser, store: Store, query: str, kind: str) -> None:
    check_query_parameter(alt_visitor, store, query, kind, DIALECT.text("too_long"))


@pytest.mark.parametrize("user", [None, "jdoe2020", "bakerlowe01", "citclerk01"])
def test_no_page_of_the_alt_dialect_answers_500(
    alt_raw_visitor: Browser, store: Store, user: str | None
) -> None:
    """Every page route of every site, at its default and its alt path, GET and a token-less
    POST, signed out and signed in: a page or a 4xx, never a 500."""
    if user:
        alt_raw_visitor.quick_sign_in(user)
        alt_raw_visitor.quick_sign_in(user, "pacer")
    before = snapshot(store)
    for site, client in alt_raw_visitor.clients.items():
        for rule in client.application.url_map.iter_rules():
            if rule.rule.startswith("/_mock"):  # the control API: test_control*.py
                continue
            path = rule.rule.replace("<court_id>", "cafc").replace("<path:filename>", "mock.css")
            for where in {path, DIALECT.path(path)}:
                for method in ("GET", "POST"):
                    response = alt_raw_visitor.request(method, site, where, follow=False)
                    assert response.status_code < 500, (site, method, where)
    assert snapshot(store)["accounts"] == before["accounts"]
