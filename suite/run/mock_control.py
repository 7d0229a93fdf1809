"""A small client for the mock's control API (`/_mock/...`), over plain HTTP.

Plain HTTP, not an import of mock_site, so the same client drives an embedded mock and a
mock in another process or container. A call the mock refuses raises MockControlError with
the mock's own explanation (its JSON {"error": ...}), not only an HTTP status.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, cast


class MockControlError(Exception):
    """The mock refused a control call; the message says which call and why."""


class MockControl:
    def __init__(self, control_url: str, timeout: float = 10.0) -> None:
        self.control_url = control_url.rstrip("/")
        self.timeout = timeout

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.control_url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                text = answer.read()
        except urllib.error.HTTPError as error:
            raise MockControlError(
                f"{method} {self.control_url}{path} answered {error.code}: {_reason(error)}"
            ) from None
        return json.loads(text) if text else None

    def reset(self, keep_sessions: bool = False) -> None:
        self._call("POST", "/reset", {"keep_sessions": keep_sessions})

    def personas(self) -> dict[str, dict[str, Any]]:
        return cast(dict[str, dict[str, Any]], self._call("GET", "/personas"))

    def activate(self, username: str) -> None:
        self._call("POST", "/activations", {"username": username})

    def set_today(self, today: str | None) -> None:
        self._call("POST", "/clock", {"today": today})

    def clock_now(self) -> float:
        """The mock's time (epoch seconds): real time plus what advance_clock added, the
        time its one-time passcodes are computed with."""
        return float(self._call("GET", "/clock")["now"])

    def advance_clock(self, seconds: float) -> None:
        self._call("POST", "/clock", {"advance_seconds": seconds})

    def set_mfa(self, username: str, **state: Any) -> None:
        """One account's MFA state (POST /_mock/mfa; fields: docs/mfa-interface.md)."""
        self._call("POST", "/mfa", {"username": username, **state})

    def outbox(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._call("GET", "/outbox"))

    def set_faults(self, faults: dict[str, Any]) -> None:
        self._call("POST", "/faults", faults)


def _reason(error: urllib.error.HTTPError) -> str:
    """The mock's {"error": ...} message, or the HTTP reason when the body has none."""
    try:
        said = json.loads(error.read()).get("error")
    except (ValueError, AttributeError, OSError):
        said = None
    return str(said) if said else str(error.reason)
