"""Step patterns read as an analyst writes them: placeholders in words, no regular expressions.

A pytest-bdd step is a regular expression (`parsers.re`) or a format string (`parsers.parse`).
Analysts never see either. Here a pattern becomes:

- its **phrase**: literal text with each parameter as a placeholder in words (`<who>`,
  `<message meaning>`, see suite.authoring.vocabulary), and each unnamed alternative at its first
  spelling (`the account(?:'s)? ...` reads `the account ...`);
- its **other spellings**: the same phrase with the other alternatives (`the account's ...`);
- its **parameters**: name, placeholder, and the values it accepts when the pattern lists them.

"the (?:filer|user|clerk)" (steps.personas.THE_ACTOR) always reads "the filer": the catalogue
and the snapshot say once that "the user" and "the clerk" work as well.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from suite.authoring.vocabulary import placeholder

# THE_ACTOR's alternatives, in its order: the first is the one every phrase shows.
ACTOR_WORDS = ("filer", "user", "clerk")
_MAX_SPELLINGS = 8


@dataclass(frozen=True)
class Parameter:
    name: str  # the pattern's group name (what the step function receives)
    choices: tuple[str, ...] = ()  # the values a regex alternation allows, if it lists them

    @property
    def placeholder(self) -> str:
        return f"<{placeholder(self.name)}>"


@dataclass(frozen=True)
class _Choice:
    options: tuple[str, ...]  # the first is the phrase's spelling


Token = str | Parameter | _Choice


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" closing the group opened at pattern[start]."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_level_alternatives(body: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            current += body[i : i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*parts, current]


def literal(fragment: str) -> str | None:
    """The text a regex fragment matches when it is plain text (escapes allowed), else None."""
    text, i = "", 0
    while i < len(fragment):
        char = fragment[i]
        if char == "\\" and i + 1 < len(fragment) and not fragment[i + 1].isalnum():
            text += fragment[i + 1]
            i += 2
        elif char in ".^$*+?{}[]()|\\":
            return None
        else:
            text += char
            i += 1
    return text


def _alternatives(body: str) -> tuple[str, ...] | None:
    found = [literal(a) for a in _top_level_alternatives(body)]
    return tuple(a for a in found if a is not None) if None not in found else None


def regex_tokens(pattern: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "(":
            end = _group_end(pattern, i)
            optional = pattern[end + 1 : end + 2] == "?"
            named = re.match(r"\(\?P<(\w+)>", pattern[i:])
            if named:
                options = _alternatives(pattern[i + named.end() : end])
                tokens.append(
                    Parameter(named.group(1), options if options and len(options) > 1 else ())
                )
            else:
                start = i + (3 if pattern.startswith("(?:", i) else 1)
                options = _alternatives(pattern[start:end])
                if options is None:  # not plain alternatives: read its parts aloud
                    tokens.extend(regex_tokens(pattern[start:end]))
                else:
                    tokens.append(_Choice((("",) if optional else ()) + options))
            i = end + (2 if optional else 1)
        elif char == "\\" and i + 1 < len(pattern):
            tokens.append(pattern[i + 1])
            i += 2
        elif char in "^$":
            i += 1
        else:
            tokens.append(char)
            i += 1
    return tokens


def parse_tokens(pattern: str) -> list[Token]:
    tokens: list[Token] = []
    last = 0
    for match in re.finditer(r"\{(\w+)(?::[^}]*)?\}", pattern):
        tokens.append(pattern[last : match.start()])
        tokens.append(Parameter(match.group(1)))
        last = match.end()
    return [*tokens, pattern[last:]]


def _is_actor(token: Token) -> bool:
    return isinstance(token, _Choice) and token.options == ACTOR_WORDS


def spellings(tokens: list[Token]) -> list[str]:
    """The phrase (first) and its other spellings, parameters as placeholders in words."""
    parts: list[tuple[str, ...]] = []
    for token in tokens:
        if isinstance(token, Parameter):
            parts.append((token.placeholder,))
        elif _is_actor(token):
            parts.append((ACTOR_WORDS[0],))
        elif isinstance(token, _Choice):
            parts.append(token.options)
        else:
            parts.append((token,))
    found: list[str] = []
    for combination in itertools.islice(itertools.product(*parts), _MAX_SPELLINGS):
        text = re.sub(r"\s+", " ", "".join(combination)).strip()
        if text not in found:
            found.append(text)
    return found


def parameters(tokens: list[Token]) -> list[Parameter]:
    return [token for token in tokens if isinstance(token, Parameter)]


def uses_actor(tokens: list[Token]) -> bool:
    return any(_is_actor(token) for token in tokens)


def named_parameters(pattern: str) -> Iterator[Parameter]:
    """The named groups of a regular expression, with the values each lists (if it does)."""
    yield from parameters(regex_tokens(pattern))
