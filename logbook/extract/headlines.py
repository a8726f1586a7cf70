"""The headline: the line above a report's body that says what was done, told from a page's
chrome (breadcrumbs, mastheads, bylines, datelines, form fields, menus, site names)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .articles import Article
from .event_words import EVENT_HEAD, EVENT_NOUN, EVENT_VERB, PURPOSE
from .place_words import GENERIC

# A line at the top is a headline when it is short, mostly Han, ends without a full stop, and
# is none of a page's chrome: a breadcrumb (首页 > …), a masthead or a menu of short words, a
# byline (记者, 通讯员, 本报讯), a dateline or source line, a form's field names (索引号).
_HEADLINE_MIN, _HEADLINE_MAX = 6, 64
_CHROME_WORDS = (
    "首页",
    "当前位置",
    "现在的位置",  # 您现在的位置:
    # a site's welcome banner (…市欢迎您!)
    "欢迎您",
    "欢迎你",
    "欢迎访问",
    "欢迎光临",
    "来源",
    "稿源",
    "编辑",
    "责编",
    "记者",
    "通讯员",
    "(?<!工)作者",  # an author's credit (not the 作者 of 社区工作者)
    "发布者",  # and the account's that posted it
    "发布人",
    "发表于",  # a forum's poster: 某某 发表于 2012-8-7
    "发布时间",
    "浏览",
    "索引号",
    "发文机构",
    "公开目录",
    "信息公开",  # 政府信息公开: a government site's section
    "原标题",
    "搜索",
    "频道",
    "报讯",
    "网讯",
    "日讯",
    "摄影",
    "登录",
    "注册",
    "分享到",
    "字号",
    "打印",
    "点评",
    "新闻推荐",
    "相关阅读",
    "基本情况",
    "编号",
    "扫码",
    "扫一扫",
    "点击",
    "返回",  # 返回…动态: a link back to the list
    r"正文\s*$",  # 中新网福建新闻正文: the page's label for its article
)
_CHROME = re.compile("|".join(_CHROME_WORDS))  # (the words are literal but for 作者)
# A line that is only a place's or an office's name (an account's or a site's name above the
# headline) says nothing of what was done.
_NAME_ONLY = re.compile(
    r"[\u4e00-\u9fff]{2,16}(?:社区|街道|居委会|办事处|镇|村"
    # or an office's, whose page or account it is (青禾街管理局, 柳河区民政局)
    r"|局|委员会|管委会|工委|政府|办公室|服务中心"
    # or a site's, whose page it is (青禾社区家园网论坛, 青禾区人民政府门户网站, an app's, an account's)
    r"|网|论坛|网站|官网|门户|客户端|公众号)"
)
_NAME_ONLY_NOT = re.compile("|".join((EVENT_VERB, *EVENT_NOUN, "[进入到飘]社区")))


def _without_site(line: str) -> str:
    """The line without a site's name after it; but a site's name says nothing of what was done
    (…社区赋能—急救培训构建安全防护网 ends on a net, not a site)."""
    m = _SITE_TAIL.search(line)
    return line[: m.start()] if m is not None and not _DONE.search(m.group()) else line


def _name_only(line: str) -> bool:
    """Whether a line is a place's name alone, not a headline ending on one (演练进社区), or
    names joined by a dash (青禾区——柳岸社区: whose site it is)."""
    parts = [p for p in re.split(r"\s*[—－-]+\s*", line) if p]
    return (
        bool(parts)
        and all(_NAME_ONLY.fullmatch(p) is not None or _AREA_ONLY.fullmatch(p) is not None for p in parts)
        and _NAME_ONLY_NOT.search(line) is None
    )


# A city's or a district's name, beside a community's: 苏州工业园区——湖西社区.
_AREA_ONLY = re.compile(r"[\u4e00-\u9fff]{2,8}(?:市|区|县)")


_CONTINUATION = re.compile(rf"[\u4e00-\u9fff]{{0,6}}(?:{EVENT_HEAD})")
_LONG_CONTINUATION = re.compile(rf"[\u4e00-\u9fff]{{0,16}}(?:{EVENT_HEAD})")
# A news page's mark that pictures or a video go with the headline.
_PICTURE_MARK = re.compile(r"\s*[(（\[【](?:图|组图|多图|图文|视频)[)）\]】]$")
_DATELINE = re.compile(r"[0-9]{4}\s*[-/年.]\s*[0-9]{1,2}")
# A site's name after the headline: `…活动_某某网`, `…活动 | 某某新闻`, `…活动-某某新闻网`.
_SITE_TAIL = re.compile(
    r"\s*(?:(?:[_|｜丨]|\s[-—–]\s)\s*[^_|｜丨]{2,16}"
    # (or an app's: —— 安徽党媒云)
    r"|[-—–]{1,2}\s*[\u4e00-\u9fff]{2,12}(?:网|网站|报|新闻|资讯|头条|频道|客户端|在线|门户|之窗|政府|发布|融媒|公众号|云))$"
)


_SECTION_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[|｜丨]\s*")
# A column's name in brackets before the headline: 【社区动态】….
# (and a dash after it: 【利剑护蕾】—…)
_COLUMN_HEAD = re.compile(r"^【[^【】]{1,10}】\s*[—－-]*\s*")
# `A丨B`: a column and the headline, or the headline and the site. The headline says what was
# done; of two sides that both or neither say it, the longer.
_SIDES = re.compile(r"^(?P<a>[^|｜丨]{2,40}?)\s*[|｜丨]\s*(?P<b>[^|｜丨]{2,40})$")
_DONE = re.compile(r"开展|举办|举行|召开|组织|启动|走进|进社区|活动|讲座|培训|义诊")
_PLACE_NAMED = re.compile(r"([\u4e00-\u9fff]{2})(?:社区|街道|居委会?|镇)")


def _names_place(side: str) -> bool:
    """Whether a side of a headline names a place (青禾社区, not a 文明社区 column)."""
    return any(m[1] not in GENERIC for m in _PLACE_NAMED.finditer(side))


def _headline_side(line: str) -> str:
    m = _SIDES.match(line)
    if m is None:
        return line
    a, b = m["a"].strip(), m["b"].strip()
    chosen = _better_side(a, b, line)
    if chosen in (a, b):
        # 用爱融化孤独,守护点点星光|…在线登录入口…开展…活动: the side that says what was done
        # is a scrape's spam or a page's chrome; the other may still be the headline
        other = b if chosen == a else a
        if _not_headline(chosen) and not _not_headline(other):
            return other
    return chosen


def _better_side(a: str, b: str, line: str) -> str:
    done_a, done_b = bool(_DONE.search(a)), bool(_DONE.search(b))
    if done_a != done_b:
        return a if done_a else b
    # 我爱我家 礼让文明|青禾社区为户外工作者送清凉: a slogan beside what a community did
    place_a, place_b = _names_place(a), _names_place(b)
    if place_a != place_b:
        return a if place_a else b
    if len(a) >= 4 and len(b) >= 4 and len(a) != len(b):
        # 文明实践“锦”行时|防范诈骗警民携手 共建平安和谐社区: a column's or a site's name is
        # shorter than the headline beside it
        return a if len(a) > len(b) else b
    return line  # the rules below tell a section or a site's name by its shape


# The names of a government page's form fields: the line after one is its value.
_FORM_FIELDS = re.compile(
    r"^(?:索引号|发文机构|发布机构|公开目录|主题分类|文号|发文字号|成文日期|发布日期|日期|时间|来源|作者|信息来源)[:：]?$"
)

# A form's field with its value on the same line (`时间：5月18日`, `地点：活动室`): a notice's
# details, never its headline (a headline may hold a colon: `安贞街道：开展…`).
_FIELD_LINE = re.compile(
    r"^(?:(?:活动)?(?:时间|日期|地点|地址|主题|内容|对象|人数|人员)"
    r"|(?:主办|承办|协办|支持|指导)(?:单位)?|(?:参加|参与|参会|出席|服务)(?:人员|人数|对象)"
    r"|主持人|主讲人?|讲师)\s*[:：]"
)


def headline(art: Article) -> str | None:
    """The line above the body that reads as a headline, or None. The body starts at the first
    long line or the first line with a full stop. Of several such lines, the first that shares
    words with the body: a site's, a reader's or a column's name above the headline does not
    (电子报阅读机, 新闻中心), the headline says what the body says."""
    printed = _PRINTED_TITLE.match(art.plain)
    if printed is not None:  # a forum's page for printing: 标题: … [打印本页]
        return printed["title"]
    form = _FORM_TITLE.search(art.plain)
    if form is not None:  # a page's form of particulars: | 标 题 | … |, 标题：… above or below
        return form["title"]
    lines = art.plain.split("\n")[:64]  # past a page's menu of short words
    found: list[str] = []
    body_at = None
    for at, line in _headline_lines(lines):
        if line is None:
            body_at = at
            break
        found.append(line)
    if not found:
        return None
    if len(found) > 1:
        body = "\n".join(lines[body_at:]) if body_at is not None else art.plain
        body = body[:_BODY_PEEK]
        for line in found:
            if _shared_words(line, body) >= 2:
                return line
    return found[0]


_BODY_PEEK = 400  # how much of the body a headline is compared with
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _shared_words(line: str, body: str) -> int:
    """How many pairs of Han characters of `line` the body holds (a word shared, roughly)."""
    return sum(1 for pair in set(_HAN_PAIR.findall(line)) if pair in body)


# The day and source a page prints on the headline's own line, after a space.
_DATELINE_TAIL = re.compile(
    r"(?:\s+(?:(?:发布|更新)?(?:时间|日期)\s*[:：]\s*)?|(?:发布|更新)?(?:时间|時間|日期)\s*[:：]\s*)"
    r"[0-9]{4}\s*[-/年.]\s*[0-9]{1,2}(?:[^。]*)$"
)
# A site's or an app's name before the headline, a space between (青禾网 …, 某某app下载 …).
_SITE_HEAD = re.compile(r"^[^\s]{1,10}?(?:网|官网|网站|app下载|APP下载|客户端)\s+(?=\S{4})")
# The page's source field glued after the headline.
_SOURCE_TAIL = re.compile(r"\s*(?:信息|新闻|新聞|稿件)?(?:来源|來源)\s*[:：][^。]{0,30}$")
# A picture's file name.
# (or named as some sites name a picture after the headline: …宣传活动_fororder_图片1_副本)
_IMAGE_NAME = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp)$|_fororder_", re.I)
# A list's number before a headline and an editor's note after it, on a page of several
# reports: 1、社区民主新“样本”【编者按】.
_ITEM_MARKS = re.compile(r"^(?:[0-9]{1,2}|[一二三四五六七八九十])[、．]\s*|\s*[【\[]编者按[】\]]\s*$")
# A page's button or link written after the headline, a space between.
_CHROME_TAIL = re.compile(r"\s+(?:二维码|扫一扫|分享到?|打印|收藏|字号)$")
# A writer's credit after the headline, a space between: …系列手工活动 撰稿人:王青 柳岸.
_CREDIT_TAIL = re.compile(r"\s+(?:撰稿人?|供稿人?|作者)\s*[:：].*$")
# Short runs of ASCII a forum scatters through its posts against copying (Discuz's jammer).
_JAMMED = re.compile(r"(?:\s+[!-~]{1,3}){4,}\s*$")
# The head of a forum's page for printing (Discuz): the thread's title, then its author.
# (the forum's name may stand above it, and each field's value on a line of its own)
_PRINTED_TITLE = re.compile(r"^\s*(?:[^\n]{2,30}\n\s*)?标题\s*[:：]\s*(?P<title>[^\n\[]{6,64}?)\s*\[打印本页\]")
# The title field of a page's form of particulars (a scraped table's row, or a field and its
# value on a line of its own, above the body or in the page's footer): | 标 题 | 青禾社区开展… |,
# 标题：青禾社区开展….
_FORM_TITLE = re.compile(r"^[ \t|]*标\s?题\s*(?:[|｜]|[:：])\s*(?P<title>[^|｜\n]{6,64}?)\s*(?:[|｜][ \t|]*)?$", re.M)
# A breadcrumb's opening words, and how far down a page one is looked for.
_WHERE_YOU_ARE = re.compile(r"当前位置|现在的位置|您的位置|所在位置")
_CRUMB_PEEK = 16
# A step of a breadcrumb: 首页 > 新闻资讯 > ….
_CRUMB_STEP = re.compile(r"[>›»]")
# The page's stamp on a line of its own: the day, then its fields (来源, 作者, 阅读量), spaced
# out or not.
_STAMP_LINE = re.compile(
    r"^[0-9]{4}\s*[-/年.]\s*[0-9]{1,2}\s*[-/月.]\s*[0-9]{1,2}.{0,40}?"
    r"(?:来\s*源|作\s*者|发\s*布|阅\s*读|浏\s*览|点\s*击|编\s*辑)[^:：]{0,3}[:：]"
)
# A paper's page and its column's name above its reports: A04版:弘扬洛阳精神 创建文明城市.
_PAGE_HEADER = re.compile(r"^(?:第\s*)?[A-Z]?[0-9]{1,3}\s*版\s*[:：]")
# The paper's name after the headline, a space between (…便民服务大集 烟台晚报).
_PAPER_TAIL = re.compile(r"\s+[\u4e00-\u9fff]{2,6}(?:晚报|日报|早报|时报|商报|都市报)$")
# The heading of the page's comments on the report: …的评论 (共 12 条).
_COMMENTS_TAIL = re.compile(r"的评论\s*[(（]\s*共\s*[0-9]*\s*条\s*[)）]$")
# A site's banner of thanks and contacts above everything (感谢您浏览某某网。 欢迎投稿:…).
_SITE_BANNER = re.compile(r"感谢您?浏览|欢迎投稿|客服电话|投稿邮箱")
# A site's notice above everything (温馨提示:本站为…。), full stop and all.
_NOTICE_LINE = re.compile(r"^(?:温馨提示|免责声明|版权声明|特别声明)\s*[:：]")
# A reprint's note of the headline it was first printed under: (原标题:…).
_ORIGINAL_TITLE = re.compile(r"^[(（]?\s*原标题\s*[:：]\s*(?P<title>[^()（）]+?)\s*[)）]?$")
# A subtitle on the line below, opened with a dash: 守护平安家园 / ——青禾社区开展消防讲座.
_SUBTITLE = re.compile(r"^\s*[—－]{1,2}\s*(?P<sub>[^。]{4,})$")


def _with_subtitles(lines: list[str]) -> list[str]:
    """`lines` with a dash-led subtitle and the title line above it made one headline: the
    subtitle when it says what was done (a slogan above it does not), else the title. The same
    length: the subtitle's line is left empty, so that positions still count lines."""
    joined = list(lines)
    previous = None  # the last non-empty line's position
    for at, line in enumerate(lines):
        if not line.strip():
            continue
        m = _SUBTITLE.match(line)
        if m and previous is not None and "。" not in joined[previous] and not _SUBTITLE.match(joined[previous]):
            if _DONE.search(m["sub"]):
                joined[previous] = m["sub"].strip()
            joined[at] = ""
            continue
        previous = at
    return joined


