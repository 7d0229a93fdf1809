"""The audits' bookkeeping, without a browser: page-state keys, WCAG criteria, and the
accessibility feature kept apart from the FAQ's coverage."""

from __future__ import annotations

from suite.accessibility import page_key, wcag_criteria
from suite.traceability import matrix_for


def test_axe_tags_become_wcag_success_criteria() -> None:
    tags = ["cat.forms", "wcag2a", "wcag412", "wcag143", "wcag1410", "best-practice"]
    assert wcag_criteria(tags) == ["4.1.2", "1.4.3", "1.4.10"]


def test_a_page_state_is_its_site_path_query_names_and_what_is_visible() -> None:
    login = "http://127.0.0.1:5003/csologin/login.jsf?pscCourtId=CIT&appurl=http%3A%2F%2Fx"
    other_return = "http://127.0.0.1:5003/csologin/login.jsf?appurl=elsewhere&pscCourtId=CIT"
    assert page_key(login, "form") == page_key(other_return, "form")
    assert page_key(login, "form") != page_key(login, "form|alert")
    assert page_key(login, "form")[1] == "/csologin/login.jsf?appurl&pscCourtId"
    utilities = page_key("http://h/cgi-bin/DisplayMenu.pl?Utilities", "menu")
    reports = page_key("http://h/cgi-bin/DisplayMenu.pl?Reports", "menu")
    assert utilities != reports
    assert page_key("http://h:1/", "x")[0] != page_key("http://h:2/", "x")[0]


def test_the_accessibility_feature_is_beyond_the_faq_and_not_counted() -> None:
    matrix = matrix_for()
    assert matrix.ok, matrix.errors
    [beyond] = matrix.beyond
    assert beyond.path == "features/10_accessibility_keyboard.feature"
    assert beyond.scenarios
    assert all(beyond.path not in q.features for q in matrix.questions)
    quoted_by = {use.scenario.feature_path for s in matrix.sentences for use in s.uses}
    assert beyond.path not in quoted_by
