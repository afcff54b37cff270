"""Which language pctui speaks: --lang, then config.toml, then the consultation, then the
locale, else English; a language pctui does not have is passed over, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.i18n import (
    CONFIG,
    CONSULTATION,
    DEFAULT,
    LOCALE,
    OPTION,
    _,
    choose,
    current_language,
    format_date,
    format_datetime,
    install,
    locale_language,
    ngettext,
    normalize,
)

JA_LOCALE = {"LANG": "ja_JP.UTF-8"}
EN_LOCALE = {"LANG": "en_US.UTF-8"}


def test_the_option_comes_first() -> None:
    choice = choose("ja", "en", "en", EN_LOCALE)
    assert (choice.language, choice.source, choice.notices) == ("ja", OPTION, [])


def test_the_config_comes_second() -> None:
    choice = choose(None, "ja", "en", EN_LOCALE)
    assert (choice.language, choice.source) == ("ja", CONFIG)
    assert choose(None, "en", "ja", JA_LOCALE).language == "en"


def test_the_consultation_comes_third() -> None:
    choice = choose(None, None, "ja", EN_LOCALE)
    assert (choice.language, choice.source) == ("ja", CONSULTATION)
    assert choose(None, None, "en", JA_LOCALE).language == "en"


def test_the_locale_comes_fourth() -> None:
    choice = choose(None, None, None, JA_LOCALE)
    assert (choice.language, choice.source) == ("ja", LOCALE)
    assert choose(None, None, None, EN_LOCALE).language == "en"


def test_english_when_nothing_says() -> None:
    choice = choose(None, None, None, {})
    assert (choice.language, choice.source) == ("en", DEFAULT)
    assert choose(None, None, None, {"LANG": "C.UTF-8"}).source == DEFAULT


def test_an_unknown_language_is_passed_over_with_a_notice() -> None:
    choice = choose("fr", None, "ja", EN_LOCALE)
    assert (choice.language, choice.source) == ("ja", CONSULTATION)
    assert len(choice.notices) == 1
    # Said in the language chosen, naming what was asked for and where.
    assert "'fr'" in choice.notices[0] and "--lang" in choice.notices[0]
    assert "使えません" in choice.notices[0]


def test_a_config_value_of_the_wrong_type_is_passed_over() -> None:
    choice = choose(None, 7, None, EN_LOCALE)
    assert (choice.language, choice.source) == ("en", LOCALE)
    assert "config.toml" in choice.notices[0]


def test_a_locale_pctui_does_not_have_is_passed_over_silently() -> None:
    choice = choose(None, None, None, {"LANG": "fr_FR.UTF-8"})
    assert (choice.language, choice.notices) == ("en", [])


@pytest.mark.parametrize(
    ("tag", "language"),
    [("ja_JP.UTF-8", "ja"), ("en-GB", "en"), ("JA", "ja"), ("de_DE@euro", "de"),
     ("C", None), ("POSIX", None), ("", None), (None, None)],
)  # fmt: skip
def test_locale_names_are_reduced_to_a_language(tag: str | None, language: str | None) -> None:
    assert normalize(tag) == language


def test_the_first_locale_variable_set_decides_as_in_gettext() -> None:
    assert locale_language({"LANGUAGE": "ja:en", "LANG": "en_US.UTF-8"}) == "ja"
    assert locale_language({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}) == "en"
    assert locale_language({"LC_MESSAGES": "ja_JP.UTF-8"}) == "ja"
    assert locale_language({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}) is None


def test_english_is_the_source_text_and_japanese_comes_from_the_catalog() -> None:
    assert current_language() == "en"  # the test default (tests/conftest.py)
    assert _("the response text is empty") == "the response text is empty"
    install("ja")
    assert current_language() == "ja"
    assert _("the response text is empty") == "回答の文章が空です"
    assert ngettext("{path}: {count} problem", "{path}: {count} problems", 3) == (
        "{path}: 問題 {count} 件"
    )
    install("xx")  # not a language pctui has: English, no crash
    assert current_language() == "en"


def test_dates_in_the_style_of_the_language() -> None:
    moment = dt.datetime(2025, 1, 5, 14, 3, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert format_datetime(moment) == "05 Jan 2025 14:03"
    assert format_date(moment.date()) == "05 Jan 2025"
    install("ja")
    assert format_datetime(moment) == "2025年1月5日 14:03"
    assert format_date(dt.date(2025, 12, 15)) == "2025年12月15日"


def test_a_choice_behaves_as_the_dataclass_it_was() -> None:
    import dataclasses

    from pctui.i18n import Choice

    reference = dataclasses.make_dataclass(
        "Choice",
        [
            ("language", str),
            ("source", str),
            ("notices", list, dataclasses.field(default_factory=list)),
        ],
        frozen=True,
    )
    mine, theirs = Choice("ja", CONFIG, ["n"]), reference("ja", CONFIG, ["n"])
    assert repr(mine) == repr(theirs)
    assert mine == Choice("ja", CONFIG, ["n"]) and mine != Choice("ja", CONFIG)
    assert mine.__eq__(theirs) is NotImplemented
    assert Choice("en", DEFAULT).notices == [] and Choice("en", DEFAULT).notices is not (
        Choice("en", DEFAULT).notices
    )
    with pytest.raises(TypeError):
        hash(mine)
    assert "__code__" in dir(Choice.__init__) and Choice.__init__.__code__.co_filename.endswith(
        "i18n.py"
    )  # written out, not compiled by dataclass at import
