"""Where the suite points: the four sites' base URLs, and whether they are our mock.

Precedence for each site, highest first: command-line option, environment variable,
named environment (environments.toml, chosen with --env), the embedded mock.
"""

from __future__ import annotations

import ipaddress
import json
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from suite.target.profiles import DEFAULT_PROFILE, Profile, load_profile, profile_file

SITES: tuple[str, ...] = ("court", "pacer", "pacer-login", "ecf")
# PACER login signs people in to the PACER website and CM/ECF: these three are real together
# or the mock together. The court website only links to them, so it may be pointed alone.
SIGN_ON_SITES: tuple[str, ...] = ("pacer", "pacer-login", "ecf")
ENVIRONMENTS_FILE = Path(__file__).resolve().parents[2] / "environments.toml"
# Every key an environment of environments.toml may hold (docs/targets.md "Named environments";
# `python -m suite target` shows each). Any other key is refused: a misspelt site would
# otherwise fall through to the embedded mock without a word.
ENVIRONMENT_KEYS: dict[str, str] = {
    "description": "what the environment is, for people (shown by python -m suite target)",
    "court": "base URL of the court website",
    "pacer": "base URL of the PACER website",
    "pacer-login": "base URL of PACER login (Central Sign-On)",
    "ecf": "base URL of the court's NextGen CM/ECF",
    "pacer-gov": "the old www.pacer.gov address, which must send people to the PACER website; "
    "default: the PACER website's address plus the profile's [paths] www_pacer_gov",
    "profile": "the target's profile, profiles/NAME.toml; default mock",
    "dialect": "the embedded mock's dialect (default or alt), for sites the environment gives "
    "no URL",
}
DEFAULT_ENVIRONMENT = "local"
PROFILE_VARIABLE = "CIT_FAQ_PROFILE"


class TargetError(Exception):
    """A target that cannot be used; the message is one line a person can act on."""


def option_name(site: str) -> str:
    return f"--{site}-url"


def env_var_name(site: str) -> str:
    return f"{site.replace('-', '_').upper()}_URL"


@dataclass(frozen=True)
class TargetPlan:
    """The URLs chosen before anything starts; sites missing here come from the embedded mock."""

    environment: str
    urls: dict[str, str]
    sources: dict[str, str]
    pacer_gov_url: str | None = None
    # The target's profile (profiles/NAME.toml), and the embedded mock's dialect.
    profile: str = DEFAULT_PROFILE
    dialect: str | None = None
    description: str = ""
    profile_source: str = "default"  # --profile, CIT_FAQ_PROFILE, the environment's, default

    @property
    def needs_embedded_mock(self) -> bool:
        return any(site not in self.urls for site in SITES)


@dataclass(frozen=True)
class Target:
    """The sites the suite drives. `is_mock` means the mock's control API answers."""

    environment: str
    urls: dict[str, str]
    is_mock: bool
    embedded: bool
    sources: dict[str, str] = field(default_factory=dict)
    pacer_gov_url: str | None = None
    profile: Profile = field(default_factory=load_profile)

    @property
    def control_url(self) -> str:
        # The control API answers on every site of a mock; CM/ECF is the one the FAQ is about.
        return self.urls["ecf"] + "/_mock"

    @property
    def www_pacer_gov(self) -> str:
        """The old www.pacer.gov address, which should send people to the PACER website."""
        return self.pacer_gov_url or self.urls["pacer"] + self.profile.path_of("www_pacer_gov")

    @property
    def kind(self) -> str:
        if self.embedded:
            return "embedded mock"
        return "mock" if self.is_mock else "real portal"


def load_environments(path: Path = ENVIRONMENTS_FILE) -> dict[str, dict[str, str]]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def plan_target(
    options: Mapping[str, str | None],
    environ: Mapping[str, str],
    environment: str | None,
    environments: Mapping[str, Mapping[str, str]] | None = None,
    profile: str | None = None,
) -> TargetPlan:
    """Choose each site's URL by precedence; raise TargetError on an unknown env or bad URL."""
    environments = environments if environments is not None else load_environments()
    name = environment or DEFAULT_ENVIRONMENT
    if name not in environments:
        known = ", ".join(sorted(environments))
        raise TargetError(f"unknown environment {name!r} for --env; known: {known}")
    named = environments[name]
    unknown = sorted(set(named) - set(ENVIRONMENT_KEYS))
    if unknown:
        raise TargetError(
            f"environment {name!r} in environments.toml has unknown key(s) "
            f"{', '.join(repr(key) for key in unknown)}; known: {', '.join(ENVIRONMENT_KEYS)}"
        )
    urls: dict[str, str] = {}
    sources: dict[str, str] = {}
    for site in SITES:
        for source, value in (
            (option_name(site), options.get(site)),
            (env_var_name(site), environ.get(env_var_name(site))),
            (f"environment {name!r}", named.get(site)),
        ):
            if value:
                urls[site] = validate_url(value, source)
                sources[site] = source
                break
    check_sign_on_sites(urls)
    pacer_gov = named.get("pacer-gov")
    # --profile (or CIT_FAQ_PROFILE), else the environment's own, else the mock's.
    profile_source, chosen_profile = next(
        (source, value)
        for source, value in (
            ("--profile", profile),
            (PROFILE_VARIABLE, environ.get(PROFILE_VARIABLE)),
            (f"environment {name!r}", named.get("profile")),
            ("default", DEFAULT_PROFILE),
        )
        if value
    )
    return TargetPlan(
        name,
        urls,
        sources,
        validate_url(pacer_gov, f"environment {name!r}: pacer-gov") if pacer_gov else None,
        profile=chosen_profile,
        dialect=named.get("dialect"),
        description=str(named.get("description", "")),
        profile_source=profile_source,
    )


