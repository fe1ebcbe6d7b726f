"""Drafted pinyin against GB/T 16159 (word joining, capitals) and GB/T 28039 (names).

The expected forms are ours, written from the two standards' rules: syllables of one word
joined, words apart; numerals and measure words apart (sān nián); 第 with a hyphen; an
apostrophe before a, o, e inside a word; every word of a name capitalised except function
words; personal names as Surname Givenname, compound surnames whole, surnames with their
surname reading, single-unit names whole.
"""

from __future__ import annotations

import pytest

from nda_reader.lang.pinyin import draft_pinyin, form_issue, unreadable

NAMES_OF_THINGS = {  # proper nouns: organisations, places, events, documents, initiatives
    "国务院": "Guówùyuàn",
    "国务院新闻办公室": "Guówùyuàn Xīnwén Bàngōngshì",
    "国家发展和改革委员会": "Guójiā Fāzhǎn hé Gǎigé Wěiyuánhuì",
    "工业和信息化部": "Gōngyè hé Xìnxīhuà Bù",
    "中华人民共和国": "Zhōnghuá Rénmín Gònghéguó",
    "北京市人民政府": "Běijīng Shì Rénmín Zhèngfǔ",
    "上海市": "Shànghǎi Shì",
    "广东省": "Guǎngdōng Shěng",
    "中国共产党": "Zhōngguó Gòngchǎndǎng",
    "中国共产党第二十次全国代表大会": "Zhōngguó Gòngchǎndǎng Dì-èrshí Cì Quánguó Dàibiǎo Dàhuì",
    "全国人民代表大会": "Quánguó Rénmín Dàibiǎo Dàhuì",
    "中国人民银行": "Zhōngguó Rénmín Yínháng",
    "国家统计局": "Guójiā Tǒngjìjú",
    "最高人民法院": "Zuìgāo Rénmín Fǎyuàn",
    "外交部": "Wàijiāobù",
    "新华社": "Xīnhuáshè",
    "人民日报": "Rénmín Rìbào",
    "长江": "Chángjiāng",
    "天安门广场": "Tiān'ānmén Guǎngchǎng",
    "北京大学": "Běijīng Dàxué",
    "一带一路": "Yīdài Yīlù",
    "东数西算": "Dōngshù Xīsuàn",
    "数字中国": "Shùzì Zhōngguó",
    "联合国": "Liánhéguó",
    "上海合作组织": "Shànghǎi Hézuò Zǔzhī",
    "二十届三中全会": "Èrshí Jiè Sānzhōng Quánhuì",
    "十四五规划": "Shísìwǔ Guīhuà",
    "西安": "Xī'ān",
    "数据要素×": "Shùjù Yàosù Chéng",
    "数据要素×三年行动计划": "Shùjù Yàosù Chéng Sān Nián Xíngdòng Jìhuà",
}

TERMS = {  # common nouns and phrases: lower case, proper parts capitalised
    "数据要素": "shùjù yàosù",
    "新质生产力": "xīnzhì shēngchǎnlì",
    "高质量发展": "gāozhìliàng fāzhǎn",
    "公共数据": "gōnggòng shùjù",
    "人工智能": "réngōng zhìnéng",
    "大数据": "dàshùjù",
    "数字化转型": "shùzìhuà zhuǎnxíng",
    "市场化配置": "shìchǎnghuà pèizhì",
    "共同富裕": "gòngtóng fùyù",
    "改革开放": "gǎigé kāifàng",
    "新发展格局": "xīn fāzhǎn géjú",
    "全国统一大市场": "quánguó tǒngyī dà shìchǎng",
    "数据基础设施": "shùjù jīchǔ shèshī",
    "数据跨境流动": "shùjù kuàjìng liúdòng",
    "新官上任三把火": "xīnguān shàngrèn sān bǎ huǒ",
    "获得感、幸福感、安全感": "huòdégǎn, xìngfúgǎn, ānquángǎn",
    "中国式现代化": "Zhōngguóshì xiàndàihuà",
    "习近平新时代中国特色社会主义思想": "Xí Jìnpíng xīn shídài Zhōngguó tèsè shèhuì zhǔyì sīxiǎng",
    "社会主义市场经济": "shèhuì zhǔyì shìchǎng jīngjì",
    "三年行动计划": "sān nián xíngdòng jìhuà",
    "一条主线": "yī tiáo zhǔxiàn",
    "供给侧结构性改革": "gōngjǐcè jiégòuxìng gǎigé",
    "绿色发展": "lǜsè fāzhǎn",
    "乡村振兴": "xiāngcūn zhènxīng",
    "网络安全": "wǎngluò ānquán",
    "第一": "dì-yī",
}

