"""A large generated corpus for benchmarks: years of readouts, speeches and transcripts.

    python benchmarks/generate.py          (writes it to benchmarks/out/corpus)

Deterministic by seed: the same seed gives the same bytes. By default 1,000 texts of
about 50 MB in all (5 KB to 400 KB each, a few multi-part documents, 400 transcripts),
a glossary of 2,000 entries (terms, people with roles, organisations; pinyin drafted by
nda-reader's own drafter), 6,400 cross-references, 600 notes and one speakers layer per
transcript. The words are made up here: English-like filler from a word list, and Chinese
passages drawn from a list of common characters; none of it is anyone's text.

Markers the benchmarks rely on:
- the hot term ``HOT_ENGLISH`` (entry ``term-0001``) occurs about 5,000 times across the
  corpus (concordance of a frequent term);
- the first document by date is ``FIRST_DOC``; its first paragraph starts with
  ``FIRST_WORDS`` and names the hot term (its first term); ``Line 30 of the opening``
  shows on its second screen at 120x40 and ``SECOND_SCREEN`` further down.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nda_reader.corpus.anchors import make_anchor
from nda_reader.lang.pinyin import draft_pinyin

HOT_ENGLISH = "Data Element Commons"
FIRST_WORDS = "Opening paragraph of the first generated document"
SECOND_SCREEN = "Second screen marker of the first generated document"
FIRST_DOC = "gen-0001"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
WORDS = _words(
    "data market policy reform allocation infrastructure security governance platform pilot "
    "circulation value digital economy development national regional local industrial public "
    "enterprise sector standard system mechanism framework capacity innovation resource asset "
    "trade service network computing storage supply demand quality efficiency coordination "
    "integration cooperation investment finance rural urban project programme plan strategy "
    "measure support promote strengthen improve accelerate deepen expand build establish "
    "ensure implement advance foster guide encourage regulate protect share open release "
    "the the the of of of and and and to to in in for for with on by as at from that which "
    "its their this these new key major basic overall further steady orderly secure green"
)
ADJECTIVES = _words(
    "National Public Regional Digital Integrated Cross-border Industrial Rural Urban Green "
    "Strategic Basic Open Secure Trusted Unified Smart Civic Municipal Provincial Central "
    "Special Joint Pilot Emerging Shared Coastal Western Northern Southern"
)
NOUNS = _words(
    "Data Computing Market Credit Trade Finance Energy Transport Health Education Water "
    "Grain Science Labour Land Ocean Space Culture Tourism Logistics Customs Tax Audit "
    "Statistics Archive Security Network Platform Cloud Satellite"
)
HEADS = _words(
    "Initiative Programme Zone Fund Office Bureau Commission Plan Exchange Alliance Centre "
    "Corridor Standard Registry Network"
)
ONSETS = _words("b c d f g h l m n p r s t v w st pr tr cl gr br pl sh ch th")
NUCLEI = _words("a e i o u ai ea io ou ee")
CODAS = ("", "", "n", "r", "s", "t", "l", "m", "nt", "st", "ng", "ct", "rd")


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """English-like words: real function and policy words first, then made-up ones; drawn
    with Zipf-like frequencies (rank ``r`` about ``1/r``), as words of real text are."""
    words = list(dict.fromkeys(["the", "of", "and", "to", "in", "for", "on", "with", *WORDS]))
    seen = set(words)
    while len(words) < size:
        parts = [rng.choice(ONSETS) + rng.choice(NUCLEI) for _ in range(rng.randint(1, 3))]
        word = "".join(parts) + rng.choice(CODAS)
        if len(word) > 3 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


TITLES = ("Director", "Deputy Director", "Vice Minister", "Spokesperson", "Secretary-General")
RELATIONS = ("continues", "same-initiative", "follow-up", "elaborates", "contrasts", "quotes")


@dataclass
class Entry:
    """One generated glossary entry."""

    id: str
    kind: str
    hanzi: str
    english: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Text:
    """One generated text: front matter values and body, and where its passages start."""

    id: str
    date: str
    kind: str
    title: str
    body: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    labels: list[tuple[int, int, str]] = field(default_factory=list)
    part_of: str = ""
    part: int = 0


def q(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


class CorpusGenerator:
    """Makes the corpus from one seeded random source (see the module docstring)."""

    def __init__(self, seed: int, docs: int, megabytes: float, terms: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.docs = docs
        self.bytes = int(megabytes * 1_000_000)
        self.entries = self._glossary(terms)
        self.people = [e for e in self.entries if e.kind == "person"]

    # ------------------------------------------------------------------ glossary
    def _hanzi(self, n: int, taken: set[str], first: str = "") -> str:
        while True:
            word = first + "".join(self.rng.choice(HANZI) for _ in range(n - len(first)))
            if word not in taken:
                taken.add(word)
                return word

    def _glossary(self, count: int) -> list[Entry]:
        rng, taken, english = self.rng, set[str](), set[str]()
        out = [Entry("term-0001", "term", self._hanzi(4, taken), HOT_ENGLISH, ["DEC"])]
        english.add(HOT_ENGLISH.lower())
        while len(out) < count:
            i = len(out) + 1
            if i % 7 == 0:  # a person: English form is the toneless pinyin of the name
                hanzi = self._hanzi(rng.choice((2, 3, 3)), taken, rng.choice(SURNAMES))
                name = _toneless(draft_pinyin(hanzi, person=True))
                if name.lower() in english:
                    continue
                start = 2010 + rng.randrange(12)
                role = (rng.choice(TITLES), f"org-{rng.randrange(1, 200):04d}", str(start))
                entry = Entry(f"person-{i:04d}", "person", hanzi, name, roles=[role])
            else:
                name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(HEADS)}"
                if name.lower() in english:
                    continue
                kind = "organisation" if name.split()[-1] in ("Office", "Bureau") else "term"
                prefix = "org" if kind == "organisation" else "term"
                hanzi = self._hanzi(rng.choice((3, 4, 4, 5, 6)), taken)
                entry = Entry(f"{prefix}-{i:04d}", kind, hanzi, name)
                if rng.random() < 0.3:
                    alias = "".join(w[0] for w in name.split()) + f"{i % 97}"
                    if alias.lower() not in english:
                        entry.aliases.append(alias)
                        english.add(alias.lower())
            english.add(name.lower())
            out.append(entry)
        return out

    def glossary_yaml(self) -> str:
        """The glossary layer."""
        lines = ["# Generated for benchmarks (benchmarks/corpus_gen.py).", "layer: glossary"]
        lines += ["version: 1", "entries:"]
        orgs = {e.id for e in self.entries}
        for e in self.entries:
            person = e.kind == "person"
            lines += [
                f"  - id: {e.id}",
                f"    kind: {e.kind}",
                f"    hanzi: {e.hanzi}",
                f"    pinyin: {q(draft_pinyin(e.hanzi, person=person))}",
                f"    english: {q(e.english)}",
                "    hanzi_source: text",
            ]
            if e.aliases:
                lines.append(f"    aliases: [{', '.join(q(a) for a in e.aliases)}]")
            for title, org, start in e.roles:
                lines += ["    roles:", f"      - title: {title}"]
                if org in orgs:
                    lines.append(f"        organisation: {org}")
                lines.append(f"        from: {q(start)}")
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------ texts
    def _term(self) -> Entry:
        rng, n = self.rng, len(self.entries)
        # Some terms are frequent (Zipf-like), most are rare; term-0001 is placed on purpose.
        if rng.random() < 0.15:
            return self.entries[min(n - 1, int(rng.paretovariate(1.3)))]
        return self.entries[rng.randrange(1, n)]

    def _mention(self, entry: Entry) -> str:
        r = self.rng.random()
        if entry.aliases and r < 0.2:
            return entry.aliases[0]
        if r < 0.35:
            return f"{entry.english} ({entry.hanzi})"
        return entry.english

    def _sentence(self) -> str:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(10, 26))
        for _ in range(rng.choice((0, 1, 1, 2))):
            words.insert(rng.randrange(len(words) + 1), self._mention(self._term()))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def _chinese(self) -> str:
        rng, parts = self.rng, []
        for _ in range(rng.randint(2, 5)):
            run = "".join(rng.choice(HANZI) for _ in range(rng.randint(8, 24)))
            if rng.random() < 0.6:
                cut = rng.randrange(len(run))
                run = run[:cut] + self._term().hanzi + run[cut:]
            parts.append(run + rng.choice("，；"))
        return "".join(parts)[:-1] + "。"

    def _paragraph(self, hot: int) -> str:
        rng = self.rng
        if rng.random() < 0.08:
            return self._chinese()
        sentences = [self._sentence() for _ in range(rng.randint(2, 6))]
        for _ in range(hot):
            i = rng.randrange(len(sentences))
            hot_form = self._mention(self.entries[0])
            sentences[i] = sentences[i][:-1] + f", said the {hot_form} report."
        return " ".join(sentences)

    def texts(self) -> Iterator[Text]:
        """The texts in id order (dates spread over 2015-2026, oldest first)."""
        rng = self.rng
        weights = [rng.lognormvariate(0, 0.9) for _ in range(self.docs)]
        scale = self.bytes / sum(weights)
        part_left, part_of, part = 0, "", 0
        for n in range(1, self.docs + 1):
            day = 1 + (n - 1) * 4000 // self.docs
            date = f"{2015 + day // 365:04d}-{1 + day % 365 // 31 % 12:02d}-{1 + day % 28:02d}"
            kind = "transcript" if n % 5 in (1, 3) else rng.choice(("readout", "speech", "report"))
            if part_left == 0 and n > 1 and rng.random() < 0.03:
                part_left, part_of, part = rng.randint(2, 3), f"gen-multi-{n:04d}", 0
            title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} meeting no. {n}"
            text = Text(f"gen-{n:04d}", date, kind, title)
            if part_left:
                part += 1
                part_left -= 1
                text.part_of, text.part = part_of, part
            target = max(5_000, min(400_000, int(weights[n - 1] * scale)))
            self._fill(text, target, first=n == 1)
            yield text

    def _fill(self, text: Text, target: int, *, first: bool) -> None:
        rng, out, size = self.rng, [], 0
        speakers = [rng.choice(self.people).english for _ in range(rng.randint(2, 4))]
        hot_every = 13  # paragraphs: ~10 mentions of the hot term per 50 KB

        def add(block: str, paragraph: bool = True, label: str = "") -> None:
            nonlocal size
            start = size
            out.append(block)
            size += len(block) + 2
            if paragraph:
                text.paragraphs.append((start, start + len(block)))
            if label:
                text.labels.append((start, start + len(block), label))

        if first:
            add(f"{FIRST_WORDS}, which opens the corpus of the {HOT_ENGLISH}.")
            for i in range(40):
                add(f"Line {i + 1:02d} of the opening section about {rng.choice(WORDS)}.", False)
            add(f"{SECOND_SCREEN} follows here.")
        n = 0
        while size < target:
            n += 1
            if n % 12 == 1:
                add(f"## Section {n // 12 + 1}: {rng.choice(NOUNS)} {rng.choice(HEADS)}", False)
                continue
            if text.kind == "transcript" and n % 3 == 0:
                who = rng.randrange(len(speakers))
                add(f"{speakers[who]}:", False, label=f"s{who + 1}")
            if n % 9 == 0:
                for _ in range(rng.randint(2, 4)):
                    add(f"- {self._sentence()}", False)
                continue
            add(self._paragraph(1 if n % hot_every == 0 else 0))
        text.body = "\n\n".join(out) + "\n"

    def text_file(self, text: Text) -> str:
        """The text with its front matter."""
        head = ["---", f"id: {text.id}", f"title: {q(text.title)}", f"date: {text.date}"]
        head += [f"kind: {text.kind}", "language: en", "publisher: Generated"]
        if text.part_of:
            head += [f"part_of: {text.part_of}", f"part: {text.part}"]
        return "\n".join([*head, "---", text.body])

    # ---------------------------------------------------------------- annotations
    def speakers_yaml(self, text: Text) -> str:
        """The speakers layer of a transcript: one turn on each speaker label."""
        names = {label: text.body[s:e].rstrip(":") for s, e, label in text.labels}
        ids = {e.english: e.id for e in self.people}
        lines = ["layer: speakers", "version: 1", f"doc: {text.id}", "speakers:"]
        for label, name in sorted(names.items()):
            lines += [f"  - id: {label}", f"    term: {ids[name]}"]
        lines.append("turns:")
        for s, e, label in text.labels:
            a = make_anchor(text.id, text.body, s, e)
            lines += [f"  - speaker: {label}", "    anchor:", f"      exact: {q(a.exact)}"]
            lines += [f"      prefix: {q(a.prefix)}", f"      suffix: {q(a.suffix)}"]
            lines.append(f"      pos: {a.pos}")
        return "\n".join(lines) + "\n"

    def _anchor_lines(self, text: Text, indent: str, with_doc: bool = True) -> list[str]:
        rng = self.rng
        start, end = rng.choice(text.paragraphs)
        length = min(end - start, rng.randint(40, 140))
        shift = rng.randrange(0, max(1, end - start - length))
        a = make_anchor(text.id, text.body, start + shift, start + shift + length)
        lines = [f"{indent}doc: {text.id}"] if with_doc else []
        return [
            *lines,
            f"{indent}exact: {q(a.exact)}",
            f"{indent}prefix: {q(a.prefix)}",
            f"{indent}suffix: {q(a.suffix)}",
            f"{indent}pos: {a.pos}",
        ]

    def crossrefs_yaml(self, texts: list[Text], count: int) -> str:
        """``count`` typed links between random passages."""
        rng = self.rng
        lines = ["layer: crossrefs", "version: 1", "links:"]
        for i in range(1, count + 1):
            a, b = rng.choice(texts), rng.choice(texts)
            lines += [f"  - id: link-{i:05d}", f"    relation: {rng.choice(RELATIONS)}"]
            lines += ["    source:", *self._anchor_lines(a, "      ")]
            lines += ["    target:", *self._anchor_lines(b, "      ")]
            if rng.random() < 0.3:
                lines.append(f"    note: {q(self._sentence())}")
        return "\n".join(lines) + "\n"

    def notes_yaml(self, texts: list[Text], count: int) -> str:
        """``count`` notes with tags on random passages."""
        rng = self.rng
        lines = ["layer: notes", "version: 1", "notes:"]
        for i in range(1, count + 1):
            lines += [f"  - id: note-{i:04d}", "    anchor:"]
            lines += self._anchor_lines(rng.choice(texts), "      ")
            lines.append(f"    text: {q(self._sentence())}")
            tags = rng.sample(("follow-up", "quote", "figures", "personnel", "law"), 2)
            lines += [f"    tags: [{', '.join(tags)}]", "    created: 2026-01-01T00:00:00Z"]
        return "\n".join(lines) + "\n"


def _toneless(pinyin: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", pinyin)
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "u")


def write_corpus(
    out: Path,
    *,
    seed: int = 11,
    docs: int = 1000,
    megabytes: float = 50,
    terms: int = 2000,
    links: int = 6400,
    notes: int = 600,
) -> Path:
    """Write the generated corpus into ``out`` (``texts/``, ``annotations/``); returns ``out``."""
    gen = CorpusGenerator(seed, docs, megabytes, terms)
    texts_dir, notes_dir = out / "texts", out / "annotations"
    speakers_dir = notes_dir / "speakers"
    for folder in (texts_dir, speakers_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.*"):
            old.unlink()
    texts = list(gen.texts())
    for text in texts:
        (texts_dir / f"{text.id}.md").write_text(gen.text_file(text), encoding="utf-8")
        if text.labels:
            (speakers_dir / f"{text.id}.yaml").write_text(gen.speakers_yaml(text), "utf-8")
    (notes_dir / "glossary.yaml").write_text(gen.glossary_yaml(), encoding="utf-8")
    (notes_dir / "crossrefs.yaml").write_text(gen.crossrefs_yaml(texts, links), "utf-8")
    (notes_dir / "notes.yaml").write_text(gen.notes_yaml(texts, notes), encoding="utf-8")
    return out
