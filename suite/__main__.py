"""python -m suite: look at a target before running the suite against it.

python -m suite target   [--env NAME]   which URL each site resolves to, and from where; warns
                                        when a real target would use the mock's profile
python -m suite personas [--env NAME]   which personas are configured (never their secrets), and
                                        every variable each still needs
python -m suite profile  [--env NAME] [--profile NAME] [--guesses | --check]
                                        the target's profile: its values by source, how many
                                        are guessed (--guesses lists them); --check only checks
                                        it, offline, as a run would at start-up
python -m suite probe     [--env NAME] [--profile NAME]
                                        each path and label of the profile against the
                                        target's public pages (docs/profiles.md "Target profiles")
python -m suite calibrate [--env NAME] [--profile NAME] [--allow-destructive]
                          [--allow-wrong-passwords] [--out DIR]
                                        run the non-destructive scenarios, record what the
                                        target shows where the profile differs: a draft profile
                                        and its diff, for a person to review
python -m suite trace PATH [--serve] [--port N]
                                        a Playwright trace (trace.zip, or the artefact folder
                                        holding it) in the suite's Chromium; --serve: the
                                        viewer's address for any browser (suite/run/trace_viewer.py)
"""

from __future__ import annotations

import argparse
import os
import sys

from suite.retarget import commands as retarget
from suite.retarget.persona_needs import persona_needs
from suite.run import trace_viewer
from suite.run.personas import FIELDS, PERSONA_KINDS, Persona, personas_from_environment
from suite.run.trace_viewer import TraceError
from suite.target.profiles import ProfileError, load_profile, summary
from suite.target.sites import SITES, TargetError, mock_profile_warning, plan_target, probe_mock

# Shown as they are: who a persona is, never how it signs in. Every other field, a password
# or any field added later (an MFA secret), shows only "set" or "-": safe by default.
SHOWN_FIELDS = ("username", "name", "email", "ecf_login", "wrong_ecf_login")


def shown_fields(persona: Persona) -> list[str]:
    """Each field as `name=value`, a field not in SHOWN_FIELDS as only 'set' or '-'."""
    shown = []
    for name in FIELDS:
        value = getattr(persona, name)
        if name == "backup_codes":  # each one secret, but how many is worth knowing
            shown.append(f"{name}={len(value)} given" if value else f"{name}=-")
        else:
            shown.append(f"{name}={(value if name in SHOWN_FIELDS else 'set') if value else '-'}")
    return shown


def show_target(args: argparse.Namespace) -> int:
    """Every key of the environment (ENVIRONMENT_KEYS), its value and where it comes from."""
    plan = plan_target({}, os.environ, args.env, profile=args.profile)
    profile = load_profile(plan.profile)
    print(f"environment: {plan.environment}  (environments.toml [{plan.environment}])")
    print(f"  {'description':<12} {plan.description or '-'}")
    for site in SITES:
        where = plan.urls.get(site, "embedded mock")
        print(f"  {site:<12} {where}  ({plan.sources.get(site, 'default')})")
    if plan.pacer_gov_url:
        pacer_gov = f"{plan.pacer_gov_url}  (environment {plan.environment!r})"
    else:
        pacer = plan.urls.get("pacer", "<the embedded mock's PACER website>")
        pacer_gov = (
            f"{pacer}{profile.path_of('www_pacer_gov')}  (default: the PACER website and the "
            f"profile's [paths] www_pacer_gov)"
        )
    print(f"  {'pacer-gov':<12} {pacer_gov}")
    print(f"  {'profile':<12} {plan.profile}  ({plan.profile_source}; {profile.path})")
    dialect = plan.dialect or "default"
    used = "" if plan.needs_embedded_mock else "; not used: every site has a URL"
    print(f"  {'dialect':<12} {dialect}  (the embedded mock's{used})")
    print(summary(profile))
    is_mock = "ecf" in plan.urls and probe_mock(plan.urls["ecf"])
    warning = mock_profile_warning(plan, profile, is_mock)
    if warning:
        print(warning)
    return 0


