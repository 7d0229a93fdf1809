"""Fixtures for the mock's own tests: a fresh store per test, the four site apps on it, and
a small "browser" that follows redirects from one site to another like a real one.

Browser-free and in-process (Flask test clients), so these run in a few seconds.
"""

from __future__ import annotations

import dataclasses

import pytest
from flask import Flask

from mock_site import create_app
from mock_site.dialects import get_dialect
from mock_site.store import SITES, Store
from tests.mock.helpers import URLS, Browser, Clock, DialectBrowser


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> Store:
    return Store(time_fn=clock)


@pytest.fixture(scope="session")
def site_apps() -> dict[str, Flask]:
    # Building four Flask apps costs ~15 ms; all state lives in the store, so the apps are
    # built once and each test gets a fresh store installed into them (see `apps`).
    return {site: create_app(site, Store(), URLS, {"TEST_MODE": True}) for site in SITES}


def with_store(site_apps: dict[str, Flask], store: Store) -> dict[str, Flask]:
    """The apps, now on this store."""
    for app in site_apps.values():
        app.extensions["mock_site"] = dataclasses.replace(app.extensions["mock_site"], store=store)
    return site_apps


@pytest.fixture
def apps(site_apps: dict[str, Flask], store: Store) -> dict[str, Flask]:
    return with_store(site_apps, store)


@pytest.fixture
def visitor(apps: dict[str, Flask]) -> Browser:
    return Browser(apps)


@pytest.fixture
def other_visitor(apps: dict[str, Flask]) -> Browser:
    """A second person, with cookies of their own."""
    return Browser(apps)


@pytest.fixture(scope="session")
def production_apps() -> dict[str, Flask]:
    """The sites as people run them: no test mode, so no /_mock."""
    store = Store()
    return {site: create_app(site, store, URLS) for site in SITES}


# --- the alt dialect (mock_site/dialects/alt.py) --------------------------------------------
@pytest.fixture(scope="session")
def alt_site_apps() -> dict[str, Flask]:
    return {
        site: create_app(site, Store(), URLS, {"TEST_MODE": True}, dialect="alt") for site in SITES
    }


@pytest.fixture
def alt_apps(alt_site_apps: dict[str, Flask], store: Store) -> dict[str, Flask]:
    return with_store(alt_site_apps, store)


@pytest.fixture
def alt_visitor(alt_apps: dict[str, Flask]) -> Browser:
    """A person on the alt dialect's sites, who may be sent to the default's paths: the
    Browser takes them to the alt dialect's own (the journeys of the default tests run)."""
    return DialectBrowser(alt_apps, get_dialect("alt"))


@pytest.fixture
def alt_raw_visitor(alt_apps: dict[str, Flask]) -> Browser:
    """A person on the alt dialect's sites who goes exactly where told (no path mapping)."""
    return Browser(alt_apps)


# --- the plain dialect (mock_site/dialects/plain.py) ----------------------------------------
@pytest.fixture(scope="session")
def plain_site_apps() -> dict[str, Flask]:
    return {
        site: create_app(site, Store(), URLS, {"TEST_MODE": True}, dialect="plain")
        for site in SITES
    }


@pytest.fixture
def plain_visitor(plain_site_apps: dict[str, Flask], store: Store) -> Browser:
    """A person on the plain dialect's sites, sent to its own paths (as alt_visitor)."""
    return DialectBrowser(with_store(plain_site_apps, store), get_dialect("plain"))