# A headline and, after a space, the body's first sentence on one line.
_GLUED_HEADLINE = re.compile(
    rf"(?P<head>[^\s。！？!?]{{{_HEADLINE_MIN},{_HEADLINE_MAX}}})[ \t\u3000]+(?=[\u4e00-\u9fff“「])[^\n]{{20,}}?[。，,]"
)

# Or a headline holding spaces itself (“灸健康 艾生活”…项目 ——八段锦指导课 为丰富…,): the body
# opens after the last space with its purpose or its day.
_GLUED_SPACED_HEADLINE = re.compile(
    rf"(?P<head>[^。！？!?，,\n]{{{_HEADLINE_MIN},{_HEADLINE_MAX}}})[ \t\u3000]+"
    r"(?=(?:为了?|近日|日前|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}年[0-9]{1,2}月)[^\n]{4,}?[，,])"
)

# Or the page's stamp glued after it (…腊八节活动時間:2022-12-30 青禾网讯…), the page one line.
_GLUED_STAMP = re.compile(
    rf"(?P<head>[^。！？!?\n]{{{_HEADLINE_MIN},{_HEADLINE_MAX}}}?)\s*(?:发布|更新)?(?:时间|時間|日期)\s*[:：]\s*[0-9]{{4}}\s*[-/年.]"
)