PEOPLE = {
    "郑栅洁": "Zhèng Shānjié",  # pypinyin alone reads 栅 zhà
    "刘烈宏": "Liú Lièhóng",
    "习近平": "Xí Jìnpíng",
    "李强": "Lǐ Qiáng",
    "欧阳修": "Ōuyáng Xiū",
    "司马光": "Sīmǎ Guāng",
    "诸葛亮": "Zhūgě Liàng",
    "单田芳": "Shàn Tiánfāng",
    "曾国藩": "Zēng Guófān",
    "解缙": "Xiè Jìn",
    "仇英": "Qiú Yīng",
    "区伯嘉": "Ōu Bójiā",
    "朴槿惠": "Piáo Jǐnhuì",
    "查良镛": "Zhā Liángyōng",
    "女娲": "Nǚwā",
    "盘古": "Pángǔ",
    "邢慧娜": "Xíng Huìnà",
    "吕布": "Lǚ Bù",
}


def test_the_table_has_at_least_sixty_terms_and_names() -> None:
    assert len(NAMES_OF_THINGS) + len(TERMS) + len(PEOPLE) >= 60


@pytest.mark.parametrize(("hanzi", "expected"), NAMES_OF_THINGS.items())
def test_names_of_things_capitalise_every_word(hanzi: str, expected: str) -> None:
    assert draft_pinyin(hanzi, proper=True) == expected


@pytest.mark.parametrize(("hanzi", "expected"), TERMS.items())
def test_terms_are_joined_by_word(hanzi: str, expected: str) -> None:
    assert draft_pinyin(hanzi) == expected


@pytest.mark.parametrize(("hanzi", "expected"), PEOPLE.items())
def test_personal_names_follow_gb_t_28039(hanzi: str, expected: str) -> None:
    assert draft_pinyin(hanzi, person=True) == expected


def test_surname_readings_do_not_leak_into_running_text() -> None:
    assert draft_pinyin("单位") == "dānwèi"
    assert draft_pinyin("曾经") == "céngjīng"
    assert draft_pinyin("栅栏") == "zhàlan" or draft_pinyin("栅栏") == "zhàlán"


def test_known_words_keep_their_curated_pinyin_and_capitals() -> None:
    from nda_reader.lang.segment import KnownWord

    known = {"东数西算": KnownWord("Dōngshù Xīsuàn", proper=True)}
    assert draft_pinyin("东数西算工程", known=known) == "Dōngshù Xīsuàn gōngchéng"
    terms = {"数据要素": KnownWord("shùjù yàosù")}
    assert draft_pinyin("数据要素市场", proper=True, known=terms) == "Shùjù Yàosù Shìchǎng"


def test_a_character_pypinyin_cannot_read_is_reported_not_copied() -> None:
    assert unreadable("数据兙") == ["兙"]
    assert "兙" not in draft_pinyin("数据兙")


@pytest.mark.parametrize(
    ("stored", "draft", "person", "issue"),
    [
        ("guówù yuànxīn wénbàn gōngshì", "Guówùyuàn Xīnwén Bàngōngshì", False, "word joining"),
        ("guówùyuàn xīnwén bàngōngshì", "Guówùyuàn Xīnwén Bàngōngshì", False, "capitalisation"),
        ("zhèngshānjié", "Zhèng Shānjié", True, "name form"),
        ("Zhèng Shānjié", "Zhèng Shānjié", True, None),
        ("Zhèng Shānjié", "Zhèng Zhàjié", True, None),  # a reading: check_pinyin's business
    ],
)
def test_form_issue_names_what_differs(
    stored: str, draft: str, person: bool, issue: str | None
) -> None:
    assert form_issue(stored, draft, person=person) == issue