def show_profile(args: argparse.Namespace) -> int:
    plan = plan_target({}, os.environ, args.env, profile=args.profile)
    profile = load_profile(plan.profile)  # raises, naming what is wrong, for --check too
    if args.check:
        print(f"profile check: OK: {profile.path} gives every value the suite needs")
        print(summary(profile))
        return 0
    print(f"{summary(profile)}  ({profile.path})")
    for (group, key), value in profile.values.items():
        if args.guesses and value.source != "guess":
            continue
        where = ", ".join(part for part in (value.checked(), value.ref) if part)
        print(f"  [{group}] {key}: {value.value!r}  ({value.source}: {where})")
    return 0


def show_personas(args: argparse.Namespace) -> int:
    plan = plan_target({}, os.environ, args.env)
    if plan.needs_embedded_mock:
        print(
            f"environment {plan.environment!r} uses the embedded mock: its seeded personas "
            "are used (docs/mock.md 'Personas'); nothing to configure."
        )
        return 0
    if probe_mock(plan.urls["ecf"]):
        print(
            f"environment {plan.environment!r} is this project's mock: the suite takes the "
            "personas from its control API (/_mock/personas); nothing to configure."
        )
        return 0
    personas = personas_from_environment()
    needs = persona_needs()
    print(f"environment {plan.environment!r}: personas from CIT_FAQ_* variables")
    print(
        "  (what each needs is read from the features and the steps; a password or an "
        "authentication-app key shows only 'set' or '-', backup codes only how many)"
    )
    for key, kind in PERSONA_KINDS.items():
        persona, need = personas[key], needs.get(key)
        missing = persona.missing(*need.fields()) if need else []
        allowed_only = persona.missing(*need.fields(gated=True)) if need else []
        if need is None or not (need.fields() or need.fields(gated=True)):
            state = "needs nothing: no scenario a real portal runs is about it"
        elif not need.fields():
            state = "needed only by --allow-destructive or --allow-wrong-passwords runs"
        elif missing:
            state = "NOT configured: set " + ", ".join(missing)
        else:
            state = "configured"
        print(f"  {key:<13} {state}  - {kind}")
        if allowed_only:
            print(
                "      for --allow-destructive or --allow-wrong-passwords runs also set "
                + ", ".join(allowed_only)
            )
        print("      " + " ".join(shown_fields(persona)))
    return 0


def show_trace(args: argparse.Namespace) -> int:
    return trace_viewer.show(args.path, serve_only=args.serve, port=args.port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m suite", description=__doc__.splitlines()[0])
    parser.add_argument(
        "command", choices=("target", "personas", "profile", "probe", "calibrate", "trace")
    )
    parser.add_argument("path", nargs="?", help="trace: a trace.zip or the folder holding it")
    parser.add_argument("--env", help="named environment from environments.toml")
    parser.add_argument("--profile", help="profile name (profiles/NAME.toml) or .toml path")
    parser.add_argument("--guesses", action="store_true", help="profile: list only guesses")
    parser.add_argument(
        "--check", action="store_true", help="profile: check it offline, as a run's start does"
    )
    parser.add_argument(
        "--serve", action="store_true", help="trace: serve the viewer, print its address"
    )
    parser.add_argument("--port", type=int, default=0, help="trace: the port (default: any)")
    retarget.add_arguments(parser)
    args = parser.parse_args(argv)
    if (args.command == "trace") != (args.path is not None):
        parser.error("a PATH goes with trace, and only with trace")
    commands = {
        "target": show_target,
        "personas": show_personas,
        "profile": show_profile,
        "probe": retarget.probe_command,
        "calibrate": retarget.calibrate_command,
        "trace": show_trace,
    }
    try:
        return commands[args.command](args)
    except (TargetError, ProfileError, TraceError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