_PUNCTUATED = re.compile(r"[，,。；;、！？!?]")
_LIST_SEPARATOR = re.compile(r"\s*[|｜丨,，]\s*")
_SENTENCE_ENDED = re.compile(r"[。！？!?]")


def _listing(line: str) -> bool:
    """Whether a line is a list of short items, four or more, between bars or commas, with no
    sentence ended: a page's links or tags, or a scrape's keywords, not a report's body."""
    items = _LIST_SEPARATOR.split(line)
    return len(items) >= 4 and all(0 < len(item) <= 24 for item in items) and not _SENTENCE_ENDED.search(line)


def _not_headline(line: str) -> bool:
    """Whether a line above the body cannot be its headline: too short, not Chinese, ending
    as a label does, or a page's chrome, dateline, field or name."""
    han = len(re.findall(r"[\u3400-\u9fff]", line))
    return (
        len(line) < _HEADLINE_MIN
        or han < 5
        or han < 0.6 * len(line.replace(" ", ""))
        or line[-1] in ":：,，、;；"
        or any(ch in line for ch in "<>|»›\\")
        or _CHROME.search(line) is not None
        or _DATELINE.search(line) is not None
        or _FIELD_LINE.match(line) is not None
        or _name_only(line)
    )


def _glued_headline(head: str) -> bool:
    """Whether what stands before the first space of the body's first line reads as a headline:
    not a purpose (为…), nor a byline cut at its space (本网讯(通讯员, (王青, 据青禾日报报道), nor
    a sentence cut inside the quoted name it gives (…开展“巾帼心向党 奋进新征程”…). A bracket
    closed within it is the headline's own (…手工坊(第五场))."""
    return (
        not _not_headline(head)
        and not PURPOSE.match(head)
        and not re.search(r"[(（][^)）]*$|^[^(（]*[)）]|“[^”]*$|讯|^据.*报道$", head)
    )


