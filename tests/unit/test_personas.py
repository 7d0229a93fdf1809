"""Personas from the environment or an untracked file; secrets never in their repr."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from steps.personas import (
    PERSONA_PHRASES,
    THE_ACTOR,
    THE_ACTOR_OR_VISITOR,
    WHO,
    WHO_OR_VISITOR,
    require,
    who_is,
)
from suite.run import secrets
from suite.run.personas import (
    PERSONA_KINDS,
    PersonaError,
    personas_from_environment,
    personas_from_mock,
    read_personas_file,
    variable_name,
)


def test_personas_come_from_environment_variables() -> None:
    personas = personas_from_environment(
        {"CIT_FAQ_FILER_USERNAME": "jdoe", "CIT_FAQ_FILER_PASSWORD": "pw-env-1"}
    )
    assert personas["filer"].username == "jdoe"
    assert personas["filer"].missing("username", "password") == []
    assert personas["clerk"].missing("username", "password") == [
        "CIT_FAQ_CLERK_USERNAME",
        "CIT_FAQ_CLERK_PASSWORD",
    ]
    assert set(personas) == set(PERSONA_KINDS)


def test_personas_file_is_read_and_variables_override_it(tmp_path: Path) -> None:
    file = tmp_path / "personas.env"
    file.write_text(
        "# staging personas\n"
        "export CIT_FAQ_FILER_USERNAME=from-file\n"
        "CIT_FAQ_FILER_PASSWORD='pw file'\n"
        "CIT_FAQ_FIRM_USERNAME=firm-file\n"
    )
    personas = personas_from_environment(
        {"CIT_FAQ_PERSONAS_FILE": str(file), "CIT_FAQ_FIRM_USERNAME": "firm-env"}
    )
    assert personas["filer"].username == "from-file"
    assert personas["filer"].password == "pw file"
    assert personas["firm"].username == "firm-env"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("CIT_FAQ_FILER_PASWORD=Secret-123", "CIT_FAQ_FILER_PASWORD is not a persona variable"),
        (
            "CIT_FAQ_FILER_PASSWORD=Secret-123   # from the vault",
            "a comment after a value would be read as part of it",
        ),
    ],
    ids=["misspelt name", "comment after a value"],
)
def test_a_personas_file_line_that_would_set_the_wrong_thing_is_refused(
    tmp_path: Path, line: str, problem: str
) -> None:
    """Both used to be taken silently: a persona left unset, or a password with a comment."""
    file = tmp_path / "personas.env"
    file.write_text(f"# staging\n{line}\n")
    with pytest.raises(ValueError, match=rf"personas.env:2: {problem}"):
        read_personas_file(file)


def test_a_quoted_value_keeps_its_hash(tmp_path: Path) -> None:
    file = tmp_path / "personas.env"
    file.write_text('CIT_FAQ_FILER_PASSWORD="Secret #1"\n')
    assert read_personas_file(file) == {"CIT_FAQ_FILER_PASSWORD": "Secret #1"}


def test_passwords_are_registered_as_secrets_and_kept_out_of_repr() -> None:
    personas = personas_from_environment(
        {"CIT_FAQ_LEGACY_USERNAME": "LP9", variable_name("legacy", "password"): "Hush-4242"}
    )
    assert "Hush-4242" in secrets.registered()
    assert "Hush-4242" not in repr(personas["legacy"])


def outcome_of(call: Callable[[], object]) -> BaseException:
    """What `call` raised, pytest's skip and fail included: a skip must not skip this test."""
    try:
        call()
    except BaseException as raised:  # pytest's Skipped and Failed are BaseExceptions
        return raised
    raise AssertionError("expected the call to fail or skip")


def test_a_persona_the_mock_seeds_incompletely_fails_the_scenario_instead_of_skipping() -> None:
    # A skip would let `make acceptance` pass without running the scenario.
    seeded = {"filer": {"username": "jdoe2020", "password": "not-a-real-password"}}
    outcome = outcome_of(lambda: require(personas_from_mock(seeded), "filer", "wrong_ecf_login"))
    assert isinstance(outcome, pytest.fail.Exception), repr(outcome)
    assert str(outcome) == "the mock seeds persona 'filer' without wrong_ecf_login"


def test_a_persona_not_yet_configured_for_a_real_portal_is_skipped_naming_the_variable() -> None:
    environ = {"CIT_FAQ_FILER_USERNAME": "jdoe", "CIT_FAQ_FILER_PASSWORD": "not-a-real-password"}
    outcome = outcome_of(
        lambda: require(personas_from_environment(environ), "filer", "wrong_ecf_login")
    )
    assert isinstance(outcome, pytest.skip.Exception), repr(outcome)
    assert "set CIT_FAQ_FILER_WRONG_ECF_LOGIN" in str(outcome)


