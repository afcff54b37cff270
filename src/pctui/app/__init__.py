"""The review TUI (Textual). Model, storage and publishing never import this package."""

from pctui.app.main import run_app
from pctui.app.review_app import ReviewApp

__all__ = ["ReviewApp", "run_app"]
