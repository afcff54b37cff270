"""The `pctui` command line: headless twins of everything the TUI does."""
