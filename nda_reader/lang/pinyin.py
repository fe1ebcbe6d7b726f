"""Pinyin helpers: drafting, splitting, normalising and checking pinyin.

Pure core module (no ``textual``).  ``pypinyin`` is slow and large to import, so it is
imported lazily inside the functions that need it, never at module import time.

Drafts follow GB/T 16159 for terms (syllables of a word joined, apostrophe before a, o, e
inside a word) and GB/T 28039 for personal names ("Zhèng Shānjié").  pypinyin's global
dictionaries are never modified; corrections (surname readings, 栅 = shān in names) are
applied locally to the result.
"""

from __future__ import annotations

import re
import unicodedata

from nda_reader.lang.hanzi import all_han

__all__ = [
    "check_pinyin",
    "draft_pinyin",
    "normalize",
    "syllables",
    "tone_numbers",
    "toneless",
]

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_SEPARATORS = re.compile(r"[\s'’‘ʼ\-‐‑–—,.;:!?、，。；：！？“”\"()（）《》·]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")

#: Toneless standard syllables (ü written as ü); used to split joined words.
_SYLLABLE_TABLE = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu
    ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou
    chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang
    dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en
    eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou
    gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai
    huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai
    kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao
    le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
    ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang
    nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe
    o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang
    qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
    rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi
    shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
    tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei
    wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
    yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha
    zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
    zhun zhuo zi zong zou zu zuan zui zun zuo
"""
_SYLLABLES = frozenset(_SYLLABLE_TABLE.split())

#: Compound surnames (复姓) and their readings.
_COMPOUND_SURNAME_TABLE = """
    欧阳:ōuyáng 司马:sīmǎ 诸葛:zhūgě 上官:shàngguān 司徒:sītú 东方:dōngfāng 皇甫:huángfǔ
    尉迟:yùchí 公孙:gōngsūn 慕容:mùróng 夏侯:xiàhóu 令狐:línghú 长孙:zhǎngsūn 宇文:yǔwén
    澹台:tántái 轩辕:xuānyuán 万俟:mòqí 端木:duānmù 西门:xīmén 南宫:nángōng 独孤:dúgū
    呼延:hūyán 闻人:wénrén 申屠:shēntú 公冶:gōngyě 太史:tàishǐ 钟离:zhōnglí 宗政:zōngzhèng
    濮阳:púyáng 淳于:chúnyú 单于:chányú 赫连:hèlián 司空:sīkōng 拓跋:tuòbá 百里:bǎilǐ
    公羊:gōngyáng 乐正:yuèzhèng 漆雕:qīdiāo 左丘:zuǒqiū 东郭:dōngguō 第五:dìwǔ
"""
_COMPOUND_SURNAMES = dict(item.split(":", 1) for item in _COMPOUND_SURNAME_TABLE.split())

#: Single-character surnames whose surname reading differs from pypinyin's default.
_SURNAME_TABLE = """
    单:shàn 曾:zēng 解:xiè 仇:qiú 区:ōu 朴:piáo 查:zhā 盖:gě 乐:yuè 缪:miào
    覃:qín 种:chóng 召:shào 翟:zhái 任:rén 华:huà 纪:jǐ 过:guō 员:yùn 繁:pó
    秘:bì 隗:wěi 祭:zhài 折:shé 句:gōu 长:cháng 沈:shěn 卜:bǔ 尉:wèi
"""
_SURNAME_READINGS = dict(item.split(":", 1) for item in _SURNAME_TABLE.split())

#: Readings of characters inside given names that differ from pypinyin's default.
_GIVEN_NAME_READINGS = {"栅": "shān"}

#: Single characters that attach to the preceding word (GB/T 16159 monosyllabic suffixes).
_SUFFIXES = frozenset("化性者局部院署厅委法率型式家员界们")
#: Function words that stay separate words and break runs of unsegmented characters.
_FUNCTION_WORDS = frozenset("和与及的之在对等了是为以于或而并向从把被将由其")


def _is_hanzi(text: str) -> bool:
    return all_han(text)


def _base(char: str) -> str:
    """Lowercase letter of ``char`` without tone mark (ü kept, v read as ü)."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return "ü" if bare == "v" else bare


