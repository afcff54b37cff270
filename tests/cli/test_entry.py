"""The console script leaves with os._exit, after everything an orderly exit does but free
the heap: threads finished, idle pool workers woken, exit handlers run, output flushed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def run_entry(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(
        """
        import pctui.cli.entry as cli

        def command(argv=None):
        {body}

        cli.main = command
        cli.entry()
        """
    ).format(body=textwrap.indent(textwrap.dedent(body), "    "))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )


def test_the_commands_status_output_threads_and_exit_handlers(tmp_path: Path) -> None:
    done = run_entry(
        """
        import atexit, concurrent.futures, pathlib, threading, time
        pool = concurrent.futures.ThreadPoolExecutor(1)
        pool.submit(lambda: None).result()  # an idle worker, waiting for more work
        def late():
            time.sleep(0.2)
            pathlib.Path("thread-done").write_text("yes")
        threading.Thread(target=late).start()
        atexit.register(lambda: pathlib.Path("handler-ran").write_text("yes"))
        import os
        class Freed:  # what an orderly exit would free (and so call __del__ on)
            def __del__(self, os=os):
                os.close(os.open("freed", os.O_CREAT | os.O_WRONLY))
        global kept
        kept = Freed()
        print("x" * 100_000, end="")  # more than a pipe holds: flushed before leaving
        return 3
        """,
        tmp_path,
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == "x" * 100_000
    assert (tmp_path / "thread-done").read_text() == "yes"
    assert (tmp_path / "handler-ran").read_text() == "yes"
    assert not (tmp_path / "freed").exists()  # the heap was not torn down


def test_a_reading_command_leaves_its_model_to_the_exit(tmp_path: Path) -> None:
    # Returning from `status` freed a national file's model object by object after the
    # answer was printed (40 ms on 10,000 one-line items); the console script keeps it.
    sample = Path(__file__).parents[2] / "consultations" / "2025-jumin.toml"
    done = run_entry(
        f"""
        import sys
        from pctui.cli import common
        from pctui.cli.entry import _main  # main itself is this function here
        code = _main(["status", {str(sample)!r}])
        kept = [type(o).__name__ for o in common._kept_to_exit]
        print("kept:", kept, file=sys.stderr)
        return code
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "kept: ['ConsultationFile', 'dict', 'list']" in done.stderr
    assert "No" in done.stdout  # the status itself, printed as before


def test_a_process_that_goes_on_keeps_nothing(tmp_path: Path) -> None:
    import gc
    import weakref

    from pctui.cli import common

    assert common._kept_to_exit is None  # only the console script says it ends
    sample = Path(__file__).parents[2] / "consultations" / "2025-jumin.toml"
    file = common.load(str(sample), only_read=True)
    gc.enable()
    freed = weakref.ref(file)
    del file
    assert freed() is None
