"""A small format-2 file for the storage tests: outcome groups as sections with labels,
published totals, one item answering three opinions with a summary, one answering one."""

from __future__ import annotations

from tests.storage.item_text import signed

# The review and the outcome groups (as sections with labels) of every format-2 test file.
REVIEW_AND_GROUPS = """\
[review]
stages = ["担当", "係長", "課長"]

[review.reviewers]
tanaka = ["担当"]
yamada = ["担当"]
suzuki = ["係長"]
sato = ["課長"]

[[sections]]
id = "1"
label = "Ⅰ"
title = "当該意見を踏まえて内容を修正するもの"

[[sections]]
id = "2"
label = "Ⅱ"
title = "その他の主な意見"

"""
HEADER = (
    """\
format = 2

[consultation]
id = "test"
title = "テスト計画（案）"
layout = "listed"

[intake]
methods = ["電子メール"]
submitters = { "電子メール" = 3 }
published_submitters = 5
published_opinions = 12

"""
    + REVIEW_AND_GROUPS
)
FIRST = """\
[[items]]
no = 1
section = "1"

[[items.opinions]]
label = "1"
text = "駐輪場を増やしてほしい。"
count = 2
sources = ["2025-0001-1", "2025-0003-2"]

[[items.opinions]]
label = "2"
text = "駅前の駐輪場が足りない。"

[[items.opinions]]
label = "3"
text = "駐輪場の料金を下げてほしい。"

[[items.summaries]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = "駐輪場の整備に関するご意見"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:30:00+09:00
text = "回答1"

"""
SECOND = """\
[[items]]
no = 2
section = "2"

[[items.opinions]]
label = "1"
text = "計画全体に賛成です。"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:40:00+09:00
text = "回答2"

"""


def signoff(item_text: str, no: int, by: str, stage: str, basis: str) -> str:
    """`item_text` with a sign-off of its revision 1 appended (its text is 回答{no})."""
    return item_text + signed(no, stage, by, at="2025-12-02T09:00:00+09:00", basis=basis)
