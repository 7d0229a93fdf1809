"""python -m suite: look at a target before running the suite against it.

python -m suite target   [--env NAME]   which URL each site resolves to, and from where
python -m suite personas [--env NAME]   which personas are configured (never their secrets)
python -m suite profile  [--env NAME] [--profile NAME] [--guesses]
                                        the target's profile: its values by source, how many
                                        are guessed (--guesses lists them)
python -m suite probe     [--env NAME] [--profile NAME]
                                        each path and label of the profile against the
                                        target's public pages (README "Against a staging portal")
python -m suite calibrate [--env NAME] [--profile NAME] [--allow-destructive]
                          [--allow-wrong-passwords] [--out DIR]
                                        run the non-destructive scenarios, record what the
                                        target shows where the profile differs: a draft profile
                                        and its diff, for a person to review
"""

from __future__ import annotations

import argparse
import os
import sys

from suite import retarget
from suite.personas import PERSONA_KINDS, SECRET_FIELDS, personas_from_environment
from suite.profiles import ProfileError, load_profile, summary
from suite.targets import SITES, TargetError, plan_target, probe_mock

NEEDED = ("username", "password")
# Shown as "set" or "-" when secret, as themselves otherwise (logins and emails are not secret).
DETAILS = (
    "username",
    "email",
    "ecf_login",
    "ecf_password",
    "wrong_ecf_login",
    "wrong_ecf_password",
    "totp_secret",
    "backup_codes",
)


def show_target(args: argparse.Namespace) -> int:
    plan = plan_target({}, os.environ, args.env, profile=args.profile)
    print(f"environment: {plan.environment}")
    for site in SITES:
        where = plan.urls.get(site, "embedded mock")
        print(f"  {site:<12} {where}  ({plan.sources.get(site, 'default')})")
    if plan.dialect:
        print(f"  embedded mock dialect: {plan.dialect}")
    print(summary(load_profile(plan.profile)))
    return 0


def show_profile(args: argparse.Namespace) -> int:
    plan = plan_target({}, os.environ, args.env, profile=args.profile)
    profile = load_profile(plan.profile)
    print(f"{summary(profile)}  ({profile.path})")
    for (group, key), value in profile.values.items():
        if args.guesses and value.source != "guess":
            continue
        print(f"  [{group}] {key}: {value.value!r}  ({value.source}: {value.ref})")
    return 0


def show_personas(args: argparse.Namespace) -> int:
    plan = plan_target({}, os.environ, args.env)
    if plan.needs_embedded_mock:
        print(
            f"environment {plan.environment!r} uses the embedded mock: its seeded personas "
            "are used (README, 'Personas'); nothing to configure."
        )
        return 0
    if probe_mock(plan.urls["ecf"]):
        print(
            f"environment {plan.environment!r} is this project's mock: the suite takes the "
            "personas from its control API (/_mock/personas); nothing to configure."
        )
        return 0
    try:
        personas = personas_from_environment()
    except ValueError as error:  # a key pyotp cannot read, a bad personas file: one line
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"environment {plan.environment!r}: personas from CIT_FAQ_* variables")
    print(
        "  (passwords and authentication-app keys are never shown: such a field says only "
        "'set' or '-'; backup codes only how many)"
    )
    for key, kind in PERSONA_KINDS.items():
        persona = personas[key]
        missing = persona.missing(*NEEDED)
        state = "configured" if not missing else "NOT configured (set " + ", ".join(missing) + ")"
        print(f"  {key:<13} {state}  - {kind}")
        details = []
        for name in DETAILS:
            value = getattr(persona, name)
            if name == "backup_codes":  # secret each, but how many is worth knowing
                details.append(f"{name}={len(value)} given" if value else f"{name}=-")
                continue
            details.append(
                f"{name}={('set' if name in SECRET_FIELDS else value) if value else '-'}"
            )
        print("      " + " ".join(details))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m suite", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("target", "personas", "profile", "probe", "calibrate"))
    parser.add_argument("--env", help="named environment from environments.toml")
    parser.add_argument("--profile", help="profile name (profiles/NAME.toml) or .toml path")
    parser.add_argument("--guesses", action="store_true", help="profile: list only guesses")
    retarget.add_arguments(parser)
    args = parser.parse_args(argv)
    commands = {
        "target": show_target,
        "personas": show_personas,
        "profile": show_profile,
        "probe": retarget.probe_command,
        "calibrate": retarget.calibrate_command,
    }
    try:
        return commands[args.command](args)
    except (TargetError, ProfileError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
