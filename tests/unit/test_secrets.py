"""The artefact scrubber masks a password in every encoding a trace or report holds it."""

from __future__ import annotations

import json
import urllib.parse
import zipfile
from pathlib import Path

from suite import secrets

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
