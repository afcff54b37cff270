"""The review session's logic without a screen: what the TUI shows and does, in plain Python.

The list's rows and filters (listing), the diff pane's state (diff_state), counts for the
title bar (derived), the actions with their notices (operations), picking up other
reviewers' saves (watch), the external editor (editor), hang-up handling (hangup), the
terminal's colours and glyphs (terminal) and the reviewer's keymap file (keymap). pctui.app
draws them with Textual; nothing here imports Textual or Rich, so each is tested without a
screen and this file imports nothing.
"""
