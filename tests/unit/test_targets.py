"""Target selection: precedence, named environments and one-line errors (no browser, no mock)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from suite.__main__ import main as suite_main
from suite.target.sites import (
    ENVIRONMENT_KEYS,
    SITES,
    TargetError,
    env_var_name,
    load_environments,
    plan_target,
    validate_url,
    where_given,
)

ENVIRONMENTS = {
    "local": {"description": "embedded"},
    "named": {site: f"http://named-{site}.test:8000" for site in SITES},
}
REPO = Path(__file__).resolve().parents[2]


def test_embedded_mock_is_the_default() -> None:
    plan = plan_target({}, {}, None, ENVIRONMENTS)
    assert plan.environment == "local"
    assert plan.urls == {}
    assert plan.needs_embedded_mock


@pytest.mark.parametrize(
    ("option", "variable", "named", "expected"),
    [
        ("http://option.test", "http://variable.test", "named", "http://option.test"),
        (None, "http://variable.test", "named", "http://variable.test"),
        (None, None, "named", "http://named-ecf.test:8000"),
        (None, None, None, None),
    ],
    ids=["option wins", "then the variable", "then the named environment", "then the mock"],
)
def test_precedence(
    option: str | None, variable: str | None, named: str | None, expected: str | None
) -> None:
    environ = {env_var_name("ecf"): variable} if variable else {}
    plan = plan_target({"ecf": option}, environ, named, ENVIRONMENTS)
    assert plan.urls.get("ecf") == expected


def test_each_site_resolves_on_its_own() -> None:
    plan = plan_target(
        {"court": "http://court-option.test"},
        {"PACER_LOGIN_URL": "http://login-variable.test"},
        "named",
        ENVIRONMENTS,
    )
    assert plan.urls["court"] == "http://court-option.test"
    assert plan.urls["pacer-login"] == "http://login-variable.test"
    assert plan.urls["pacer"] == "http://named-pacer.test:8000"
    assert plan.sources["court"] == "--court-url"
    assert plan.sources["pacer-login"] == "PACER_LOGIN_URL"


@pytest.mark.parametrize(
    "given",
    [("ecf",), ("pacer", "pacer-login"), ("pacer-login",), ("court", "pacer")],
    ids="+".join,  # a set's order changes between processes, and xdist workers must agree
)
def test_the_sign_on_sites_are_given_all_or_none(given: tuple[str, ...]) -> None:
    """A staging audit set three sites and left CM/ECF to the mock: the real PACER was then
    taken for the mock, and a destructive scenario changed a password there."""
    options = {site: f"http://{site}.test" for site in given}
    with pytest.raises(TargetError, match=r"give all three or none .* set --"):
        plan_target(options, {}, None, ENVIRONMENTS)


def test_the_court_website_may_be_given_alone() -> None:
    plan = plan_target({"court": "http://court.test"}, {}, None, ENVIRONMENTS)
    assert plan.urls == {"court": "http://court.test"} and plan.needs_embedded_mock


def test_unknown_environment_names_the_known_ones() -> None:
    with pytest.raises(
        TargetError, match=r"unknown environment 'nope' for --env; known: local, named"
    ):
        plan_target({}, {}, "nope", ENVIRONMENTS)


@pytest.mark.parametrize(
    "bad",
    [
        "ecf.example.test",
        "ftp://ecf.test",
        "http://",
        "http://host:99999",
        "http://h.test/?a=1",
        "javascript:alert(1)",
    ],
)
def test_malformed_urls_are_refused_in_one_line(bad: str) -> None:
    with pytest.raises(TargetError) as refused:
        validate_url(bad, "--ecf-url")
    assert "\n" not in str(refused.value)
    assert str(refused.value).startswith("--ecf-url: ")


def test_trailing_slash_is_dropped() -> None:
    assert validate_url("http://ecf.test:8080/", "x") == "http://ecf.test:8080"


def test_checked_in_environments_have_local_mock_and_staging() -> None:
    plan = plan_target({}, {}, "staging")
    assert set(plan.urls) == set(SITES)
    assert all(url.startswith("https://") for url in plan.urls.values())
    assert plan_target({}, {}, "mock").urls["ecf"].startswith("http://127.0.0.1:")


def test_no_url_literal_outside_the_configuration() -> None:
    """Page objects and steps know paths, never hosts: URLs live in environments.toml."""
    literal = re.compile(r"https?://[A-Za-z0-9]")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in ("pages", "steps", "suite")
        for path in (REPO / folder).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("sources", "said"),
    [
        ({"ecf": "environment 'staging'"}, "environment 'staging' in environments.toml"),
        ({"ecf": "ECF_URL"}, "ECF_URL"),
        ({"ecf": "--ecf-url"}, "--ecf-url"),
        (None, "--ecf-url or ECF_URL"),
    ],
)
def test_a_refused_url_is_named_by_where_it_was_given(
    sources: dict[str, str] | None, said: str
) -> None:
    assert where_given(sources, "ecf") == said


def test_an_unknown_key_of_an_environment_is_refused_naming_the_known_ones() -> None:
    environments = {"typo": {"pacer_login": "http://login.test"}}
    with pytest.raises(TargetError) as error:
        plan_target({}, {}, "typo", environments)
    assert str(error.value) == (
        "environment 'typo' in environments.toml has unknown key(s) 'pacer_login'; known: "
        + ", ".join(ENVIRONMENT_KEYS)
    )


@pytest.mark.parametrize(
    ("option", "variable", "expected"),
    [
        ("alt", "mock", ("alt", "--profile")),
        (None, "alt", ("alt", "CIT_FAQ_PROFILE")),
        (None, None, ("staging", "environment 'named'")),
    ],
)
def test_the_plan_says_where_its_profile_comes_from(
    option: str | None, variable: str | None, expected: tuple[str, str]
) -> None:
    environments = {"named": {"profile": "staging", "description": "for people"}}
    environ = {"CIT_FAQ_PROFILE": variable} if variable else {}
    plan = plan_target({}, environ, "named", environments, profile=option)
    assert (plan.profile, plan.profile_source) == expected
    assert plan.description == "for people"


def test_every_environment_key_is_documented_and_shown_by_the_target_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    guide = (REPO / "docs" / "targets.md").read_text(encoding="utf-8")
    comments = [
        line for line in (REPO / "environments.toml").read_text().splitlines() if line[:1] == "#"
    ]
    for key in ENVIRONMENT_KEYS:
        assert f"| `{key}` |" in guide, f"docs/targets.md's table of environment keys lacks {key}"
        assert any(re.match(rf"#\s+{re.escape(key)}\s", line) for line in comments), key
    for environment in load_environments().values():
        assert set(environment) <= set(ENVIRONMENT_KEYS)
    assert suite_main(["target", "--env", "staging"]) == 0
    shown = capsys.readouterr().out.splitlines()[1:]
    assert [line.split()[0] for line in shown[: len(ENVIRONMENT_KEYS)]] == list(ENVIRONMENT_KEYS)
    assert "  pacer-gov    https://www.pacer.gov  (environment 'staging')" in shown