def test_a_public_page_step_takes_the_persona_as_configured_even_not_at_all() -> None:
    # Given URLs alone, a Given on the court's website must not ask for credentials.
    personas = personas_from_environment({})
    try:  # a skip here would let this test pass without checking anything
        filer = who_is(personas, "a filer with an upgraded individual PACER account")
        visitor = who_is(personas, "a visitor")
    except BaseException as raised:  # pytest's Skipped and Failed are BaseExceptions
        pytest.fail(f"a public-page step asked for credentials: {raised!r}")
    assert filer.key == "filer" and filer.username is None
    assert visitor.key == "visitor" and visitor.username is None
    # A later step that types the filer's credentials asks for them, and skips naming them.
    outcome = outcome_of(lambda: require(personas, filer.key))
    assert isinstance(outcome, pytest.skip.Exception), repr(outcome)
    assert "set CIT_FAQ_FILER_USERNAME, CIT_FAQ_FILER_PASSWORD" in str(outcome)


def test_a_visitor_has_no_account_for_a_step_that_needs_one() -> None:
    outcome = outcome_of(lambda: require(personas_from_environment({}), "visitor"))
    assert isinstance(outcome, pytest.fail.Exception), repr(outcome)
    assert str(outcome).startswith("a visitor has no account, and this step needs one")


def test_every_persona_phrase_and_the_visitor_are_phrases_of_who() -> None:
    for phrase in PERSONA_PHRASES:
        assert re.fullmatch(WHO, phrase), phrase
        assert re.fullmatch(WHO_OR_VISITOR, phrase), phrase
    # Only the steps on public pages offer the visitor, who has no account to sign in with.
    assert re.fullmatch(WHO_OR_VISITOR, "a visitor")
    assert re.fullmatch(THE_ACTOR_OR_VISITOR, "the visitor")
    assert not re.fullmatch(WHO, "a visitor")
    assert not re.fullmatch(THE_ACTOR, "the visitor")


APP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.mark.parametrize(
    "given",
    [
        APP_KEY,
        "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp",  # as PACER shows it, in groups
        f"otpauth://totp/PACER:jdoe?secret={APP_KEY}&issuer=PACER",
        f"otpauth://totp/PACER:jdoe?secret={APP_KEY}&issuer=PACER&digits=6&period=30",
    ],
    ids=["base32", "grouped lower case", "otpauth URI", "otpauth URI with defaults"],
)
def test_an_authentication_app_key_is_taken_as_a_key_or_a_uri(given: str) -> None:
    personas = personas_from_environment(
        {"CIT_FAQ_FILER_USERNAME": "jdoe", "CIT_FAQ_FILER_TOTP_SECRET": given}
    )
    assert personas["filer"].totp_secret == APP_KEY
    assert {given, APP_KEY} <= secrets.registered()
    assert APP_KEY not in repr(personas["filer"])


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("not a key!", "not a key an authentication app uses"),
        ("JBSWY3DP", "not a key an authentication app uses"),  # too short for pyotp
        (f"otpauth://hotp/PACER:jdoe?secret={APP_KEY}&counter=1", "not a time-based"),
        (f"otpauth://totp/PACER:jdoe?secret={APP_KEY}&digits=8", "asks for 8 digits every 30 s"),
    ],
    ids=["not base32", "too short", "HOTP", "8 digits"],
)
def test_a_key_pyotp_cannot_use_is_refused_naming_the_variable_never_the_key(
    given: str, problem: str
) -> None:
    with pytest.raises(PersonaError) as refused:
        personas_from_environment({"CIT_FAQ_CLERK_TOTP_SECRET": given})
    assert str(refused.value).startswith("CIT_FAQ_CLERK_TOTP_SECRET: ")
    assert problem in str(refused.value)
    assert given not in str(refused.value) and APP_KEY not in str(refused.value)


def test_backup_codes_are_separated_by_commas_and_or_whitespace() -> None:
    personas = personas_from_environment(
        {"CIT_FAQ_FIRM_BACKUP_CODES": " 1111-aaaa, 2222-bbbb\n3333-cccc ,4444-dddd "}
    )
    codes = ("1111-aaaa", "2222-bbbb", "3333-cccc", "4444-dddd")
    assert personas["firm"].backup_codes == codes
    assert set(codes) <= secrets.registered()
    assert personas["firm"].has_second_factor and not personas["filer"].has_second_factor


def test_the_mock_gives_its_personas_keys_and_backup_codes() -> None:
    seeded = {"filer": {"username": "jdoe2020", "totp_secret": APP_KEY, "backup_codes": ["a1"]}}
    filer = personas_from_mock(seeded)["filer"]
    assert (filer.totp_secret, filer.backup_codes) == (APP_KEY, ("a1",))
