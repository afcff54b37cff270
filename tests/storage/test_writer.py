"""Rendering records to TOML: any text comes back exactly; a new file reads back as written."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from pctui.model import (
    APPROVE,
    Consultation,
    Intake,
    Item,
    Meta,
    OutcomeClass,
    Review,
    Reviewer,
    Revision,
    Section,
    Signoff,
)
from pctui.storage import render_consultation
from pctui.storage.reader import load_text
from pctui.storage.writer import patch_chunk, render_item

JST = dt.timezone(dt.timedelta(hours=9))
AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
texts = st.text(min_size=1).filter(lambda t: t.strip() != "")


@settings(max_examples=300)
@given(opinion=texts, text=texts, note=texts)
def test_any_text_survives_render_item(opinion: str, text: str, note: str) -> None:
    item = Item(1, "1", opinion, topic=note, revisions=[Revision("a", AT, text, note)])
    rendered = render_item(item)
    parsed = tomllib.loads(rendered)["items"][0]
    assert parsed["opinion"] == opinion
    assert parsed["topic"] == note
    assert parsed["revisions"][0]["text"] == text
    assert parsed["revisions"][0]["note"] == note


@settings(max_examples=300)
@given(text=texts, comment=texts)
def test_any_text_survives_patch_chunk(text: str, comment: str) -> None:
    item = Item(1, "1", "ご意見")
    chunk = render_item(item)
    item.revisions.append(Revision("a", AT, text))
    item.signoffs.append(Signoff("担当", "b", AT, 1, item.revisions[0].digest, APPROVE, comment))
    patched = patch_chunk(chunk, item)
    assert patched.startswith(chunk.rstrip("\n") + "\n")
    parsed = tomllib.loads(patched)["items"][0]
    assert parsed["revisions"][0]["text"] == text
    assert parsed["signoffs"][0]["comment"] == comment
    assert parsed["signoffs"][0]["digest"] == item.revisions[0].digest


def test_a_new_file_reads_back_as_the_model_it_was_made_from() -> None:
    consultation = Consultation(
        meta=Meta(
            id="new-plan",
            title="新しい計画（案）",
            organization="サンプル市",
            department="企画課",
            opened=dt.date(2025, 4, 1),
            closed=dt.date(2025, 5, 1),
            url="https://example.jp/plan",
            places=["本庁舎", "各区役所"],
            opinion_heading="ご意見の概要",
            response_heading="市の考え方",
        ),
        intake=Intake(["郵送", "電子メール"], {"郵送": 1, "電子メール": 4}, "人"),
        review=Review(
            stages=["担当", "課長"],
            reviewers={
                "tanaka": Reviewer("tanaka", ("担当",)),
                "sato": Reviewer("sato", ("課長",), name="佐藤", email="sato@example.jp"),
            },
            classes=[OutcomeClass("hanei", "反映"), OutcomeClass("sanko", "参考")],
        ),
        sections=[Section("1", "全体"), Section("2", "その他")],
        items=[
            Item(
                1,
                "1",
                "一段落目\n\n二段落目",
                topic="目的",
                count=2,
                klass="hanei",
                revisions=[Revision("tanaka", AT, "回答\n\n続き", note="初稿")],
            ),
            Item(2, "1", "ご意見2"),
        ],
        commit_mode="on-approve",
    )
    item = consultation.items[0]
    item.signoffs.append(Signoff("課長", "sato", AT, 1, item.revisions[0].digest, APPROVE))
    loaded = load_text(render_consultation(consultation), "new.toml")
    assert loaded.warnings == ()
    assert loaded.spliceable
    assert loaded.consultation == consultation
