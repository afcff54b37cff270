"""Reading and writing consultation files. No Textual, no Rich.

One path, module by module. Reading a file:

1. `reader.read_file` reads the bytes and their `stamp` (inode, time, size), `decode`s
   them (every invalid UTF-8 sequence located, a byte order mark noted).
2. `chunks.split` cuts the text into the header and one block per `[[items]]` line; the
   text itself is let go (the blocks hold all of it).
3. `reader.load_chunks` parses the header (`header_schema`) and each block on its own
   (`toml_parse`, `item_schema`), joining blocks a multi-line string spans; on a large
   file a forked child reads the later blocks on another core (`parallel`) and hands
   them back as plain tuples (`flat`), in pieces as it reads them. A file that is not a
   header followed by items is read whole. The result is a `reader.Loaded`: the model,
   the text's chunks, warnings, none of it ever changed afterwards.
   A command that only reads (`validate`, `status`) first tries `one_parse.read_whole`:
   the whole text in one parse, the model built through a checker that gives up at the
   first problem; any problem sends it back to the block-by-block read above, which finds
   and locates every one. Its blocks are split only if a place in the file is asked for.
4. `layouts.layout_of` makes the file's layout from it: `SplicedBlocks` (one block per
   item) or `WholeDocument` (anything else).
5. `consultation_file.ConsultationFile` holds the model and the layout for a session.
   `preview.read_preview` is the shortcut for a large file: its first items, read-only,
   until the file read whole replaces it.

Saving a change: `ConsultationFile.transact` takes the folder's lock (`pctui.base.atomic`),
reads the file again if another session saved it and replays this session's unsaved
actions, applies the action to the model, and asks the layout to `plan` the write: the
changed items are rendered (`writer`), read back to be sure, and returned as one
`layouts.PlannedWrite` (the bytes, and the layout once they are on disk). `write_atomic`
replaces the file; only then does the session keep the new layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pctui.base.problems import LoadError, Problem, SaveError

if TYPE_CHECKING:
    from pctui.storage.consultation_file import ConsultationFile
    from pctui.storage.writer import render_consultation


def __getattr__(name: str) -> Any:
    # render_consultation needs tomlkit, which commands that only read do not import.
    if name == "render_consultation":
        from pctui.storage.writer import render_consultation

        return render_consultation
    # ConsultationFile needs the whole reader (50-70 ms): importing any module of the
    # package runs this file, and `toml_parse` alone (the language of a file, read from its
    # header before the command's help) or the intake's commands' start need none of it.
    if name == "ConsultationFile":
        from pctui.storage.consultation_file import ConsultationFile

        return ConsultationFile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ConsultationFile", "LoadError", "Problem", "SaveError", "render_consultation"]
