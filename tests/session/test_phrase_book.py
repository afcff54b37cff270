"""What the editor's phrase picker is offered (pctui.session.phrase_book): the phrases of
the office's phrases.toml filled in for the item, or why there are none."""

from __future__ import annotations

from pathlib import Path

from pctui.model.phrase_picking import Fit
from pctui.session.phrase_book import phrase_book
from pctui.storage import ConsultationFile

PHRASES = """\
[[phrases]]
id = "hanei"
text = "ご意見を踏まえ修正しました。"
classes = ["反映"]

[[phrases]]
id = "sanko"
text = "{section}に関するご意見として、今後の参考とさせていただきます。"
classes = ["参考"]
"""


def test_the_phrases_beside_the_file_filled_in_for_the_item(sample_path: Path) -> None:
    (sample_path.parent / "phrases.toml").write_text(PHRASES, encoding="utf-8")
    file = ConsultationFile.load(sample_path)
    book = phrase_book(sample_path, file.consultation, 10)  # No.10's class is 参考
    assert book.problem == ""
    assert [(c.phrase.id, c.fit) for c in book.choices] == [
        ("sanko", Fit.CLASS), ("hanei", Fit.OTHER)
    ]  # fmt: skip
    assert book.choices[0].filled.startswith("住民基本台帳事務に関する特定個人情報保護評価に")


def test_without_phrases_it_says_where_to_put_them(sample_path: Path) -> None:
    file = ConsultationFile.load(sample_path)
    beside = sample_path.parent / "phrases.toml"
    assert phrase_book(sample_path, file.consultation, 10).problem == (
        f"No standard phrases: put a phrases.toml at {beside} (docs/format.md says how)."
    )
    # In a repository whose root is another folder, its root is named too.
    (sample_path.parent / ".git").mkdir()
    inner = sample_path.parent / "2025" / sample_path.name
    inner.parent.mkdir()
    sample_path.rename(inner)
    problem = phrase_book(inner, file.consultation, 10).problem
    assert f"at {inner.parent / 'phrases.toml'} or {beside} (" in problem


def test_a_broken_phrases_file_is_located_and_an_empty_one_said(sample_path: Path) -> None:
    file = ConsultationFile.load(sample_path)
    phrases = sample_path.parent / "phrases.toml"
    phrases.write_text('[[phrases]]\nid = "x"\ncolour = "red"\n', encoding="utf-8")
    problem = phrase_book(sample_path, file.consultation, 10).problem
    assert problem == (f"{phrases}:1:1: a phrase needs its text (a string) (2 problems)")
    phrases.write_text("", encoding="utf-8")
    assert phrase_book(sample_path, file.consultation, 10).problem == f"{phrases} holds no phrases."
