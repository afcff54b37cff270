"""Noticing that the file changed on disk (another reviewer saved, a `git pull`) and
reloading it. No Textual: the screen polls `DiskWatch.check` on a timer."""

from __future__ import annotations

from pctui.i18n import _, ngettext
from pctui.session.operations import ERROR, INFORMATION, WARNING, Outcome
from pctui.storage import ConsultationFile, LoadError
from pctui.storage.stamp import FileStamp, stamp_on_disk


class DiskWatch:
    """Reloads `file` when it changed on disk; remembers a version that failed to load so
    the reviewer is told once, not every second."""

    def __init__(self, file: ConsultationFile) -> None:
        self.file = file
        self._failing = False  # the version on disk did not load …
        self._failed_stamp: FileStamp | None = None  # … and this was its stamp
        self._notices_seen = len(file.notices)

    def check(self) -> list[Outcome]:
        """Reload when the file changed; returns what to tell the reviewer (empty when
        nothing changed). The model after a failed load stays the last good one."""
        if not self.file.changed_on_disk():
            return []
        stamp = stamp_on_disk(self.file.path)
        if self._failing and stamp == self._failed_stamp:
            return []
        name = self.file.path.name
        try:
            self.file.reload()
        except LoadError as error:
            self._failing, self._failed_stamp = True, stamp
            first = error.problems[0] if error.problems else _("unreadable")
            more = len(error.problems) - 1
            extra = ngettext(" (and {count} more problem)", " (and {count} more problems)",
                             more).format(count=more) if more > 0 else ""  # fmt: skip
            return [Outcome(
                _("{name} changed on disk but does not load: {problem}{more}. "
                  "Showing the version loaded before; actions are refused until it is fixed."
                  ).format(name=name, problem=first, more=extra),
                ERROR, changed=False,
            )]  # fmt: skip
        self._failing = False
        outcomes = self.new_notices()
        outcomes.append(
            Outcome(_("{name} changed on disk; reloaded").format(name=name), INFORMATION)
        )
        return outcomes

    def new_notices(self) -> list[Outcome]:
        """The storage's notices (this session's changes that another one made moot) not
        yet shown."""
        fresh = self.file.notices[self._notices_seen :]
        self._notices_seen = len(self.file.notices)
        return [Outcome(notice, WARNING, changed=False) for notice in fresh]
