"""A mock of the four websites of the FAQ "Linking CM/ECF Accounts and Upgraded PACER
Accounts": the court website, the PACER website, PACER login and the court's NextGen
CM/ECF. Each site is its own Flask app on its own origin; all share one Store.

    from mock_site.server import start_mock
    with start_mock() as running:
        print(running.urls["ecf"])

or `python -m mock_site --test-mode`. The pages, names and messages are in
docs/portal-map.md; the words themselves in mock_site/texts.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from mock_site import (
    control,
    control_mfa,  # noqa: F401 - its routes go on the control API's blueprint
    security,
    web,
)
from mock_site.dialects import Dialect, DialectPaths, get_dialect
from mock_site.sites import (
    court,
    ecf,
    ecf_unlink,  # noqa: F401 - its routes go on the CM/ECF blueprint
    mfa_settings,  # noqa: F401 - its routes go on the PACER website's blueprint
    pacer,
    pacer_login,
)
from mock_site.store import SITES, Store

__all__ = ["SITES", "Store", "create_app"]


def create_app(
    site: str,
    store: Store,
    urls: Mapping[str, str],
    config: Mapping[str, Any] | None = None,
    dialect: str | Dialect = "default",
) -> Flask:
    """The Flask app of one site ("court", "pacer", "pacer-login" or "ecf").

    urls maps every site key to its base URL (no trailing slash), so pages can link across
    sites. config may set TEST_MODE (mounts the /_mock control API) and any Flask setting.
    dialect ("default" or "alt", see mock_site/dialects/) chooses the unsourced wording,
    paths, markup and behaviour; the /_mock control API is the same in every dialect.
    """
    chosen = get_dialect(dialect)
    if site not in SITES:
        raise ValueError(f"unknown site {site!r}; expected one of {', '.join(SITES)}")
    missing = [key for key in SITES if key not in urls]
    if missing:
        raise ValueError(f"urls lacks {', '.join(missing)}")

    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=security.MAX_CONTENT_LENGTH,
        TEST_MODE=False,
        # Errors become error pages (never propagated), also under the test client.
        PROPAGATE_EXCEPTIONS=False,
        TRAP_HTTP_EXCEPTIONS=False,
    )
    app.config.update(config or {})
    app.debug = False
    app.jinja_env.autoescape = True  # every template is HTML; never reflect a script
    test_mode = bool(app.config["TEST_MODE"])
    app.extensions["mock_site"] = web.MockSite(
        site, store, {key: urls[key].rstrip("/") for key in SITES}, test_mode, chosen
    )
    web.install(app)

    blueprint = {
        "court": court.bp,
        "pacer": pacer.bp,
        "pacer-login": pacer_login.bp,
        "ecf": ecf.bp,
    }[site]
    app.register_blueprint(blueprint)
    if test_mode:
        app.register_blueprint(control.bp)  # with control_mfa's routes
    if chosen.paths or chosen.missing:
        app.wsgi_app = DialectPaths(app.wsgi_app, chosen)  # type: ignore[method-assign]
    return app