def check_sign_on_sites(urls: Mapping[str, str]) -> None:
    """Refuse a mix of given and embedded sign-on sites.

    A mix would send a real site's users to the mock's PACER login, or the mock's personas
    to a real one; and with CM/ECF left to the mock, a real PACER would be taken for the mock,
    so @destructive scenarios would run there without --allow-destructive.
    """
    given = [site for site in SIGN_ON_SITES if site in urls]
    missing = [site for site in SIGN_ON_SITES if site not in urls]
    if given and missing:
        raise TargetError(
            f"{', '.join(given)} given without {', '.join(missing)}: PACER login, the PACER "
            f"website and CM/ECF sign people in together, so give all three or none (the court "
            f"website may be given alone); set {', '.join(option_name(s) for s in missing)} "
            f"or {', '.join(env_var_name(s) for s in missing)}"
        )


def validate_url(value: str, source: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetError(f"{source}: {value!r} is not an http(s) URL with a host")
    try:
        parts.port  # noqa: B018 - evaluating it is the check: a bad port raises
    except ValueError:
        raise TargetError(f"{source}: {value!r} has an invalid port") from None
    if parts.query or parts.fragment:
        raise TargetError(f"{source}: {value!r} must be a base URL, without ? or #")
    return value.strip().rstrip("/")


def check_reachable(site: str, url: str, timeout: float = 5.0) -> None:
    """Fail fast, before any browser starts, when a site does not answer at all."""
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url + "/", method="GET"), timeout=timeout
        ):
            pass
    except urllib.error.HTTPError:
        return  # it answered; an error page still proves the site is there
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise TargetError(f"cannot reach the {site} site at {url}: {reason}") from None


def unreachable(urls: Mapping[str, str], timeout: float = 5.0) -> list[str]:
    """Why each site that does not answer at all cannot be reached, asked all at once: offline,
    four sites would otherwise take four time-outs in turn."""

    def reason(site: str) -> str | None:
        try:
            check_reachable(site, urls[site], timeout)
        except TargetError as error:
            return str(error).removeprefix("cannot reach ")
        return None

    with ThreadPoolExecutor(max_workers=max(len(urls), 1)) as pool:
        reasons = list(pool.map(reason, urls))
    return [r for r in reasons if r is not None]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the redirect itself is the answer wanted


def check_sign_on(
    urls: Mapping[str, str],
    login_path: str,
    sources: Mapping[str, str] | None = None,
    timeout: float = 5.0,
) -> None:
    """A real portal's CM/ECF sends a visitor with no session to its PACER login [seen].

    Checked before any browser starts: a wrong ECF_URL, or a CM/ECF that signs on through
    another PACER login than PACER_LOGIN_URL, would otherwise fail every scenario after its
    waits time out (a staging audit's wrong target took 17 minutes to fail).
    """
    ecf, login = urls["ecf"], urls["pacer-login"]
    address = ecf + login_path
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(address, timeout=timeout) as answer:
            status, location = answer.status, ""
    except urllib.error.HTTPError as error:
        status, location = error.code, error.headers.get("Location", "")
    except (urllib.error.URLError, OSError) as error:
        raise TargetError(f"cannot reach the ecf site at {ecf}: {error}") from None
    if not 300 <= status < 400:
        raise TargetError(
            f"the ecf site at {ecf} does not look like NextGen CM/ECF: {login_path} answered "
            f"{status} instead of sending the browser to PACER login; check "
            f"{where_given(sources, 'ecf')}"
        )
    if urlsplit(urllib.parse.urljoin(address, location)).netloc != urlsplit(login).netloc:
        raise TargetError(
            f"the ecf site at {ecf} sends visitors to the PACER login at {location}, "
            f"not to the pacer-login site at {login}: give the one CM/ECF uses, in place of "
            f"{where_given(sources, 'pacer-login')}"
        )


def where_given(sources: Mapping[str, str] | None, site: str) -> str:
    """Where a site's URL was given, in the words a user would look for: --ecf-url, ECF_URL
    or environment 'staging' in environments.toml."""
    source = (sources or {}).get(site)
    if source is None:
        return f"{option_name(site)} or {env_var_name(site)}"
    if source.startswith("environment "):
        return f"{source} in environments.toml"
    return source


def probe_mock(ecf_url: str, timeout: float = 5.0) -> bool:
    """True when the site answers the mock's control API (so @mock_only scenarios can run)."""
    try:
        with urllib.request.urlopen(ecf_url + "/_mock/health", timeout=timeout) as answer:
            return json.load(answer).get("mock") is True
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def mock_profile_warning(plan: TargetPlan, profile: Profile, is_mock: bool) -> str | None:
    """One line when sites that are not this project's mock are checked with the mock's own
    profile: its paths and wording are the mock's, so a real portal fails wherever it differs.

    is_mock: whether the given sites answered the mock's control API (False when not asked,
    offline). Sites on this machine are taken for a mock started by hand (environment
    'mock') even when it does not answer: precision first.
    """
    if not plan.urls or profile.path.resolve() != profile_file(DEFAULT_PROFILE).resolve():
        return None
    if is_mock or all(_loopback(url) for url in plan.urls.values()):
        return None
    return (
        f"WARNING: environment {plan.environment!r} points at sites that are not this "
        f"project's mock, and uses profile {profile.name!r}, the mock's own paths and wording; "
        f"a real portal differs: write its profile (python -m suite probe, then calibrate, "
        f"docs/profiles.md 'Target profiles') and name it (profile = \"NAME\" in "
        f"environments.toml, --profile or {PROFILE_VARIABLE})"
    )
