"""The language of one run of `pctui`: chosen before the parser is built (so that --help
is translated), and again once the consultation file is known when neither --lang nor the
config decided it (so that the file's own `language` counts)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pctui.base.record_class import field, record
from pctui.config import load_config
from pctui.i18n import CONFIG, N_, OPTION, SUPPORTED, Choice, _, choose, install

if TYPE_CHECKING:  # imported where a parser is built (see pctui.cli.plain_argv)
    import argparse

HEADER_BYTES = 1 << 16  # the [consultation] table is at the top of a file
# The first array-of-tables header ends the header; matched with the line end before it, so
# that a CRLF file does not leave a lone CR at the end of the header (which TOML refuses).
FIRST_ARRAY = re.compile(r"\r?\n\[\[")
LANG_HELP = N_(
    "language of messages and screens: ja or en (default: lang in config.toml, "
    "the file's language, then the locale)"
)


@record()
class Settled:
    """What decided the language so far, to decide again once the file is known."""

    option: str | None
    config: object
    choice: Choice
    problems: list[str] = field(default_factory=list)  # the config file's, if it was read

    def __init__(
        self, option: str | None, config: object, choice: Choice, problems: list[str] | None = None
    ) -> None:
        self.option = option
        self.config = config
        self.choice = choice
        self.problems = [] if problems is None else problems


def requested(argv: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere in `argv` (before or after the command), or None.

    Read as argparse reads it (see `without_lang`), without a parser: building one cost
    2 ms of every command's start. A `--lang` followed by nothing or by a word starting with
    "-" (an option, `--`, a negative number: argparse has rules for each) is left to
    argparse, which also words the error.
    """
    split = without_lang(argv)
    return _requested_by_argparse(list(argv)) if split is None else split[1]


def without_lang(argv: Sequence[str]) -> tuple[list[str], str | None] | None:
    """The words of `argv` other than its `--lang` options, and the value they give
    (`--lang X` or `--lang=X`, the last one wins, nothing read after `--`, which is kept
    with what follows it); None when a `--lang` has nothing plain after it (argparse's
    rules then decide)."""
    words = list(argv)
    rest: list[str] = []
    value: str | None = None
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return [*rest, *words[index:]], value
        if word.startswith("--lang="):
            value = word[len("--lang=") :]
        elif word == "--lang":
            if index + 1 == len(words) or words[index + 1].startswith("-"):
                return None
            value = words[index + 1]
            index += 1
        else:
            rest.append(word)
        index += 1
    return rest, value


def _requested_by_argparse(argv: list[str]) -> str | None:
    """The value of `--lang` in `argv` as argparse reads it (it exits 2 when it has none)."""
    import argparse

    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    value: str | None = known.lang
    return value


def add_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """Give `parser` the --lang option (a subcommand's leaves the top level's value alone)."""
    import argparse

    default = None if top else argparse.SUPPRESS
    parser.add_argument("--lang", metavar="LANG", default=default, help=_(LANG_HELP))


def settle(argv: Sequence[str]) -> Settled:
    """Choose and install the language from --lang, the config and the locale."""
    option = requested(argv)
    config: object = None
    problems: list[str] = []
    if option not in SUPPORTED:  # the config matters only when --lang does not decide
        settings, problems = load_config()
        config = settings.get("lang")
    choice = choose(option, config, None, os.environ)
    install(choice.language)
    return Settled(option, config, choice, problems)


def file_language(path: Path) -> str | None:
    """The `language` of the consultation file at `path` (the model's default when the
    file does not say), read from its header; None when that cannot be read."""
    # Imported here: a command without a FILE (`pctui --help`, `pctui intake --help`) needs
    # neither the model's records nor the TOML reader.
    from pctui.model.records import Meta
    from pctui.storage import toml_parse

    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError:
        return None
    # A byte order mark taken off as "utf-8-sig" would, without importing that codec.
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    header = FIRST_ARRAY.split(text, maxsplit=1)[0]
    try:
        facts = toml_parse.loads(header).get("consultation")
    except toml_parse.decode_error():
        return None  # the load says what is wrong, in the language chosen without the file
    if not isinstance(facts, dict):
        return None
    value = facts.get("language", Meta("", "").language)
    return value if isinstance(value, str) else None


def settle_for_file(settled: Settled, file: str | None) -> Choice:
    """The final choice once the command's FILE is known (installed when it changed)."""
    if file is None or settled.choice.source in (OPTION, CONFIG):
        return settled.choice
    choice = choose(settled.option, settled.config, file_language(Path(file)), os.environ)
    if choice.language != settled.choice.language:
        install(choice.language)
    return choice
