"""Rich Text builders for the review screen: badges, inert texts, diffs, sign-offs, progress.

Every text that came from a file passes through `pctui.base.inert.inert` and is appended
to a `Text` as plain content, never parsed as markup, so `[red]` in an opinion is shown
as typed and an escape sequence is shown as ␛.
"""
