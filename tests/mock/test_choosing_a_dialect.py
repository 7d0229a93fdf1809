"""How a dialect is chosen: the default one unless asked, "alt" by name in start_mock and on
`python -m mock_site --dialect`, an unknown name refused with a clear message; and the
control API of the alt dialect's apps, whose sign-in sends to the alt dialect's own page.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from flask import Flask

from mock_site.__main__ import parse_args
from mock_site.dialects import DEFAULT, get_dialect
from mock_site.server import start_mock
from tests.mock.helpers import URLS


def test_the_default_dialect_is_the_default(apps: dict[str, Flask]) -> None:
    assert get_dialect("default") is DEFAULT
    assert all(app.extensions["mock_site"].dialect is DEFAULT for app in apps.values())


def test_start_mock_serves_the_dialect_asked_for() -> None:
    with start_mock(dialect="alt") as running:
        assert running.dialect == "alt"
        court = running.urls["court"]
        with urllib.request.urlopen(court + "/about/contact-us", timeout=10) as answer:
            assert answer.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(court + "/contact", timeout=10)
        assert refused.value.code == 404
    with pytest.raises(ValueError, match="unknown dialect 'nope'"):
        start_mock(dialect="nope")


def test_the_command_line_takes_a_dialect(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_args([]).dialect == "default"
    assert parse_args(["--dialect", "alt"]).dialect == "alt"
    with pytest.raises(SystemExit):
        parse_args(["--dialect", "nope"])
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_the_control_api_is_the_dialects_own(alt_apps: dict[str, Flask]) -> None:
    client = alt_apps["court"].test_client()
    assert client.get("/_mock/health").json["mock"] is True
    url = client.post("/_mock/signin", json={"username": "jdoe2020", "site": "pacer"}).json
    assert url["url"].startswith(URLS["pacer"] + "/account/profile?ticket=")
    assert client.post("/_mock/reset").json == {"reset": True, "kept_sessions": False}
