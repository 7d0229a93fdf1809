"""A small client for the mock's control API (`/_mock/...`), over plain HTTP.

Plain HTTP, not an import of mock_site, so the same client drives an embedded mock, a mock
in another process or container, and fails clearly against a real portal.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any, cast


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
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def reset(self, keep_sessions: bool = False) -> None:
        self._call("POST", "/reset", {"keep_sessions": keep_sessions})

    def personas(self) -> dict[str, dict[str, Any]]:
        return cast(dict[str, dict[str, Any]], self._call("GET", "/personas"))

    def activate(self, username: str) -> None:
        self._call("POST", "/activations", {"username": username})

    def set_today(self, today: str | None) -> None:
        self._call("POST", "/clock", {"today": today})

    def outbox(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._call("GET", "/outbox"))

    def set_faults(self, faults: dict[str, Any]) -> None:
        self._call("POST", "/faults", faults)
