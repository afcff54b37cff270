"""The review screen's highlighted views: the selected item's TOML as the file holds it
(`v`) and what a commit of the file would record (`D`, git run in a worker).

Pygments and git are imported where used: they are needed only on `v` and `D`, and
importing them with the screen took 30 ms of the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message
from textual.widget import AwaitMount
from textual.worker import Worker

from pctui.app.host import host_of
from pctui.i18n import N_, _
from pctui.model.records import Item
from pctui.session.operations import WARNING, Outcome

if TYPE_CHECKING:
    from pctui.app.screens.review import MainScreen
    from pctui.git.pending_diff import PendingDiff

SOURCE_TITLE = N_("No.{no} as written in {name}")
DIFF_TITLE = N_("git diff HEAD -- {name}: what a commit would record now")
NEW_FILE_TITLE = N_("{name} is not committed yet: a commit would add all of it")
FALLBACK_PYGMENTS = "native"  # a theme pctui did not read names no Pygments style
GROUP = "pending-diff"


class PendingDiffFound(Message):
    """The pending git diff of the file, read by a worker."""

    def __init__(self, found: PendingDiff) -> None:
        super().__init__()
        self.found = found


def pygments_style(node: DOMNode) -> str:
    """The Pygments style of the app's current theme."""
    spec = host_of(node).theme_spec
    return spec.pygments if spec is not None else FALLBACK_PYGMENTS


def show_source(screen: MainScreen, item: Item) -> AwaitMount:
    """Show `item`'s TOML block as the file holds it, highlighted, from its first line."""
    from pctui.app.screens.code_view import TOML, CodeScreen

    file = screen.file
    text = file.item_text(item.no)
    first_line = file.place(item.no, "items")[0]
    title = _(SOURCE_TITLE).format(no=item.no, name=file.path.name)
    return screen.app.push_screen(CodeScreen(title, text, TOML, pygments_style(screen), first_line))


def read_pending_diff(screen: MainScreen) -> Worker[None]:
    """Read the file's pending git diff in a worker, posted to `screen` as PendingDiffFound
    (a newer `D` replaces a read still running)."""
    path = screen.file.path

    def read() -> None:
        from pctui.git.pending_diff import pending_diff

        screen.post_message(PendingDiffFound(pending_diff(path)))

    return screen.run_worker(read, group=GROUP, thread=True, exclusive=True, exit_on_error=False)


def show_pending_diff(screen: MainScreen, found: PendingDiff) -> None:
    """Show the diff `found`, or say why there is none."""
    if not found.text:
        screen.say(Outcome(found.message, WARNING, False))
        return
    from pctui.app.screens.code_view import DIFF, CodeScreen

    name = screen.file.path.name
    title = _(NEW_FILE_TITLE if found.new_file else DIFF_TITLE).format(name=name)
    command = f"git diff HEAD -- {name}"
    style = pygments_style(screen)
    screen.app.push_screen(CodeScreen(title, found.text, DIFF, style, command=command))
