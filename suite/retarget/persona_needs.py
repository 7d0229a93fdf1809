"""Which fields each persona needs on a real portal, read from the code: no hand-written list.

A step asks for what it needs of a persona with `require(personas, KEY, *fields)` or
`persona_for(personas, who, *fields)` (steps/personas.py), and every scenario needs
ALWAYS_NEEDED of its persona. So the fields each persona needs are found by reading:

- the feature files (pytest-bdd's parser), each scenario's steps and tags;
- the step definition each step matches (pytest-bdd's own matching, as the dry run does);
- in each step function's module, the require()/persona_for() calls the function makes,
  directly or through the module's helpers and tables it names (sign_in.py reaches
  `_old_cmecf_login` through a dict). A literal KEY names that persona; any other KEY
  (`actor.key`, `who`) is the persona the step names, else the scenario's actor.

@mock_only scenarios never run on a real portal, so their needs are left out. Needs of
@destructive and @wrong_password scenarios, which run there only when allowed, are kept
apart; a @destructive scenario also needs court staff (the clerk), whose restores unlink what
it linked. A field added to Persona and asked for by a step is found the same way
(`require_method(actor, "backup_codes")`). Today's PACER asks for a passcode after every
password of an account with CM/ECF-level access, so each such persona that signs in needs its
authentication app's key too (NEVER_ASKED_FOR_A_PASSCODE are the exceptions).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from suite.authoring.faq import REPO_ROOT
from suite.authoring.features import FEATURES_DIR, load_features, relative, rendered
from suite.authoring.stepdefs import (
    FeatureStep,
    StepDef,
    load_step_definitions,
    registered_step_modules,
)
from suite.run.personas import FIELDS

LOOK_UPS = ("require", "persona_for")  # steps/personas.py
# `require_method(actor, FIELD)` (steps/second_factor.py): the step's own persona's key or codes.
METHOD_LOOK_UPS = ("require_method",)
# PACER asks everyone with CM/ECF-level access for a passcode after the password (since
# December 31, 2025: portal-reference.md). Each persona that signs in needs its app's key,
# but for the PACER-only accounts (never asked) and the one that must not be enrolled.
NEVER_ASKED_FOR_A_PASSCODE = ("firm", "legacy", "unenrolled")
ACTOR = None  # a look-up whose KEY is not a literal: the persona the step is about
# Scenarios a real portal runs only when allowed (--allow-destructive, --allow-wrong-passwords).
GATED_TAGS = ("destructive", "wrong_password")
MOCK_ONLY_TAG = "mock_only"
DESTRUCTIVE_TAG = "destructive"
RESTORER = "clerk"  # who puts back a destructive scenario's links on a real portal

Requirement = tuple[str | None, tuple[str, ...]]  # (persona key or ACTOR, fields)


@dataclass
class Needs:
    """One persona's fields, each with the scenarios that need it."""

    always: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gated: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def fields(self, gated: bool = False) -> list[str]:
        """In Persona's order; with gated=True, those only allowed scenarios need."""
        wanted = set(self.gated) - set(self.always) if gated else set(self.always)
        return [name for name in FIELDS if name in wanted]


def _defined_names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def _look_up(call: ast.Call) -> Requirement | None:
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
    if name in METHOD_LOOK_UPS:
        return ACTOR, tuple(
            a.value for a in call.args[1:] if isinstance(a, ast.Constant) and a.value in FIELDS
        )
    if name not in LOOK_UPS or len(call.args) < 2:
        return None
    key = call.args[1]
    persona = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ACTOR
    asked = tuple(
        a.value for a in call.args[2:] if isinstance(a, ast.Constant) and a.value in FIELDS
    )
    return persona, asked


@cache
def module_requirements(module_name: str) -> dict[str, frozenset[Requirement]]:
    """For each top-level name of a module, the look-ups it makes, directly or through the
    module's other top-level names it mentions."""
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    direct: dict[str, set[Requirement]] = {}
    mentions: dict[str, set[str]] = {}
    for node in tree.body:
        for name in _defined_names(node):
            calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
            direct[name] = {r for r in map(_look_up, calls) if r is not None}
            mentions[name] = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} - {name}
    total = {name: set(found) for name, found in direct.items()}
    changed = True
    while changed:  # until every name holds what the names it mentions hold
        changed = False
        for name, found in total.items():
            for other in mentions[name] & total.keys():
                if not total[other] <= found:
                    found |= total[other]
                    changed = True
    return {name: frozenset(found) for name, found in total.items()}


def step_requirements(definition: StepDef) -> frozenset[Requirement]:
    function = definition.context.step_func
    return module_requirements(function.__module__).get(function.__name__, frozenset())


def _persona_named(text: str, phrases: dict[str, str]) -> str | None:
    """The persona whose phrase the step text holds (the longest, if one contains another)."""
    found = [phrase for phrase in phrases if phrase in text]
    return phrases[max(found, key=len)] if found else None


def persona_needs(features_dir: Path = FEATURES_DIR, root: Path = REPO_ROOT) -> dict[str, Needs]:
    """Each persona's needs on a real portal, from the features and the steps' code."""
    from steps.personas import ALWAYS_NEEDED, PERSONA_PHRASES

    definitions = load_step_definitions(registered_step_modules(root / "conftest.py"), root)
    features, _ = load_features(features_dir, root)
    needs: dict[str, Needs] = {key: Needs() for key in PERSONA_PHRASES.values()}
    for feature in features:
        path = relative(feature.filename, root)
        for template in feature.scenarios.values():
            tags = feature.tags | template.tags
            if MOCK_ONLY_TAG in tags:
                continue
            gated = bool(tags & set(GATED_TAGS))
            where = f"{path}:{template.line_number}"
            if DESTRUCTIVE_TAG in tags:
                # Its restores: court staff unlink what it linked (steps/account_state.py).
                _add(needs[RESTORER], ALWAYS_NEEDED, where, gated)
            for _, scenario in rendered(template):
                actor: str | None = None
                for step in scenario.steps:
                    named = _persona_named(step.name, PERSONA_PHRASES)
                    actor = actor or named
                    feature_step = FeatureStep(
                        path, step.line_number, step.type, step.keyword, step.name
                    )
                    for definition in (d for d in definitions if d.matches(feature_step)):
                        for persona, asked in step_requirements(definition):
                            key = persona or named or actor
                            if key in needs:
                                _add(needs[key], (*ALWAYS_NEEDED, *asked), where, gated)
                if actor is not None:
                    _add(needs[actor], ALWAYS_NEEDED, where, gated)
    for key, persona_needs_ in needs.items():
        if key not in NEVER_ASKED_FOR_A_PASSCODE:
            for kept in (persona_needs_.always, persona_needs_.gated):
                if "password" in kept:
                    kept["totp_secret"] |= kept["password"]
    return needs


def _add(needs: Needs, names: Iterable[str], scenario: str, gated: bool) -> None:
    for name in names:
        (needs.gated if gated else needs.always)[name].add(scenario)
