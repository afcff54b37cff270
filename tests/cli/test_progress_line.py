"""The import's progress line on a terminal: redrawn in place with a carriage return, even
though every command's stderr goes through the wrapper that shows control characters."""

from __future__ import annotations

import io

from pctui.cli.output import InertStream
from pctui.cli.progress import progress_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_is_redrawn_with_a_real_carriage_return() -> None:
    # Through the inert wrapper the line read "importing [#   ] 1000/2000␍importing …".
    terminal = Terminal()
    show = progress_line("importing", 2000, stream=InertStream(terminal))
    show(1000)
    show(2000)
    assert terminal.getvalue() == (
        "\rimporting [##########          ] 1000/2000\rimporting [####################] 2000/2000\n"
    )


def test_nothing_off_a_terminal() -> None:
    log = io.StringIO()
    progress_line("importing", 10, stream=InertStream(log))(5)
    assert log.getvalue() == ""