def _headline_lines(lines: list[str]) -> Iterator[tuple[int, str | None]]:
    """The lines above the body that read as headlines, with where each is; then (where the
    body starts, None) if it starts among `lines`."""
    field_value = False
    seen = False  # a line that may be a headline was read (not a page's chrome)
    columns: set[str] = set()  # the last steps of a breadcrumb: 首页 > 工作动态
    lines = _with_subtitles(lines)
    # Where the page's breadcrumb stands (当前位置:首页…): a sentence above it is the site's
    # banner (a motto quoted with its speaker), not the report's body.
    crumb_at = next((at for at, line in enumerate(lines[:_CRUMB_PEEK]) if _WHERE_YOU_ARE.search(line)), -1)
    for at, raw in enumerate(lines):
        # a scraped table's cell edges (`西湖街道：…小課堂 |`) and a forum's jamming codes
        # (`…讲座活动 6 `# ?/ e/ y"`) are no part of a line
        line = (_JAMMED.sub("", raw) if len(raw) <= 400 else raw).strip().strip("|").strip().lstrip("-*#·• ").strip()
        if not line:
            continue
        if field_value:
            field_value = False
            continue
        if _FORM_FIELDS.match(line):
            # (a field in a list, • 主题分类:, holds its value on its own line, empty or not)
            field_value = not raw.lstrip().startswith(("•", "·"))
            continue
        original = _ORIGINAL_TITLE.match(line)
        if original is not None:  # (原标题:…): a reprint names its headline
            line = original["title"].strip()
        line = _COLUMN_HEAD.sub("", line)
        line = _headline_side(line)
        line = _SECTION_HEAD.sub("", line)  # 生活|…: the site's section, before its name below
        line = _without_site(line)  # before measuring: a site's name makes it no longer
        line = _SITE_HEAD.sub("", line)  # 青禾网 青禾社区开展…: the site's name before it
        if len(line) <= 3 * _HEADLINE_MAX:  # a body's long line is never read this way
            line = _DATELINE_TAIL.sub("", line)  # …知识讲座 2025-05-10 来源：…
            line = _CHROME_TAIL.sub("", line)  # …宣传活动 二维码: a page's button beside it
            line = _CREDIT_TAIL.sub("", line)
            line = _SOURCE_TAIL.sub("", line)  # …文明花信息来源:青禾融媒体中心
            line = _PAPER_TAIL.sub("", line)  # …便民服务大集 烟台晚报: the paper's name after it
            line = _COMMENTS_TAIL.sub("", line)  # …邻里情的评论 (共 条): the page's comments
        if _PAGE_HEADER.match(line):
            continue  # A04版:弘扬洛阳精神…: a paper's page and its column, not the report's headline
        if _NOTICE_LINE.match(line) or _SITE_BANNER.search(line):
            continue  # 温馨提示:本站…。, …感谢您浏览某某网。欢迎投稿…: the site's, not the body
        if _STAMP_LINE.match(line) and "。" not in line:
            continue  # 2020-12-01 16:55 来 源 : … 作 者 : …: the page's stamp, however long
        tokens = line.split()
        if len(tokens) >= 3 and all(len(t) <= 4 for t in tokens) and "。" not in line:
            continue  # a menu of short words (towns, sections), however long: not the body
        if len(tokens) >= 6 and all(len(t) <= 8 for t in tokens) and not _PUNCTUATED.search(line):
            continue  # a site's menu of its columns (温暖天津文明风 精神建设进行时 道德模范 …)
        if _listing(line):
            continue  # a list of links or a scrape's keywords (…视频|…专区|…), however long
        if "。" not in line and len(_CRUMB_STEP.findall(line)) >= 2:
            continue  # 您现在的位置: 某某公司 > 新闻资讯 > …: a breadcrumb, however long, is no body
        if (len(line) > _HEADLINE_MAX or "。" in line) and at < crumb_at:
            continue  # a sentence above the page's breadcrumb: the site's banner, not the body
        if len(line) > _HEADLINE_MAX or "。" in line:
            # A forum's post may run its headline into its first sentence, a space between
            # (青禾社区邻里节 柳岸社区人文底蕴浓厚,…。): the headline, then the body.
            glued = (
                [
                    m["head"]
                    for m in (_GLUED_HEADLINE.match(line), _GLUED_STAMP.match(line), _GLUED_SPACED_HEADLINE.match(line))
                    if m
                ]
                if not seen
                else []
            )
            head = next((h for h in glued if _glued_headline(h)), None)
            if head is not None:
                yield at, _ITEM_MARKS.sub("", _CREDIT_TAIL.sub("", head))
            yield at, None  # the body: no headline below it
            return
        if ">" in line or "›" in line or "»" in line:
            # (a breadcrumb may end on the headline itself: a column's name is short and says
            # nothing was done)
            last = re.split(r"\s*[>›»]\s*", line)[-1].strip()
            if len(last) <= 10 and not _DONE.search(last):
                columns.add(last)
        if line in columns:
            continue  # the breadcrumb's column repeated as the page's heading
        line = re.sub(r"\s*[(（][^()（）]{0,12}摄[)）]$", "", line)  # a photo credit
        line = _PICTURE_MARK.sub("", line)  # …讲座(图), …活动【组图】
        if _not_headline(line):
            continue
        seen = True
        # A page's title cut short (`…开展“九九重阳节,浓浓敬老情”重`) above the headline in full.
        for later in lines[at + 1 : at + 8]:
            later = _JAMMED.sub("", later).strip()  # (the forum's jamming codes after it, too)
            if (
                later.startswith(line)
                and len(line) < len(later) <= _HEADLINE_MAX
                and "。" not in later
                and not _IMAGE_NAME.search(later)  # …筑和谐.jpg: a picture named after it
                and not _COMMENTS_TAIL.search(later)  # …的评论 (共 条): the comments below it
                and not re.search("[:：]", later[len(line) :])  # …文明花信息来源:…: a field after it
            ):
                line = later
                break
        else:
            # A headline broken over two lines, the second short and ending on what was held
            # (…点亮社区微心愿 / 主题党日活动).
            # Or over three, the middle one a few words (…照料中心 / 举行服务 / 项目启动仪式).
            after = [n.strip() for n in lines[at + 1 : at + 5] if n.strip()][:2]
            if not re.search(f"(?:{EVENT_HEAD})$", line):
                if after and _CONTINUATION.fullmatch(after[0]):
                    line += after[0]
                elif (
                    len(after) == 2
                    and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", after[0])
                    and _LONG_CONTINUATION.fullmatch(after[1])
                    and len(line + after[0] + after[1]) <= _HEADLINE_MAX
                ):
                    line += after[0] + after[1]
        yield at, line
