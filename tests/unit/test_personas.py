"""Personas from the environment or an untracked file; secrets never in their repr."""

from __future__ import annotations

from pathlib import Path

from suite import secrets
from suite.personas import PERSONA_KINDS, personas_from_environment, variable_name


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


def test_passwords_are_registered_as_secrets_and_kept_out_of_repr() -> None:
    personas = personas_from_environment(
        {"CIT_FAQ_LEGACY_USERNAME": "LP9", variable_name("legacy", "password"): "Hush-4242"}
    )
    assert "Hush-4242" in secrets.registered()
    assert "Hush-4242" not in repr(personas["legacy"])
