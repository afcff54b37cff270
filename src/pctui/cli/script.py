"""The `pctui` console script: the collector turned off before anything is imported.

The script pip writes imports the module it names, then calls the function. Importing
`pctui.cli.entry` imports argparse, gettext and the command line's own modules: objects
that live as long as the process, which a dozen collections walked again and again (most
of the start's collections; see `entry.entry`, which turns the collector back on, frozen
past the start, for every command that needs it). This module imports nothing itself.
"""

from __future__ import annotations


def entry() -> None:
    """Run `pctui` as the console script does (`pctui.cli.entry.entry`)."""
    import gc

    gc.disable()
    from pctui.cli.entry import entry as run

    run()
