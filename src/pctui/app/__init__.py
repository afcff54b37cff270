"""The review TUI (Textual): `pctui.app.run.run_app` starts it.

Only Textual code lives here; the session's logic without a screen is in pctui.session.
Model, storage and publishing never import this package.
"""
