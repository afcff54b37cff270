"""The review TUI (Textual): `pctui.app.main.run_app` starts it.

Model, storage and publishing never import this package. Its own pure modules (listing,
diff_state, derived, operations, watch, editor) import no Textual either, so this file
imports nothing: importing one of them must not pull the UI in.
"""
