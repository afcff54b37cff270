"""What the `pctui intake` subcommands share: the consultation loaded and its registry
opened, every refusal an exit with a message."""

from __future__ import annotations

import shlex
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pctui.cli.common import FINDING, Exit, load
from pctui.i18n import _
from pctui.intake.registry import Registry, RegistryRefused, registry_path
from pctui.storage import ConsultationFile


@contextmanager
def opened_registry(file: str, loaded: ConsultationFile | None = None) -> Iterator[Registry]:
    """The registry of the consultation `file` (exit 2 when the file does not load,
    1 when the registry is refused or cannot be opened); `loaded`: the file, when the
    command has loaded it already."""
    consultation = (loaded or load(file)).consultation
    path = registry_path(Path(file), consultation)
    try:
        registry = Registry.open(path, shared_with=Path(file))
    except RegistryRefused as refusal:
        raise Exit(FINDING, _("pctui: refused: {why}").format(why=refusal)) from None
    except (OSError, sqlite3.Error) as error:
        message = _("{path}: cannot open the registry: {error}")
        raise Exit(FINDING, message.format(path=path, error=error)) from None
    if registry.ignore_added is not None:
        message = _(
            "{ignore}: added /{name}* so that git never holds the registry (personal data); "
            "commit it: git add {command}"
        )
        ignore = registry.ignore_added
        print(
            message.format(ignore=ignore, name=path.name, command=shlex.quote(str(ignore))),
            file=sys.stderr,
        )
    with registry:
        yield registry


def shortened(text: str, width: int = 40) -> str:
    """`text` on one line (its white space runs as one space), cut to `width` characters
    with "…" where it is longer: a group's representative in a listing."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"
