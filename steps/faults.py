"""PACER login down or slow: the mock's fault injection, and what the filer then meets."""

from __future__ import annotations

from playwright.sync_api import Request
from pytest_bdd import given, parsers, then

from pages.portal import Portal
from steps.personas import THE_ACTOR
from suite.run.mock_control import MockControl

TOPIC = (
    "When PACER login is down or slow",
    "Faults the mock injects into PACER login (the mock only: tag the scenario @mock_only).",
)


@given("PACER login is down")
def pacer_login_is_down(control: MockControl) -> None:
    control.set_faults({"pacer_login": {"down": True}})


# Slower than a person would like, well inside the suite's navigation timeout.
SLOW_PACER_LOGIN_MS = 1500


@given("PACER login answers slowly", target_fixture="pacer_login_waits")
def pacer_login_is_slow(control: MockControl, portal: Portal) -> list[float]:
    """Slow PACER login down, and note how long the browser waits for each of its pages."""
    control.set_faults({"pacer_login": {"delay_ms": SLOW_PACER_LOGIN_MS}})
    waits: list[float] = []
    login_site = portal.urls["pacer-login"]

    def note_wait(request: Request) -> None:
        if request.resource_type == "document" and request.url.startswith(login_site):
            timing = request.timing  # milliseconds since the request started
            waits.append(timing["responseStart"] - timing["requestStart"])

    portal.page.on("requestfinished", note_wait)
    return waits


@then(parsers.re(rf"{THE_ACTOR} had to wait for every PACER login page"))
def waited_for_pacer_login(pacer_login_waits: list[float]) -> None:
    """After `Given PACER login answers slowly`."""
    # Without this, a fault that never applied would let the scenario pass as easily.
    assert pacer_login_waits, "the filer loaded no PACER login page"
    quick = [round(wait) for wait in pacer_login_waits if wait < SLOW_PACER_LOGIN_MS]
    assert not quick, (
        f"PACER login answered in {quick} ms, not slowly (at least {SLOW_PACER_LOGIN_MS} ms)"
    )
