"""Tests for nda_reader.lang.pinyin: drafting, splitting, normalising and checking pinyin."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nda_reader.lang.pinyin import check_pinyin, draft_pinyin, normalize, syllables, tone_numbers
from tests.helpers.corpora import REPO


def test_import_does_not_load_pypinyin() -> None:
    code = (
        "import sys, nda_reader.lang.pinyin\n"
        "assert 'pypinyin' not in sys.modules, sorted(m for m in sys.modules if 'pinyin' in m)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("郑栅洁", "Zhèng Shānjié"),
        ("刘烈宏", "Liú Lièhóng"),
        ("张望", "Zhāng Wàng"),
        ("欧阳修", "Ōuyáng Xiū"),
        ("尉迟恭", "Yùchí Gōng"),
        ("吕布", "Lǚ Bù"),
    ],
)
def test_person_names(name: str, expected: str) -> None:
    assert draft_pinyin(name, person=True) == expected


@pytest.mark.parametrize(
    ("surname", "reading"),
    [("单", "Shàn"), ("曾", "Zēng"), ("解", "Xiè"), ("仇", "Qiú"), ("区", "Ōu"),
     ("朴", "Piáo"), ("查", "Zhā"), ("翟", "Zhái"), ("盖", "Gě")],
)  # fmt: skip
def test_surname_readings(surname: str, reading: str) -> None:
    assert draft_pinyin(surname + "伟", person=True) == f"{reading} Wěi"


def test_surname_reading_only_applies_to_persons() -> None:
    assert draft_pinyin("单位") == "dānwèi"


def test_no_global_leak_of_name_corrections() -> None:
    assert draft_pinyin("郑栅洁", person=True) == "Zhèng Shānjié"
    assert normalize(draft_pinyin("栅栏")) in ("zhàlán", "zhàlan")
    assert normalize(draft_pinyin("铁栅栏门")) == "tiězhàlánmén"


@pytest.mark.parametrize(
    ("hanzi", "expected"),
    [("绿色", "lǜsè"), ("女性", "nǚxìng"), ("旅游", "lǚyóu"), ("战略", "zhànlüè")],
)
def test_u_umlaut_never_v(hanzi: str, expected: str) -> None:
    draft = draft_pinyin(hanzi)
    assert draft == expected
    assert "v" not in draft


def test_terms_joined_per_word() -> None:
    assert draft_pinyin("数据要素") == "shùjù yàosù"
    assert normalize(draft_pinyin("国家数据局")) == "guójiāshùjùjú"


def test_apostrophe_before_a_o_e() -> None:
    assert draft_pinyin("西安") == "xī'ān"


def test_non_hanzi_kept() -> None:
    assert draft_pinyin("数据要素×") == "shùjù yàosù chéng"  # the sign is read
    assert draft_pinyin("AI大模型").startswith("AI ")


def test_syllables() -> None:
    assert syllables("Shùjùjú") == ["shù", "jù", "jú"]
    assert syllables("xī'ān") == ["xī", "ān"]
    assert syllables("Zhèng Shānjié") == ["zhèng", "shān", "jié"]
    assert syllables("guójiā shùjù-jú") == ["guó", "jiā", "shù", "jù", "jú"]
    assert syllables("fāngàn") == ["fān", "gàn"]


def test_normalize() -> None:
    assert normalize("Xī'ān") == "xīān"
    assert normalize("Guójiā Shùjù-jú") == "guójiāshùjùjú"
    assert normalize("Lǚ") == "lǚ"


def test_check_accepts_correct_pinyin() -> None:
    assert check_pinyin("郑栅洁", "Zhèng Shānjié", person=True) is None
    assert check_pinyin("数据要素", "shùjù yàosù") is None
    assert check_pinyin("国家数据局", "Guójiā Shùjùjú") is None
    assert check_pinyin("数据要素×", "shùjù yàosù chéng") is None


def test_check_reports_wrong_tone() -> None:
    message = check_pinyin("郑栅洁", "zhèng zhà jié", person=True)
    assert message is not None
    assert "zhèng zhà jié" in message and "Zhèng Shānjié" in message


def test_check_reports_count_mismatch() -> None:
    message = check_pinyin("郑栅洁", "Zhèng Shān", person=True)
    assert message is not None
    assert "3 hanzi but 2 syllables" in message


def test_check_reports_v_for_u() -> None:
    message = check_pinyin("绿色", "lvsè")
    assert message is not None
    assert "write ü, not v" in message


def test_tone_numbers() -> None:
    assert [tone_numbers(s) for s in ("ān", "jú", "lǚ", "shù", "ma")] == [1, 2, 3, 4, 5]
    assert tone_numbers("lüè") == 4
    assert tone_numbers("zhong1") == 1


def test_punctuation_between_listed_words_does_not_count_as_a_difference() -> None:
    assert check_pinyin("获得感、幸福感、安全感", "huòdégǎn, xìngfúgǎn, ānquángǎn") is None