def _hanzi_syllables(word: str) -> list[str]:
    """Tone-marked syllables pypinyin gives for ``word`` (one item per hanzi), ü never v."""
    from pypinyin import Style, pinyin

    return [item[0].replace("v", "ü") for item in pinyin([word], style=Style.TONE)]


def _join_word(sylls: list[str]) -> str:
    """Join syllables into one word with an apostrophe before a, o, e (xī'ān)."""
    out = sylls[0] if sylls else ""
    for syl in sylls[1:]:
        out += ("'" if _base(syl[:1]) in ("a", "o", "e") else "") + syl
    return out


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


def _group_run(run: list[str]) -> list[str]:
    """Group characters pypinyin left unsegmented: 2-3 form one word, longer runs pairs."""
    if len(run) <= 3:
        return ["".join(run)] if len(run) > 1 else run
    groups = ["".join(run[i : i + 2]) for i in range(0, len(run) - len(run) % 2, 2)]
    if len(run) % 2:
        groups[-1] += run[-1]
    return groups


def _term_tokens(text: str) -> list[str]:
    """Split ``text`` into hanzi words and non-hanzi chunks."""
    from pypinyin.seg.simpleseg import seg

    tokens: list[str] = []
    run: list[str] = []

    def flush() -> None:
        tokens.extend(_group_run(run))
        run.clear()

    for segment in seg(text):
        if not _is_hanzi(segment):
            flush()
            tokens.extend(part for part in segment.split() if part)
        elif len(segment) > 1 or segment in _FUNCTION_WORDS:
            flush()
            tokens.append(segment)
        elif not run and segment in _SUFFIXES and tokens and _is_hanzi(tokens[-1]):
            tokens[-1] += segment
        else:
            run.append(segment)
    flush()
    return tokens


def _join_tokens(tokens: list[str]) -> str:
    """Join words with spaces; closing punctuation hugs the left, opening the right."""
    out = ""
    for token in tokens:
        word = _join_word(_hanzi_syllables(token)) if _is_hanzi(token) else token
        if out and not (
            unicodedata.category(word[0]) in ("Pe", "Pf", "Po")
            or unicodedata.category(out[-1]) in ("Ps", "Pi")
        ):
            out += " "
        out += word
    return out


def _draft_person(name: str) -> str:
    parts = [p for p in re.split(r"[·•・\s]+", name) if p]
    if len(parts) != 1:  # transcribed minority or foreign name: one word per part
        return " ".join(_capitalize(_join_word(_hanzi_syllables(p))) for p in parts)
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        surname, given = _COMPOUND_SURNAMES[name[:2]], name[2:]
    else:
        surname = _SURNAME_READINGS.get(name[0]) or _join_word(_hanzi_syllables(name[0]))
        given = name[1:]
    if not given:
        return _capitalize(surname)
    given_sylls = [
        _GIVEN_NAME_READINGS.get(char, syl)
        for char, syl in zip(given, _hanzi_syllables(given), strict=False)
    ]
    return f"{_capitalize(surname)} {_capitalize(_join_word(given_sylls))}"


def draft_pinyin(hanzi: str, *, person: bool = False) -> str:
    """Draft tone-marked pinyin for ``hanzi``.

    Terms (GB/T 16159): words from pypinyin's segmenter, syllables of a word joined, words
    separated by spaces (数据要素 -> "shùjù yàosù"); non-hanzi characters are kept.
    Persons (GB/T 28039, ``person=True``): capitalised surname and given name, with surname
    readings and compound surnames handled (郑栅洁 -> "Zhèng Shānjié", 单 -> "Shàn").
    ü is always written ü, never v.  The result is a draft to be reviewed by a human.
    """
    text = unicodedata.normalize("NFC", hanzi).strip()
    if not text:
        return ""
    if person:
        return _draft_person(text)
    return _join_tokens(_term_tokens(text))


