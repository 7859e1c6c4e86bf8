"""村规民约: recovering a compact's structure from text as typed in Word, the wording it may not contain, and
its adoption procedure.

Real compacts come in three shapes, and any article may have sub-items (①②③, （1）, 1.):
- chapters (第一章 总则) with articles numbered straight through (第一条 … 第三十条);
- headed groups (一、社会治安) with numbered items under each (1. 2. 3.);
- a plain numbered list (一、二、 or 1. 2.).
Text before the first article is the title and 前言; short lines after the last one that read like a
signature or a date are the 结尾.

Sources: 《村民委员会组织法》第二十七条 (adopted by the 村民会议, filed with the township; may not infringe
villagers' personal, democratic or lawful property rights); 民政部等《关于做好村规民约和居民公约工作的指导
意见》(2018): 征集民意 → 拟定草案 → 乡镇审核 → 村民会议表决 → 公布 → 报乡镇备案 (DOMAIN.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = "零〇一二两三四五六七八九十百0-9０-９"
CHAPTER = re.compile(rf"^第([{CN_DIGITS}]+)章\s*(.*)$")
ARTICLE = re.compile(rf"^第([{CN_DIGITS}]+)条\s*(.*)$")
CN_ITEM = re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
NUMBER_ITEM = re.compile(r"^([0-9０-９]{1,3})\s*[.．、)）]\s*(.*)$")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUB_ITEM = re.compile(rf"^([{CIRCLED}])\s*(.*)$|^[（(]([0-9０-９一二三四五六七八九十]{{1,3}})[）)]\s*(.*)$")
DATE_LINE = re.compile(r"^[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年.{1,3}月(.{1,3}日)?$")

CHAPTERS, GROUPS, ARTICLES, LIST = "分章分条", "分类列项", "分条", "列项"


@dataclass
class Article:
    label: str  # 第一条, 1., 一、 — as the text numbers it
    text: str
    items: list[str] = field(default_factory=list)  # sub-items, each with its own mark (①…)


@dataclass
class Section:
    title: str  # 第一章 总则, 一、社会治安; "" when the compact has no chapters
    articles: list[Article] = field(default_factory=list)


@dataclass
class Compact:
    title: str
    preamble: list[str]
    sections: list[Section]
    closing: list[str]
    shape: str  # CHAPTERS, GROUPS, ARTICLES or LIST
    notes: list[str] = field(default_factory=list)  # what the reader should check

    @property
    def articles(self) -> list[Article]:
        return [article for section in self.sections for article in section.articles]

    @property
    def has_chapters(self) -> bool:
        return self.shape in (CHAPTERS, GROUPS)

    def summary(self) -> str:
        parts = [f"结构：{self.shape}"]
        if self.has_chapters:
            parts.append(f"{len(self.sections)} {'章' if self.shape == CHAPTERS else '类'}")
        parts.append(f"{len(self.articles)} 条")
        items = sum(len(a.items) for a in self.articles)
        if items:
            parts.append(f"{items} 个分项")
        return "，".join(parts)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105 (the numbers compacts use)."""
    digits = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for char in text:
        if char in digits:
            current = digits[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _number(label_digits: str) -> int | None:
    ascii_digits = label_digits.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(ascii_digits) if ascii_digits.isdigit() else chinese_number(label_digits)


def _lines(text: str) -> list[str]:
    return [
        line.strip().replace("\u3000", " ").strip() for line in text.replace("\r", "\n").split("\n") if line.strip()
    ]


def _levels(lines: list[str]) -> tuple[str, re.Pattern | None, re.Pattern]:
    """(shape, the pattern of a section heading or None, the pattern of an article)."""
    has = {
        name: any(p.match(line) for line in lines)
        for name, p in (("chapter", CHAPTER), ("article", ARTICLE), ("cn", CN_ITEM), ("number", NUMBER_ITEM))
    }
    if has["chapter"]:
        return CHAPTERS, CHAPTER, ARTICLE if has["article"] else (CN_ITEM if has["cn"] else NUMBER_ITEM)
    if has["article"]:
        return ARTICLES, None, ARTICLE
    if has["cn"] and has["number"]:
        return GROUPS, CN_ITEM, NUMBER_ITEM
    return LIST, None, CN_ITEM if has["cn"] else NUMBER_ITEM


RANKS = (CHAPTER, ARTICLE, CN_ITEM, NUMBER_ITEM)


def _is_below(line: str, article_pattern: re.Pattern) -> bool:
    """A line marked at a lower level than the articles (①, （1）, or 1. under 第五条) is a sub-item."""
    if SUB_ITEM.match(line):
        return True
    lower = RANKS[RANKS.index(article_pattern) + 1 :]
    return any(pattern.match(line) for pattern in lower)


def _looks_like_closing(line: str) -> bool:
    return bool(DATE_LINE.match(line)) or line.endswith(("村民委员会", "村委会", "村民会议", "党支部", "党总支"))


def parse(text: str) -> Compact:
    """The compact's structure, as the program understood it; `notes` lists what the clerk should check."""
    lines = _lines(text)
    shape, heading, article_pattern = _levels(lines)
    sections: list[Section] = []
    title, preamble, notes = "", [], []
    current: Article | None = None
    trailing: list[str] = []  # unmarked lines after the last article: 结尾 if they look like it
    for line in lines:
        heading_match = heading.match(line) if heading else None
        article_match = article_pattern.match(line)
        if heading_match:
            sections.append(Section(line))
            current = None
        elif article_match:
            label = line[: len(line) - len(article_match.group(2))].strip()
            current = Article(label, article_match.group(2).strip())
            if not sections:
                sections.append(Section(""))
            sections[-1].articles.append(current)
            trailing = []
        elif current is not None and _is_below(line, article_pattern):
            current.items.append(line)
        elif current is not None:
            trailing.append(line)
            current.text += "\n" + line
        elif not sections and not title and not preamble and len(line) <= 40 and not line.endswith("。"):
            title = line
        elif not sections:
            preamble.append(line)
        else:
            notes.append(f"“{line[:20]}”在章节标题之后、第一条之前，已作为该章的说明保留在标题里")
            sections[-1].title += f"\n{line}"
    closing: list[str] = []
    if current is not None:
        while trailing and _looks_like_closing(trailing[-1]):
            closing.insert(0, trailing.pop())
        body = current.text.split("\n")
        current.text = "\n".join(body[: len(body) - len(closing)])
    compact = Compact(title, preamble, sections, closing, shape, notes)
    _check_numbering(compact)
    if not compact.articles:
        notes.append("没有找到编号的条款（如“第一条”“一、”“1.”），请检查粘贴的内容")
    return compact


def _check_numbering(compact: Compact) -> None:
    def run_of(labels: list[str], what: str, restart_allowed: bool) -> None:
        numbers = [_number(re.sub(r"[第章条、.．)）\s]", "", label)) for label in labels]
        expected = 1
        for label, number in zip(labels, numbers, strict=True):
            if number is None:
                continue
            if number != expected and not (restart_allowed and number == 1):
                compact.notes.append(f"{what}编号不连续：“{label}”前面应是第 {expected} 项")
            expected = number + 1

    if compact.shape == CHAPTERS:
        run_of([s.title.split()[0] if s.title else "" for s in compact.sections], "章", False)
    numbered_through = bool(compact.articles) and compact.articles[0].label.startswith("第")
    run_of([a.label for a in compact.articles], "条款", not numbered_through)


def article_text(article: Article) -> str:
    return " ".join([article.label, article.text]).strip() + "".join("\n" + item for item in article.items)


# --- wording a compact may not contain (组织法第二十七条) ---
RIGHTS = "不得有侵犯村民的人身权利、民主权利和合法财产权利的内容（《村民委员会组织法》第二十七条）"
FORBIDDEN: tuple[tuple[re.Pattern, str], ...] = (
    (
        re.compile(r"罚款|罚金|处以.{0,6}罚|罚.{0,3}元"),
        "罚款是行政处罚，只能由法律、法规、规章设定，村规民约无权规定；",
    ),
    (re.compile(r"没收"), "没收财物是行政处罚，村规民约无权规定，也侵犯合法财产权利；"),
    (re.compile(r"停水|停电|断水|断电|停止供水|停止供电|拉闸"), "以停水停电逼人就范，侵犯村民的基本生活权利；"),
    (
        re.compile(r"取消.{0,12}(待遇|福利|分红|补贴|补助|低保|救助|承包|宅基地|户口|村民资格|成员资格)"),
        "取消依法享有的待遇或资格，侵犯村民的合法财产权利；",
    ),
    (re.compile(r"扣(发|除|减|留).{0,10}(分红|补贴|补助|福利|工资|收益)"), "扣发村民应得的钱款，侵犯合法财产权利；"),
    (re.compile(r"游街|示众|罚跪|拘禁|关押|扣押|捆绑"), "限制人身自由或侮辱人格，侵犯人身权利；"),
    (re.compile(r"不予办理|不给办理|不予出具|不开具|不予盖章"), "以不办事、不开证明相要挟，剥夺村民依法应得的服务；"),
    (re.compile(r"开除村籍|开除出村|驱逐"), "村民资格依法确定，村规民约不能剥夺；"),
)


@dataclass(frozen=True)
class Flag:
    where: str  # 第五条, 前言 …
    words: str  # the words found
    reason: str


def flags(compact: Compact) -> list[Flag]:
    """Every place where the compact uses wording it may not contain, with the reason."""
    places = [("前言", line) for line in compact.preamble]
    places += [(a.label, article_text(a)) for a in compact.articles]
    found = []
    for where, text in places:
        for pattern, reason in FORBIDDEN:
            match = pattern.search(text)
            if match:
                found.append(Flag(where, match.group(0), reason + RIGHTS))
    return found


# --- the adoption procedure ---
PROCEDURE = ("征集民意", "拟定草案", "乡镇审核", "村民会议表决", "公布", "报乡镇备案")
APPROVED, APPROVED_WITH_CHANGES, REJECTED = "同意", "修改后同意", "不同意"
VERDICTS = (APPROVED, APPROVED_WITH_CHANGES, REJECTED)
DRAFT, IN_FORCE, SUPERSEDED = "草案", "已生效", "已废止"


def next_procedure_step(done: list[tuple[str, bool]]) -> tuple[str | None, str]:
    """The step to record next, given the steps recorded in order with whether each went through;
    (None, why) when there is none."""
    if done and not done[-1][1]:
        last = done[-1][0]
        if last == "乡镇审核":
            return None, "乡镇审核未同意：请按审核意见修改，另立新版本重新走程序"
        return None, "村民会议表决未通过：请修改后另立新版本重新表决"
    if len(done) == len(PROCEDURE):
        return None, "程序已全部完成，这一版已生效"
    return PROCEDURE[len(done)], ""
