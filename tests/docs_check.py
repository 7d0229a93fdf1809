"""README.md and the guides under docs/ name only what this checkout has.

    python -m tests.docs_check      # one line per problem, FILE:LINE first; exits 1 if any

A newcomer follows the README without help only if what it names is there. In README.md and
docs/*.md this fails on:

- a relative link to a file that does not exist, or to an #anchor that no heading of the
  linked file makes (GitHub's slugs: lower case, punctuation dropped, each space a hyphen,
  a repeated heading -1, -2, ...);
- `make TARGET`, in code, that the Makefile does not define;
- `python -m MODULE`, in code, that Python cannot find (a package needs a __main__), and
  `python -m MODULE COMMAND` where MODULE's --help offers commands and COMMAND is not one;
- a repository path in code (`suite/run/plugin.py`, `profiles/alt.toml`) that does not exist.

And across the repository's code and configuration, a pointer such as
README "Quick start" or docs/targets.md 'Named environments' (how error messages and
comments send a reader to the docs) must name a heading of that file. (Keep such a pointer
within one string literal: one split across two is not seen.)

"In code" is an inline code span or a line of a shell (or unlabelled) code block: prose says
"make sure" and "the suite/ folder" freely. Only the README and docs/ are read for links:
other Markdown in the repository (reports/README.md, a feature's notes) is not a guide.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from suite.authoring.features import Problem  # file:line and what, as the feature checks say it

REPO = Path(__file__).resolve().parents[1]

# Paths the docs name that a reader or a tool creates; they are not in a checkout.
NOT_IN_A_CHECKOUT = {
    ".github/workflows/staging.yml": "docs/examples/staging.yml, once a team copies it",
    "profiles/staging.toml": "a staging portal's profile, once calibrated and reviewed",
    "profiles/alt.draft.toml": "what calibrate writes, for review",
    "profiles/alt.draft.diff": "what calibrate writes, for review",
}
# Code blocks whose lines are commands; others (text, toml, gherkin) show output or data.
COMMAND_BLOCKS = {"sh", "shell", "bash", "console", "yaml", "yml"}
# Paths are also read in unlabelled blocks: the README's layout is one.
PATH_BLOCKS = {"", *COMMAND_BLOCKS}
# Words that stand for a name the reader chooses: profiles/NAME.toml is not a file.
PLACEHOLDER = re.compile(r"\b(NAME|DIR|PATH|FILE|PERSONA|FIELD|STAGE)\b")
# Files whose text is read for pointers like README "Section"; never binary or generated.
POINTER_SUFFIXES = {".py", ".toml", ".yml", ".yaml", ".sh", ".md", ".txt", ".cfg", ".ini"}
POINTER_NAMES = {"Makefile"}
# This checker and its test hold made-up pointers on purpose.
POINTER_EXEMPT = {"tests/docs_check.py", "tests/unit/test_docs_check.py"}

FENCE = re.compile(r"^\s{0,3}(```+|~~~+)\s*([\w+-]*)")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
MAKE = re.compile(r"(?<![\w/.-])make((?:\s+[^\s#;&|]+)+)")
PYTHON_M = re.compile(r"(?<![\w-])python(?:3(?:\.\d+)?)?\s+-m\s+([\w.]+)((?:[ \t]+[^\s#;&|]+)*)")
POINTER = re.compile(
    r"(README(?:\.md)?|docs/[\w-]+\.md)(?:'s)?,?(?:\s|#)+([\"'])([A-Z][^\"'\n]*(?:\n[^\"'\n]*)?)\2"
)


@dataclass(frozen=True)
class Code:
    text: str
    line: int
    language: str | None  # None: an inline span; "" an unlabelled block


@dataclass
class Doc:
    path: Path
    headings: list[tuple[str, int]]
    links: list[tuple[str, int]]
    code: list[Code]

    @functools.cached_property
    def anchors(self) -> set[str]:
        return set(slugs(text for text, _ in self.headings))


def plain_heading(text: str) -> str:
    """A heading as GitHub renders it: links as their text, no code or emphasis marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[`*]|(?<!\w)_|_(?!\w)", "", text).strip()


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case; letters, digits, '_', '-' and spaces kept."""
    kept = (
        char
        for char in plain_heading(heading).lower()
        if char in " -" or unicodedata.category(char)[0] in "LMN" or char == "_"
    )
    return "".join(kept).replace(" ", "-")


def slugs(headings: Iterator[str] | list[str]) -> Iterator[str]:
    """Each heading's anchor, a repeated one with -1, -2, ... as GitHub numbers them."""
    seen: dict[str, int] = {}
    for heading in headings:
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        yield base if count == 0 else f"{base}-{count}"


def read_doc(path: Path) -> Doc:
    lines = path.read_text(encoding="utf-8").splitlines()
    headings: list[tuple[str, int]] = []
    code: list[Code] = []
    prose: list[str] = []  # the text outside code blocks, a blank line for each block line
    fence: str | None = None
    language = ""
    for number, line in enumerate(lines, 1):
        opened = FENCE.match(line)
        if fence is None and opened:
            fence, language = opened.group(1), opened.group(2).lower()
            prose.append("")
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            else:
                code.append(Code(line, number, language))
            prose.append("")
        else:
            heading = HEADING.match(line)
            if heading:
                headings.append((heading.group(2), number))
            prose.append(line)
    text = "\n".join(prose)
    spans = [
        match for match in CODE_SPAN.finditer(text) if "\n\n" not in match.group(2)
    ]  # a span never crosses a paragraph
    for span in spans:
        code.append(Code(" ".join(span.group(2).split()), line_of(text, span.start()), None))
    # Links are read with the code spans blanked out (keeping the lines where they are).
    blanked = text
    for span in reversed(spans):
        start, end = span.span()
        blanked = blanked[:start] + re.sub(r"[^\n]", " ", blanked[start:end]) + blanked[end:]
    links = [(link.group(1), line_of(blanked, link.start())) for link in LINK.finditer(blanked)]
    return Doc(path, headings, links, code)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def docs_of(root: Path) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def check_links(doc: Doc, root: Path, read: dict[Path, Doc]) -> Iterator[Problem]:
    where = str(doc.path.relative_to(root))
    for target, number in doc.links:
        if re.match(r"[a-z][\w+.-]*:", target):  # https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        linked = (doc.path.parent / path_part).resolve() if path_part else doc.path
        if not linked.exists():
            yield Problem(where, number, f"link to {target}: {path_part} does not exist")
            continue
        if not anchor or linked.suffix != ".md":
            continue
        if linked not in read:
            read[linked] = read_doc(linked)
        if anchor not in read[linked].anchors:
            known = ", ".join(sorted(read[linked].anchors))
            yield Problem(
                where,
                number,
                f"link to {target}: no heading of {linked.name} makes "
                f"#{anchor} (its anchors: {known})",
            )


def make_targets(root: Path) -> set[str]:
    text = (root / "Makefile").read_text(encoding="utf-8")
    return {
        name
        for names in re.findall(r"^([\w.%/ -]+?)\s*:(?!=)", text, re.MULTILINE)
        for name in names.split()
        if not name.startswith(".")
    }


def check_make(doc: Doc, root: Path, targets: set[str]) -> Iterator[Problem]:
    where = str(doc.path.relative_to(root))
    for code in doc.code:
        if code.language not in (None, *COMMAND_BLOCKS):
            continue
        for match in MAKE.finditer(code.text):
            words = [w for w in match.group(1).split() if "=" not in w and not w.startswith("-")]
            target = words[0].strip("`'\"[](),") if words else ""
            if target and re.fullmatch(r"[a-z][\w-]*", target) and target not in targets:
                yield Problem(
                    where, code.line, f"`make {target}`: the Makefile has no target {target!r}"
                )


@functools.cache
def module_problem(module: str) -> str | None:
    """Why `python -m module` would fail to start, or None."""
    try:
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.submodule_search_locations is not None:
            spec = importlib.util.find_spec(f"{module}.__main__")
    except ImportError as error:  # a parent package is missing
        return str(error)
    return None if spec is not None else f"no module {module!r} (or it has no __main__)"


@functools.cache
def module_commands(module: str, root: Path) -> frozenset[str] | None:
    """The commands `python -m module --help` offers ({a,b} in its usage), if it has any."""
    try:
        shown = subprocess.run(
            [sys.executable, "-m", module, "--help"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,  # a module that ignores --help and runs (a server) offers no commands
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    usage = shown.stdout.split("\n\n")[0]
    choices = re.search(r"\{([\w,-]+)\}", usage)
    return frozenset(choices.group(1).split(",")) if choices else None


def check_python_m(doc: Doc, root: Path) -> Iterator[Problem]:
    where = str(doc.path.relative_to(root))
    for code in doc.code:
        if code.language not in (None, *COMMAND_BLOCKS):
            continue
        for match in PYTHON_M.finditer(code.text):
            module, rest = match.group(1).rstrip("."), match.group(2).split()
            problem = module_problem(module)
            if problem:
                yield Problem(where, code.line, f"`python -m {module}`: {problem}")
                continue
            command = rest[0].strip("`'\"(),") if rest else ""
            if not re.fullmatch(r"[a-z][\w-]*", command):
                continue  # an option, a placeholder, a path
            commands = module_commands(module, root)
            if commands is not None and command not in commands:
                yield Problem(
                    where,
                    code.line,
                    f"`python -m {module} {command}`: {module} has no command {command!r} "
                    f"(its commands: {', '.join(sorted(commands))})",
                )


@functools.cache
def tracked_top_level(root: Path) -> frozenset[str]:
    """The top-level names of the repository's files: what a path in the docs starts with."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=False
    ).stdout.split()
    if listed:
        return frozenset(name.split("/")[0] for name in listed)
    ignored = {".venv", ".git", "reports", "__pycache__"}  # not a git checkout
    return frozenset(path.name for path in root.iterdir() if path.name not in ignored)


def repository_paths(text: str, root: Path) -> Iterator[str]:
    """The words of a command or code span that are paths in this repository."""
    top = tracked_top_level(root)
    for word in text.split():
        word = word.rpartition("=")[2].strip("`'\"()[]{},;")
        word = re.sub(r"(::\S*|:\d+|#\S*)$", "", word).rstrip(".:")
        if "/" not in word or re.search(r"[<>…*{}|?$~]", word) or PLACEHOLDER.search(word):
            continue
        if word.split("/")[0] in top:  # so not /abs, ../shared, .venv/, reports/
            yield word


def check_paths(doc: Doc, root: Path) -> Iterator[Problem]:
    where = str(doc.path.relative_to(root))
    for code in doc.code:
        if code.language not in (None, *PATH_BLOCKS):
            continue
        for path in repository_paths(code.text, root):
            if path.rstrip("/") not in NOT_IN_A_CHECKOUT and not (root / path).exists():
                yield Problem(where, code.line, f"`{path}`: no such file or folder")


def pointer_files(root: Path) -> Iterator[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split("\n")
    for name in listed:
        path = root / name
        if (
            name
            and name not in POINTER_EXEMPT
            and (path.suffix in POINTER_SUFFIXES or path.name in POINTER_NAMES)
            and path.is_file()
        ):
            yield path


def check_pointers(root: Path, read: dict[Path, Doc]) -> Iterator[Problem]:
    """README "Section" or docs/x.md 'Section' in code and config names a heading there."""
    for path in pointer_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in POINTER.finditer(text):
            name, section = match.group(1), match.group(3)
            section = " ".join(re.sub(r"\n\s*(#|//)?", " ", section).split())
            target = root / ("README.md" if name.startswith("README") else name)
            where = str(path.relative_to(root))
            number = line_of(text, match.start())
            if not target.exists():
                yield Problem(where, number, f'{name} "{section}": {name} does not exist')
                continue
            if target not in read:
                read[target] = read_doc(target)
            headings = [plain_heading(heading).lower() for heading, _ in read[target].headings]
            wanted = plain_heading(section).lower()
            if not any(heading.startswith(wanted) for heading in headings):
                yield Problem(
                    where,
                    number,
                    f'{name} "{section}": no heading of {target.relative_to(root)} says so',
                )


def check(root: Path = REPO) -> list[Problem]:
    """Every problem of README.md and docs/*.md, and of the pointers to them."""
    root = root.resolve()
    read: dict[Path, Doc] = {}
    problems: list[Problem] = []
    targets = make_targets(root)
    for path in docs_of(root):
        doc = read.setdefault(path.resolve(), read_doc(path.resolve()))
        problems += check_links(doc, root, read)
        problems += check_make(doc, root, targets)
        problems += check_python_m(doc, root)
        problems += check_paths(doc, root)
    problems += check_pointers(root, read)
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print(problem)
    print(f"docs check: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
