"""The FAQ as data: its questions, in order, and the sentences of each answer.

The FAQ is plain text, one paragraph per line. Its first paragraph is the document title
("... - Effective March 16, 2020"), which the suite treats as a question of its own: the
cut-over feature. A paragraph is a question when it is a Feature title, or when it reads like
one: it ends with "?" or speaks in the first person outside quotes (the questions are the
filer's words, "I accidentally linked the wrong accounts."; the answers speak to "you").
Headings without a full stop that are not questions ("United States Court of International
Trade", a stray line of the page) are ignored. Everything else is answer text, split into
sentences.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

FAQ_FILE_NAME = "linking-cmecf-and-pacer-accounts-faq.txt"
FAQ_FILE_VARIABLE = "CIT_FAQ_FILE"
REPO_ROOT = Path(__file__).resolve().parents[2]

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|My|me)\b")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# Characters that may close a sentence after its full stop: quotes, brackets, emphasis.
_CLOSERS = "\"'\u201d\u2019)]*"  # also the typographic closing quotes
_SENTENCE_END = ".?!"


class FaqNotFound(Exception):
    """No FAQ text where the suite looks; the message says where it looked."""


@dataclass(frozen=True)
class Question:
    number: int  # in FAQ order: the title is 0, the first real question 1
    text: str
    sentences: tuple[str, ...]
    is_title: bool = False

    @property
    def label(self) -> str:
        return "Title" if self.is_title else f"Q{self.number}"


@dataclass(frozen=True)
class Faq:
    questions: tuple[Question, ...]
    ignored: tuple[str, ...]  # paragraphs taken for stray headings

    def question(self, text: str) -> Question | None:
        wanted = normalise(text)
        return next((q for q in self.questions if normalise(q.text) == wanted), None)


def as_read(text: str) -> str:
    """FAQ text as its web page shows it to a reader: the text file's markdown (**bold**,
    [link](target), <autolink>) reduced to the words, the way the court's page renders them."""
    text = text.replace("**", "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"<(https?://[^>]*)>", r"\1", text)


def normalise(text: str) -> str:
    """Whitespace collapsed and trimmed: how quotes in feature files are compared."""
    return " ".join(text.split())


def find_faq_file(root: Path = REPO_ROOT, environ: dict[str, str] | None = None) -> Path:
    """The FAQ text: $CIT_FAQ_FILE, else shared/faq/ beside the checkout (the source of
    truth, as CI lays it out), else the copy in docs/faq/."""
    environ = dict(os.environ) if environ is None else environ
    named = environ.get(FAQ_FILE_VARIABLE)
    if named:
        if not Path(named).is_file():
            raise FaqNotFound(f"{FAQ_FILE_VARIABLE}={named} is not a file")
        return Path(named)
    candidates = [
        root.parent / "shared" / "faq" / FAQ_FILE_NAME,
        root / "docs" / "faq" / FAQ_FILE_NAME,
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FaqNotFound(f"FAQ text not found (looked at {looked}); set {FAQ_FILE_VARIABLE}")


def paragraphs(text: str) -> Iterator[str]:
    for block in re.split(r"\n\s*\n", text):
        joined = normalise(block)
        if joined:
            yield joined


def looks_like_question(paragraph: str) -> bool:
    if paragraph.endswith("?"):
        return True
    return bool(_FIRST_PERSON.search(_QUOTED.sub("", paragraph)))


def _ends_sentence(paragraph: str) -> bool:
    return paragraph.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def parse_faq(text: str, known_questions: Iterable[str] = ()) -> Faq:
    known = {normalise(q) for q in known_questions}
    found: list[tuple[str, bool, list[str]]] = []  # (question, is_title, answer paragraphs)
    ignored: list[str] = []
    for index, paragraph in enumerate(paragraphs(text)):
        if paragraph in known or looks_like_question(paragraph) or index == 0:
            found.append((paragraph, index == 0, []))
        elif not _ends_sentence(paragraph) or not found:
            ignored.append(paragraph)
        else:
            found[-1][2].append(paragraph)
    first = 0 if found and found[0][1] else 1
    questions = tuple(
        Question(number, text, tuple(s for p in answer for s in split_sentences(p)), is_title)
        for number, (text, is_title, answer) in enumerate(found, start=first)
    )
    return Faq(questions, tuple(ignored))


def load_faq(path: Path | None = None, known_questions: Iterable[str] = ()) -> Faq:
    path = path or find_faq_file()
    return parse_faq(path.read_text(encoding="utf-8"), known_questions)


def _is_abbreviation(word: str) -> bool:
    # "U.S." and the like end in a full stop without ending the sentence.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}", word)) or word in {"e.g.", "i.e.", "etc."}


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph. A sentence ends with . ? or ! (perhaps followed by a
    closing quote, bracket or emphasis) before a space and a capital, quote, bracket or
    digit, unless the word is an abbreviation such as "U.S.". URLs such as
    www.cit.uscourts.gov have no space after their dots and never split."""
    sentences: list[str] = []
    start = 0
    for gap in re.finditer(r"\s+", paragraph):
        before = paragraph[start : gap.start()]
        after = paragraph[gap.end() : gap.end() + 1]
        word = before.rsplit(" ", 1)[-1]
        if (
            before.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
            and not _is_abbreviation(word.rstrip(_CLOSERS))
            and (after.isupper() or after.isdigit() or after in '"“<[*(')
        ):
            sentences.append(before)
            start = gap.end()
    sentences.append(paragraph[start:])
    return [s for s in (normalise(s) for s in sentences) if s]
