"""The artefact scrubber masks a password in every encoding a trace or report holds it."""

from __future__ import annotations

import json
import urllib.parse
import zipfile
from pathlib import Path

from suite.run import secrets

SECRET = 'S3ntinel p&ss "quoted" é'


def test_mask_covers_raw_url_and_json_encodings() -> None:
    secrets.register(SECRET)
    data = " ".join(
        [
            SECRET,
            urllib.parse.quote(SECRET, safe=""),
            urllib.parse.quote_plus(SECRET),
            json.dumps(SECRET),
            json.dumps(SECRET, ensure_ascii=False),
        ]
    ).encode()
    masked = secrets.mask(data)
    for form in (SECRET, urllib.parse.quote_plus(SECRET), json.dumps(SECRET)[1:-1]):
        assert form.encode() not in masked
    assert masked.count(secrets.MASK.encode()) == 5


def test_a_trace_zip_is_rewritten_without_the_secret(tmp_path: Path) -> None:
    secrets.register(SECRET)
    trace = tmp_path / "trace.zip"
    with zipfile.ZipFile(trace, "w") as archive:
        archive.writestr("trace.trace", json.dumps({"params": {"value": SECRET}}))
        archive.writestr(
            "resources/body", "loginForm%3Apassword=" + urllib.parse.quote_plus(SECRET)
        )
    assert secrets.scrub_file(trace)
    with zipfile.ZipFile(trace) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert SECRET.encode() not in everything
    assert urllib.parse.quote_plus(SECRET).encode() not in everything
    assert not secrets.scrub_file(trace), "a clean file is left as it is"


PASSCODE = "402917"


def test_a_passcode_is_masked_where_it_was_typed_and_sent_never_inside_a_number() -> None:
    secrets.register(PASSCODE)
    typed = [
        f'{{"method":"fill","params":{{"value":"{PASSCODE}"}}}}',  # a trace's action
        f"passcode={PASSCODE}&csrf_token=x",  # a form post
        f'locator.fill("{PASSCODE}")',  # Playwright's call log in a failure
        f'<input value="{PASSCODE}">',  # a DOM snapshot
        f"typed {PASSCODE}",
    ]
    numbers = [
        f'{{"wallTime":1733{PASSCODE}512,"size":{PASSCODE},"t": {PASSCODE}}}',
        f"[{PASSCODE}, {PASSCODE}]",
        f"{PASSCODE}.25 ms, 0.{PASSCODE}, -{PASSCODE}, a{PASSCODE}",
    ]
    for text in typed:
        assert PASSCODE.encode() not in secrets.mask(text.encode()), text
    for text in numbers:
        assert secrets.mask(text.encode()) == text.encode(), text
        json.loads(secrets.mask(numbers[0].encode()))  # a trace's JSON stays JSON


def test_a_full_traces_screencast_loses_the_frames_of_a_secret_on_screen(tmp_path: Path) -> None:
    """Frames are images: no mask reaches a passcode typed in its field, so the frames of
    that moment go (their events and their images), and the others stay."""
    secrets.shown_on_screen(1000.0, 1002.0)  # seconds; frame times are milliseconds

    def frame(sha1: str, wall_ms: float) -> str:
        event = {"type": "screencast-frame", "sha1": sha1, "frameSwapWallTime": wall_ms}
        return json.dumps(event)

    trace = tmp_path / "trace.zip"
    with zipfile.ZipFile(trace, "w") as archive:
        events = [frame("before.jpeg", 990_000), frame("typed.jpeg", 1_001_000)]
        events += [frame("after.jpeg", 1_010_000), json.dumps({"type": "before"})]
        archive.writestr("trace.trace", "\n".join(events) + "\n")
        for name in ("before.jpeg", "typed.jpeg", "after.jpeg"):
            archive.writestr(f"resources/{name}", b"\xff\xd8 an image")
    assert secrets.scrub_file(trace)
    with zipfile.ZipFile(trace) as archive:
        names = archive.namelist()
        kept = archive.read("trace.trace").decode()
    assert sorted(names) == ["resources/after.jpeg", "resources/before.jpeg", "trace.trace"]
    assert "typed.jpeg" not in kept and "before.jpeg" in kept and '"before"' in kept
