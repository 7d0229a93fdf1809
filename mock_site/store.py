"""The one shared store behind all four sites: accounts, links, sessions, one-time tokens,
the outbox, the clock and the faults.

Every site app of one running mock holds the same Store, which is what makes a sign-in at
PACER login visible to CM/ECF. All access goes through one re-entrant lock, because the
servers answer requests in threads.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from werkzeug.security import check_password_hash, generate_password_hash

from mock_site import texts
from mock_site.mfa import MfaBook
from mock_site.personas import PERSONAS, seeded_mfa

SITES: tuple[str, ...] = ("court", "pacer", "pacer-login", "ecf")

# A cheap hash method on purpose: werkzeug's default (scrypt) costs tens of milliseconds a
# hash, and a sign-in is checked many times per test run. These are mock fixtures, not real
# secrets; hashing them at all is so the mock stores passwords the way a portal would.
HASH_METHOD = "pbkdf2:sha256:20000"

DEFAULT_SESSION_TTL = 30 * 60.0  # seconds of inactivity before a session ends
TICKET_TTL = 60.0  # a sign-in ticket is used within a second or two of being issued
PENDING_TTL = 10 * 60.0  # a half-done sign-in or link
RESET_TTL = 60 * 60.0  # a password reset link


@functools.lru_cache(maxsize=256)
def fixture_hash(password: str) -> str:
    """The hash of a fixture password, computed once per process.

    The suite resets the mock before every scenario; re-hashing a dozen passwords each time
    would cost far more than the reset itself. Caching keeps POST /_mock/reset at a few ms.
    Bounded, because POST /_mock/accounts hashes its passwords here too, as many as a
    caller sends; the seeds, used at every reset, stay in it.
    """
    return generate_password_hash(password, method=HASH_METHOD)


# A hash that matches nothing, checked for unknown usernames so that a wrong username costs
# the same time as a wrong password (no account discovery by timing).
_NO_MATCH_HASH = fixture_hash("no account has this password: " + secrets.token_hex(8))


@dataclass
class PacerAccount:
    username: str
    name: str
    email: str
    password_hash: str
    type: str = "upgraded"  # "upgraded" | "legacy"
    kind: str = "individual"  # "individual" | "shared"
    status: str = "active"  # "active" | "inactive"
    role: str = "user"  # "user" | "clerk"

    @property
    def can_file(self) -> bool:
        """Only an upgraded, individual account can e-file in NextGen (or link)."""
        return self.type == "upgraded" and self.kind == "individual"

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def is_clerk(self) -> bool:
        return self.role == "clerk"


@dataclass
class EcfAccount:
    login: str
    name: str
    password_hash: str
    linked_to: str | None = None  # the PACER username it is linked to


@dataclass
class Session:
    token: str
    site: str
    kind: str  # "anon" (a visitor with a form token) | "pacer" | "legacy" (pre-NextGen)
    subject: str  # PACER username ("pacer") or CM/ECF login ("legacy"); "" for "anon"
    csrf: str
    expires_at: float
    # The PACER sign-in this session came from: the PACER login session made by typing the
    # password, and the CM/ECF and PACER website sessions its tickets opened, share it (as
    # the real sites share the parent-domain NextGenCSO cookie). "" for anon and legacy.
    sign_on: str = ""


@dataclass
class Pending:
    """A one-time token: a sign-in ticket, a half-done sign-in or link, a reset link."""

    token: str
    purpose: str
    data: dict[str, str]
    expires_at: float
    session_token: str | None = None  # when set, only that session may use it


@dataclass
class Email:
    to: str
    subject: str
    body: str
    sender: str
    sent_at: str


@dataclass
class Faults:
    delay_ms: int = 0
    down: bool = False


@dataclass
class Store:
    session_ttl: float = DEFAULT_SESSION_TTL
    # The time source for expiry; tests replace it (or use advance()) to age sessions.
    time_fn: Callable[[], float] = time.time
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    accounts: dict[str, PacerAccount] = field(default_factory=dict)
    ecf_accounts: dict[str, EcfAccount] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    pending: dict[str, Pending] = field(default_factory=dict)
    outbox: list[Email] = field(default_factory=list)
    faults: Faults = field(default_factory=Faults)
    today_override: dt.date | None = None
    time_offset: float = 0.0
    default_today: dt.date | None = None  # from --today; what reset returns to
    # Multifactor authentication: each account's methods, used codes, lockouts (mfa.py).
    mfa: MfaBook = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.mfa = MfaBook(self.lock)
        self.reset()

    # --- state ------------------------------------------------------------------------------
    def reset(self, keep_sessions: bool = False) -> None:
        """Back to the seeded state: accounts, links, sessions, outbox, clock, faults, and
        each account's MFA methods and lockout (but not the passcodes used: see mfa.py).

        keep_sessions keeps the sign-ins of seeded accounts, so that a test suite can reuse a
        browser's signed-in state across resets instead of signing in before every scenario.
        """
        with self.lock:
            kept = dict(self.sessions) if keep_sessions else {}
            self.accounts = {}
            self.ecf_accounts = {}
            for seed in PERSONAS:
                self.accounts[seed.username] = PacerAccount(
                    seed.username, seed.name, seed.email, fixture_hash(seed.password),
                    seed.type, seed.kind, seed.status, seed.role,
                )  # fmt: skip
                for ecf in (seed.ecf, seed.wrong_ecf):
                    if ecf is not None:
                        self.ecf_accounts[ecf.login] = EcfAccount(
                            ecf.login,
                            ecf.name,
                            fixture_hash(ecf.password),
                            seed.username if ecf.linked else None,
                        )
            subjects = set(self.accounts) | set(self.ecf_accounts)
            self.sessions = {k: v for k, v in kept.items() if v.subject in subjects}
            self.pending = {}
            self.outbox = []
            self.faults = Faults()
            self.today_override = self.default_today
            self.time_offset = 0.0
            self.mfa.reset({seed.username: seeded_mfa(seed) for seed in PERSONAS}, self.now())

    # --- clock ------------------------------------------------------------------------------
    def now(self) -> float:
        return self.time_fn() + self.time_offset

    def today(self) -> dt.date:
        with self.lock:
            return self.today_override or dt.date.today()

    def is_nextgen(self) -> bool:
        """From March 16, 2020 CM/ECF signs people in through PACER."""
        return self.today() >= texts.CUTOVER_DATE

    def set_today(self, today: dt.date | None) -> None:
        with self.lock:
            self.today_override = today

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.time_offset += seconds

    # --- sessions ---------------------------------------------------------------------------
    def new_session(
        self, site: str, kind: str = "anon", subject: str = "", sign_on: str = ""
    ) -> Session:
        with self.lock:
            self._prune()
            session = Session(
                secrets.token_urlsafe(32),
                site,
                kind,
                subject,
                secrets.token_urlsafe(32),
                self.now() + self.session_ttl,
                sign_on,
            )
            self.sessions[session.token] = session
            return session

    def get_session(self, site: str, token: str | None) -> Session | None:
        """The live session for a cookie value; each use extends it (an idle timeout)."""
        if not token:
            return None
        with self.lock:
            session = self.sessions.get(token)
            if session is None or session.site != site:
                return None
            now = self.now()
            if session.expires_at <= now:
                del self.sessions[token]
                return None
            session.expires_at = now + self.session_ttl
            return session

    def end_session(self, token: str) -> None:
        with self.lock:
            self.sessions.pop(token, None)
            for key in [k for k, p in self.pending.items() if p.session_token == token]:
                del self.pending[key]

    def end_sign_on(self, sign_on: str) -> None:
        """Log out everywhere: every site's session of that PACER sign-in, and its unused
        tickets (a ticket issued just before the logout must not sign anyone back in)."""
        if not sign_on:
            return
        with self.lock:
            for token in [t for t, s in self.sessions.items() if s.sign_on == sign_on]:
                self.end_session(token)
            for key in [k for k, p in self.pending.items() if p.data.get("sign_on") == sign_on]:
                del self.pending[key]

    # --- one-time tokens --------------------------------------------------------------------
    def issue(
        self, purpose: str, data: dict[str, str], ttl: float, session_token: str | None = None
    ) -> str:
        with self.lock:
            self._prune()
            token = secrets.token_urlsafe(32)
            self.pending[token] = Pending(token, purpose, data, self.now() + ttl, session_token)
            return token

    def peek(self, purpose: str, token: str, session_token: str | None = None) -> Pending | None:
        """The live token of that purpose (and session, when it is bound to one), or None."""
        if not token:
            return None
        with self.lock:
            pending = self.pending.get(token)
            if pending is None or pending.purpose != purpose:
                return None
            if pending.expires_at <= self.now():
                del self.pending[token]
                return None
            if pending.session_token is not None and pending.session_token != session_token:
                return None
            return pending

    def take(
        self,
        purpose: str,
        token: str,
        session_token: str | None = None,
        remember_as: str | None = None,
    ) -> Pending | None:
        """Like peek, but the token is used up: a second take of it finds nothing.

        With remember_as, the used token stays until it would have expired, under that
        purpose, so that a second use (a double click) can be told what happened to the first.
        """
        with self.lock:
            pending = self.peek(purpose, token, session_token)
            if pending is not None:
                del self.pending[token]
                if remember_as is not None:
                    self.pending[token] = replace(pending, purpose=remember_as)
            return pending

    def _prune(self) -> None:
        # Keep memory flat in a long run: drop what has expired, now and then.
        if len(self.sessions) + len(self.pending) < 2000:
            return
        now = self.now()
        self.sessions = {k: s for k, s in self.sessions.items() if s.expires_at > now}
        self.pending = {k: p for k, p in self.pending.items() if p.expires_at > now}

    # --- accounts ---------------------------------------------------------------------------
    def check_pacer(self, username: str, password: str) -> PacerAccount | None:
        with self.lock:
            account = self.accounts.get(username)
            stored = account.password_hash if account else _NO_MATCH_HASH
        ok = check_password_hash(stored, password)
        return account if ok and account is not None else None

    def check_ecf(self, login: str, password: str) -> tuple[EcfAccount | None, bool]:
        """(the CM/ECF account with that login or None, whether the password matches)."""
        with self.lock:
            account = self.ecf_accounts.get(login)
            stored = account.password_hash if account else _NO_MATCH_HASH
        return account, check_password_hash(stored, password) and account is not None

    def linked_ecf(self, username: str) -> EcfAccount | None:
        with self.lock:
            for account in self.ecf_accounts.values():
                if account.linked_to == username:
                    return account
            return None

    def set_password(self, username: str, password: str) -> None:
        with self.lock:
            self.accounts[username].password_hash = generate_password_hash(
                password, method=HASH_METHOD
            )

    def activate(self, username: str) -> bool:
        """The PACER account becomes active (its credit card is on file); False if unknown."""
        with self.lock:
            account = self.accounts.get(username)
            if account is None:
                return False
            account.status = "active"
            return True

    def send_email(self, to: str, subject: str, body: str, sender: str) -> None:
        with self.lock:
            sent_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            self.outbox.append(Email(to, subject, body, sender, sent_at))

    def outbox_json(self) -> list[dict[str, Any]]:
        with self.lock:
            return [asdict(email) for email in self.outbox]

    # --- links ------------------------------------------------------------------------------
    def link(self, username: str, ecf_login: str) -> str:
        """Link atomically; "linked", or why not: "already", "taken", "unknown"."""
        with self.lock:
            ecf = self.ecf_accounts.get(ecf_login)
            if ecf is None or username not in self.accounts:
                return "unknown"
            if self.linked_ecf(username) is not None:
                return "already"
            if ecf.linked_to is not None:
                return "taken"
            ecf.linked_to = username
            return "linked"

    def unlink(self, ecf_login: str) -> str | None:
        """Unlink atomically; the PACER username it was linked to, or None."""
        with self.lock:
            ecf = self.ecf_accounts.get(ecf_login)
            if ecf is None or ecf.linked_to is None:
                return None
            username, ecf.linked_to = ecf.linked_to, None
            return username
