"""Keep passwords out of every artefact a run leaves behind, and out of what pytest prints.

Playwright traces record the text typed into fields and the bodies of form posts, so a
trace of a sign-in holds the password. Rather than switch tracing off, each artefact is
rewritten with every known secret (in every encoding a trace or a report may hold it)
replaced by a mask, as soon as the test that made it is over. A failure's text holds them
too: Playwright's call log lists `fill("<password>")`, and `--showlocals` prints arguments;
`masked` rewrites a test report before the terminal or junit.xml sees it.

The same goes for multifactor authentication: authentication-app keys, backup codes and
every one-time passcode the suite computes are registered too. A passcode is six digits, and
traces are full of numbers (timestamps, sizes): a digit-only secret is masked only where it
stands as a value of its own (quoted, after `=`, `(`, `>` or a space), never inside a longer
number or where it would be a JSON number, so that masking cannot corrupt a trace.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import urllib.parse
import zipfile
from pathlib import Path
from typing import Any

MASK = "[secret]"
_SECRETS: set[str] = set()
# When a secret may have been on screen (a passcode typed in its field, a key shown): wall-clock
# seconds, from, until (inf: to the end of the scenario). A trace's screencast (--trace-detail
# full) is images, which no mask reaches: its frames of those moments are dropped.
_ON_SCREEN: list[tuple[float, float]] = []
_FRAME_SLACK = 0.5  # seconds either side: a frame is swapped a little after it is drawn
_TEXT_SUFFIXES = {".html", ".xml", ".json", ".txt", ".log", ".md", ".csv", ".trace", ".network"}


def register(secret: str | None) -> None:
    if secret:
        _SECRETS.add(secret)


def shown_on_screen(since: float, until: float = math.inf) -> None:
    """A secret may be on screen from `since` (time.time()) until `until`."""
    _ON_SCREEN.append((since, until))


def registered() -> frozenset[str]:
    return frozenset(_SECRETS)


def _encodings(secret: str) -> set[bytes]:
    forms = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
    }
    return {form.encode() for form in forms if form}


def _standing_alone(digits: str) -> re.Pattern[bytes]:
    """A digit-only secret where it is a value of its own: not part of a longer word or
    number (a timestamp), and not a JSON number (after `:`, `,` or `[`, spaced or not)."""
    return re.compile(
        rb"(?<![\w.+\-:,\[])(?<!: )(?<!, )" + re.escape(digits.encode()) + rb"(?!\w)(?!\.\d)"
    )


def mask(data: bytes, secrets: frozenset[str] | None = None) -> bytes:
    # Longest first, so that a secret containing another is masked whole.
    for secret in sorted(secrets if secrets is not None else _SECRETS, key=len, reverse=True):
        if secret.isdigit():
            data = _standing_alone(secret).sub(MASK.encode(), data)
            continue
        for form in sorted(_encodings(secret), key=len, reverse=True):
            data = data.replace(form, MASK.encode())
    return data


def scrub_file(path: Path) -> bool:
    """Mask secrets in one artefact in place; True when something was masked."""
    if not (_SECRETS or _ON_SCREEN) or not path.is_file():
        return False
    if zipfile.is_zipfile(path):
        return _scrub_zip(path)
    if path.suffix not in _TEXT_SUFFIXES:
        return False
    data = path.read_bytes()
    cleaned = mask(data)
    if cleaned != data:
        path.write_bytes(cleaned)
    return cleaned != data


def _scrub_zip(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    dropped, members = _without_secret_frames(members)
    cleaned = [(info, mask(data)) for info, data in members]
    unchanged = all(new == old for (_, new), (_, old) in zip(cleaned, members, strict=True))
    if unchanged and not dropped:
        return False
    temporary = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in cleaned:
            archive.writestr(info, data)
    os.replace(temporary, path)
    return True


def _on_screen(wall_ms: object) -> bool:
    if not isinstance(wall_ms, (int, float)):
        return False
    moment = wall_ms / 1000
    return any(a - _FRAME_SLACK <= moment <= b + _FRAME_SLACK for a, b in _ON_SCREEN)


def _without_secret_frames(
    members: list[tuple[zipfile.ZipInfo, bytes]],
) -> tuple[bool, list[tuple[zipfile.ZipInfo, bytes]]]:
    """A Playwright trace's members without the screencast frames of the moments a secret
    was on screen (their events in *.trace, and their images)."""
    if not _ON_SCREEN:
        return False, members
    gone: set[str] = set()
    kept = []
    for info, data in members:
        if info.filename.endswith(".trace"):
            lines = []
            for line in data.splitlines(keepends=True):
                if b'"screencast-frame"' in line:
                    event = json.loads(line)
                    if _on_screen(event.get("frameSwapWallTime")):
                        gone.add(str(event.get("sha1") or event.get("file", "")).split("/")[-1])
                        continue
                lines.append(line)
            data = b"".join(lines)
        kept.append((info, data))
    kept = [(info, data) for info, data in kept if info.filename.split("/")[-1] not in gone]
    return bool(gone), kept


def mask_text(text: str) -> str:
    return mask(text.encode()).decode() if _SECRETS else text


def masked(value: Any) -> Any:
    """value with every known secret masked in its strings: a pytest report's longrepr
    (its dataclasses are changed in place), its sections, or plain text."""
    if not _SECRETS:
        return value
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [masked(item) for item in value]
    if isinstance(value, tuple):
        return tuple(masked(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            setattr(value, field.name, masked(getattr(value, field.name)))
    return value