def _split_run(run: str) -> list[str]:
    """Split one run of letters into syllables (fewest apostrophe violations, then fewest)."""
    bases = [_base(c) for c in run]
    marks = [_base(c) != c.lower() and c.lower() != "v" for c in run]
    best: list[tuple[int, int, int] | None] = [(0, 0, 0)] + [None] * len(run)
    for start in range(len(run)):
        here = best[start]
        if here is None:
            continue
        for end in range(start + 1, min(len(run), start + 6) + 1):
            if "".join(bases[start:end]) not in _SYLLABLES or sum(marks[start:end]) > 1:
                continue
            penalty = here[0] + (1 if start and bases[start] in ("a", "o", "e") else 0)
            candidate = (penalty, here[1] + 1, start)
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    if best[-1] is None:
        return [run.lower()]
    out: list[str] = []
    end = len(run)
    while end:
        entry = best[end]
        assert entry is not None
        out.append(run[entry[2] : end].lower())
        end = entry[2]
    return out[::-1]


def syllables(pinyin: str) -> list[str]:
    """Split stored pinyin into lowercase syllables.

    Spaces, apostrophes, hyphens and non-letters separate; joined words are split by the
    syllable table ("Shùjùjú" -> ["shù", "jù", "jú"], "xī'ān" -> ["xī", "ān"]).
    """
    text = unicodedata.normalize("NFC", pinyin)
    out: list[str] = []
    for chunk in _SEPARATORS.split(text):
        for run in _LETTER_RUN.findall(chunk):
            out.extend(_split_run(run))
    return out


def normalize(pinyin: str) -> str:
    """Comparison key: NFC, lowercase, ü kept, spaces/apostrophes/hyphens removed."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFC", pinyin).lower())


_TONE_DIGIT = re.compile(r"(?<=[a-zü])[1-5](?![0-9])")


def toneless(text: str) -> str:
    """``text`` as one types pinyin without tones: lowercase, tone marks and tone digits
    dropped, ü as u ("Guójiā Shùjùjú" and "guo2jia1" -> "guojia shujuju", "guojia").
    Anything else (hanzi, English) is only lowercased."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TONE_DIGIT.sub("", unicodedata.normalize("NFC", bare))


def check_pinyin(hanzi: str, stored: str, *, person: bool = False) -> str | None:
    """Compare ``stored`` pinyin with the draft for ``hanzi``.

    Returns None when ``normalize(stored) == normalize(draft)``, else a short message naming
    the problems: v written for ü, a hanzi/syllable count mismatch, the differing draft.
    """
    draft = draft_pinyin(hanzi, person=person)
    problems: list[str] = []
    hanzi_count = sum(1 for char in hanzi if _is_hanzi(char))
    foreign = [part for part in re.split(r"\s+", hanzi) if part]
    foreign = [t for p in foreign for t in _term_tokens(p) if not _is_hanzi(t)]
    counted = stored
    for token in foreign:  # Latin words etc. carried over from the hanzi are not syllables
        counted = re.sub(re.escape(token), " ", counted, count=1, flags=re.IGNORECASE)
    uses_v = re.search(r"v", counted, flags=re.IGNORECASE) is not None
    if uses_v:
        problems.append("write ü, not v")
    syllable_count = len(syllables(counted))
    if syllable_count != hanzi_count:
        problems.append(f"{hanzi_count} hanzi but {syllable_count} syllables")
    fixed = stored.replace("v", "ü").replace("V", "Ü") if uses_v else stored
    if normalize(fixed) != normalize(draft):
        problems.append(f"pinyin {stored!r} differs from the draft {draft!r}")
    return "; ".join(problems) or None


def tone_numbers(syllable: str) -> int:
    """Tone of a syllable: 1-4 from the tone mark (or a trailing digit), 5 for neutral."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    digit = syllable.strip()[-1:]
    return int(digit) if digit in ("1", "2", "3", "4", "5") else 5
