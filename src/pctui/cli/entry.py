"""Entry point of the `pctui` command."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pctui import __version__
from pctui.cli.common import BAD_INPUT, OK, Exit, ending_with_the_process
from pctui.cli.language import add_option, settle, settle_for_file
from pctui.cli.output import inert_output
from pctui.cli.plain_argv import plain_reading
from pctui.i18n import N_, _

if TYPE_CHECKING:
    import argparse

DESCRIPTION = N_("""\
Review, sign off and publish the answers to a public consultation (パブリックコメント).
Exit status: 0 ok, 1 a finding or a refused action, 2 bad input.""")


# Each command and the module (in pctui.cli) that defines it, in the order `pctui --help`
# lists them. A module is imported only when its command runs or the whole list is asked
# for: `pctui status` need not import the publisher, the importer and git (a third of the
# start-up time of a command on a small file).
COMMANDS = {
    "open": "open",
    "validate": "validate",
    "status": "status",
    "signoff": "signoff",
    "withdraw": "signoff",
    "revise": "revise",
    "assign": "assign",
    "note": "note",
    "history": "history",
    "summary": "opinions",
    "move-opinion": "opinions",
    "merge-items": "opinions",
    "split-item": "opinions",
    "migrate": "migrate",
    "publish": "publish",
    "import": "import_cmd",
    "intake": "intake",
    "commit": "commit",
    "merge-driver": "merge_driver",
    "install-merge-driver": "merge_driver",
    "audit": "audit",
    "themes": "themes",
    "phrases": "phrases",
}


def command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` runs (the first word, past any `--lang`), or None when it names
    none that exists or something else comes first (then every command is set up, for the
    help and the error message: `-h`, `--`, an abbreviated option, a value of `--lang`
    that argparse may read otherwise)."""
    skip = False
    for word in argv:
        if skip:
            if word.startswith("-"):
                return None
            skip = False
        elif word == "--lang":
            skip = True  # its value follows
        elif word.startswith("--lang="):
            continue
        elif word.startswith("-"):
            return None
        else:
            return word if word in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, in the current language: every subcommand in full, or only
    `command` (and any other command its module defines)."""
    # Imported here: a plain reading command runs without them (see pctui.cli.plain_argv).
    import argparse

    from pctui.cli.helpformat import HelpFormatter
    from pctui.cli.parsers import Commands

    parser = argparse.ArgumentParser(
        prog="pctui", description=_(DESCRIPTION), formatter_class=HelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"pctui {__version__}")
    add_option(parser, top=True)
    commands = Commands(parser)
    wanted = list(dict.fromkeys(COMMANDS.values() if command is None else [COMMANDS[command]]))
    for name in wanted:
        # __import__, not importlib (whose package imports warnings): 0.5 ms of the start.
        __import__(f"pctui.cli.{name}", fromlist=["add_parser"]).add_parser(commands)
    if command is None:
        # For `pctui --help` and the message naming the commands there are when the one
        # asked for is none of them. A command that is known never needs the others: each
        # name was a whole parser (with its --lang), a fifth of a reading command's start.
        for name in COMMANDS:
            if name not in commands.parsers:
                commands.add_name(name)
    for subparser in commands.parsers.values():
        subparser.formatter_class = HelpFormatter
        add_option(subparser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line in this process; returns the exit status.

    The garbage collector is given back as it was: validate and status turn it off for the
    rest of their command (see `common.load`), which a caller that goes on (a test, a
    script) must not inherit. The console script (`entry`) exits instead.

    Everything printed passes through `inert` (see `pctui.cli.output`): messages quote
    file content, and no control or bidi character from a file may reach the terminal.
    """
    enabled = gc.isenabled() and not _exiting
    try:
        with inert_output():
            return _main(argv)
    finally:
        if enabled:
            gc.enable()


# Set by `entry`: the process ends right after `main`, so the collector is not given back
# (a full collection of what the command built would only delay the exit).
_exiting = False


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    settled = settle(argv)
    parser: argparse.ArgumentParser | None = None
    args: Any = plain_reading(argv)
    if args is None:
        parser = build_parser(command_named(argv))
        args = parser.parse_args(argv)
    choice = settle_for_file(settled, getattr(args, "file", None))
    for notice in [*settled.problems, *choice.notices]:
        print(_("pctui: warning: {message}").format(message=notice), file=sys.stderr)
    if not hasattr(args, "run"):
        assert parser is not None  # every plain reading runs a command
        parser.print_help(sys.stderr)
        return BAD_INPUT
    if _exiting:
        # The console script's start-up is over. What it made (modules, classes, the
        # parser) lives as long as the process, so it is frozen out of the collector's
        # sight rather than walked by the collections the command sets off. A command that
        # only reads (validate, status) runs with the collector off, as `common.load`
        # would leave it: its lazy imports and the model set off no collection at all.
        gc.freeze()
        if not getattr(args, "only_reads", False):
            gc.enable()
    try:
        code: int = args.run(args)
    except Exit as leave:
        if leave.message:
            print(leave.message, file=sys.stderr)
        return leave.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader left (`pctui status | head`): what it read was right, nothing failed.
        # Output goes to /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    return code


def entry() -> None:
    """The `pctui` console script: run the command, then leave without freeing the heap.

    After a national file is read, the interpreter's orderly exit spent 0.15 s freeing a
    million objects one by one, after the answer was printed. So the script does what that
    exit does first, with CPython's own functions for it: the threading shutdown (idle
    pool workers woken, every thread the command started waited for), the exit handlers
    libraries registered (openpyxl removes its temporary files in one), the final flush;
    then the process ends. Where those functions are missing (another Python), it exits
    the ordinary way. Called from the main thread only, as a console script is.
    """
    global _exiting
    _exiting = True
    # Off while the command starts (until `_main` runs it): importing its modules made
    # objects that are never garbage, and a dozen collections walked them (3-14 ms on
    # `validate`, more under load).
    gc.disable()
    ending_with_the_process()  # what the command built is not freed on its way out
    code = main()
    # A command that never imported threading started no thread to wait for (and spared
    # the import: 0.6 ms of every start); else CPython's own shutdown of threading.
    threading = sys.modules.get("threading")
    shutdown = getattr(threading, "_shutdown", None) if threading else _no_threads
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if shutdown is None or run_exit_handlers is None:
        sys.exit(code)
    shutdown()
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass  # the reader left early; as in _main, that is not a failure
    except OSError:
        code = 120  # what Python itself exits with when the final flush fails
    os._exit(code)


def _no_threads() -> None:
    """The threading shutdown of a process that never imported threading: nothing."""


if __name__ == "__main__":
    entry()
