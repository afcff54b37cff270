"""What every layer may use: pieces shared by packages that must not import each other.

Problems with a place to look (problems), TOML keys located by line and column
(toml_locate, toml_strings), atomic writes and folder locks (atomic), hostile text made
harmless (inert), Japanese era dates (era), the published table's labels (labels), long
cells cut for spreadsheets (long_cells) and what a spreadsheet takes for a formula
(formula). Nothing here imports another pctui package except pctui.i18n, so storage,
publish, the importer and theming share these without reaching sideways into each other.
"""
