"""The `pctui` command line: headless twins of everything the TUI does."""

from pctui.cli.deferred import defer

defer()  # before anything imports dataclasses or pathlib (see pctui.cli.deferred)
