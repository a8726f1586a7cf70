"""The head count: how many took part, with its over/about mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import N_, Reason, clauses, items
from ..numerals import parse_cn_int
from .articles import HAN, NUM, Article, other_event
from .people_words import (
    APPROX_PREFIXES,
    ATTENDEE_HEADS,
    HELPER_HEADS,
    LEARNING,
    SERVING,
    TOTAL_PREFIXES,
    VOLUNTEERS,
)

# (400位居民共话邻里情: they talked it over together; 50多人分别深入各楼: they went in, in groups)
_ATTEND_VERB = (
    r"参加|参与|出席|到场|前来|聆听|倾听|听取|观看|到会|参会|齐聚|相聚|欢聚|围坐|来到|汇聚|聚集|观摩|济济一堂|报名"
    r"|共话|共叙|共度|共庆|深入"
)
# The mood they came in, between who came and their coming: 怀着喜悦的心情参加, 怀着浓厚的兴趣参加.
_MOOD = rf"(?:怀着|带着)[{HAN}]{{1,6}}?的?(?:心情|兴趣|热情|期待)"
# How they did it, as an adverb: 聚精会神地聆听, 饶有兴致地观看.
_MANNER = rf"[{HAN}]{{2,4}}地(?![区方点址图])"
# (在志愿者的引领下参与了: led by others, they took part all the same)
_FILLER = (
    rf"(?:也|都|均|积极|踊跃|纷纷|共同|一起|一同|分别|在现场|到现场|现场|认真|了|热情|正在|驻足|{_MOOD}|{_MANNER}"
    rf"|在[{HAN}]{{2,8}}的(?:引领|带领|指导|组织|陪同)下)*"
)
_DIGITS = "0-9"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A number as the counts below read it, only from where its run of digits starts. A search
# restarts at every character; one that read a number from inside a run would read the run to
# its end from each of them, and a page of digits (100 KB) took minutes. Nothing is lost: what
# follows a number is never a digit, so a count that could start inside a run starts at the
# run's beginning too (except where a search resumes inside a run: see _count_matches).
# (几十名, 数十位: dozens, no number; 十 alone is not what they said)
_NUM_FROM_START = rf"(?<![{_DIGITS}])[{_DIGITS}]+|(?<![{_CN_DIGITS}几数])[{_CN_DIGITS}]+"
# Children counted with 个, as speech counts them (19个小朋友参加); families and things with 个 are
# no head count.
_CHILDREN_COUNTED = "个(?=小朋友|孩子|儿童|学生|青少年)"
_COUNT_AT_TAIL = (
    # (十几名, 二十几位: over ten, over twenty, as 十余名)
    rf"[ \u3000]?(?P<more>余|多|来|(?<=十)几)?"
    # (10余名“非遗”文化爱好者积极参与: a quoted word may open who they were)
    # (70余名党员干部、志愿者、群众参加了…: who they were, listed)
    # (100余名老年门球爱好者参加: who they were may take seven or eight characters)
    # (吸引了百余名乒乓球爱好者的积极参与: their taking part, said as a noun)
    rf"(?P<unit>人次|人|名|位|{_CHILDREN_COUNTED})(?P<noun>(?:“[{HAN}]{{1,6}}”)?(?:[{HAN}]{{1,6}}、){{0,4}}[{HAN}]{{0,8}}?)(?:的(?=[{HAN}]{{0,4}}参与))?{_FILLER}"
    rf"(?P<verb>{_ATTEND_VERB})"
    rf"(?P<rest>[^,，。；;\n]{{0,8}})"
)
_COUNT_PRE = r"(?P<pre>共计|共有|合计|总计|共|约有|大约|约|近|逾|超过|超)?"
# (a page may set the number apart with spaces: 近 200 名居民齐聚一堂)
_COUNT_AT = re.compile(rf"{_COUNT_PRE}[ \u3000]?(?P<num>{_NUM_FROM_START}){_COUNT_AT_TAIL}")
_COUNT_AT_HERE = re.compile(rf"{_COUNT_PRE}(?P<num>{NUM}){_COUNT_AT_TAIL}")
_COUNT_SERVED = re.compile(
    # (受惠, 惠及, those who benefited: 当天受惠老年人超过120人, 惠及市民群众100多人)
    rf"(?:服务|受益|受惠|惠及)(?P<noun>[{HAN}、]{{0,10}}?)(?P<pre>共计|共|约|近|达到|达|超过|超)?(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>人次|人)"
)
# Or with who they were after the number: 共服务200余名居民.
_COUNT_SERVED_WHO = re.compile(
    rf"(?:服务|受益|惠及)(?P<pre>共计|共|约|近|达到|达)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{1,6}}?)(?=[,，。；;、\n]|$)"
)
# People whose questions were answered: 接受群众咨询150余人, 解答居民疑问20余人次, 接待义诊咨询30余人,
# 接受咨询解答130余人, 提供法律咨询10余人次.
_COUNT_CONSULTED = re.compile(
    rf"(?:接受|解答|接待|提供(?:法律|政策|健康|心理)?)(?P<noun>群众|居民|市民)?(?:义诊)?(?:咨询|疑问|问题)(?:解答)?(?:群众|居民|市民)?"
    rf"(?P<pre>共计|共|约|近|达到|达)?(?P<num>{NUM})"
    rf"(?P<more>余|多)?(?P<unit>人次|人)"
)
# A running total of a series or a year (累计参与群众达10000人次), not one activity's attendance.
_CUMULATIVE = re.compile(r"累计|总计已|今年以来|全年|历年|至今")
_SINCE = re.compile(r"以来|一年来|一年下来|已连续|先后(?:开办|举办|开展|组织|带动)|已先后|累计(?:举办|开展|组织)")
# As of now (截至目前，社区…开展活动500余场，惠及人数逾5000人): further back in the count's sentence.
_SO_FAR = re.compile(r"截至目前|截止目前|截至今年|截止今年|截至年底|截至发稿")
_SO_FAR_REACH = 80
_SINCE_REACH = 40
# A rate rather than a count: 服务站每日接待老年人200余人.
_RATE = re.compile(r"每日|每天|每周|每月|每年|日均|月均|年均")
# What is expected rather than counted: 预计本月参与老人将达2000人, 全年将有500人受益.
_FORECAST = re.compile(r"预计|预期|将达|将有|将超过?|有望")
_COUNT_TALLY = re.compile(
    # (应到户代表267名，实到260名: those present at an election or a meeting)
    rf"(?:(?:参加|参与|参会|出席|到场)人(?:数|员)|(?<=[,，、])实到(?:会|场)?(?:人数)?)"
    rf"(?:达到|达|为|共计|共|约|近|超过)*(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>人次|人|名)?"
)
# 参与居民达120余人次; 居民踊跃参与，共计50余人; 参与居民80余人, 参加活动的居民有60余人: who
# took part, then their number (with no word between, only after who they were).
# 参加活动的社区居民、志愿商户多达200多人: who, listed, then how many.
_COUNT_TALLY_AFTER = re.compile(
    rf"(?:参加|参与|参会|出席|到场)(?:的|活动的)?(?P<noun>(?:[{HAN}]{{2,6}}、){{0,3}}[{HAN}]{{0,4}}?)[,，]?"
    rf"(?P<pre>多达到?|达到|达|共计|共有|合计|总计|有)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>人次|人|名)"
)
# People served (`共为96名居民提供服务`, `为36名老人提供了免费理发`, `为近百名患者测量了血压`):
# a head count only when the text gives no attendance.
_COUNT_SERVED_FOR = re.compile(
    rf"为(?P<noun0>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位|人)"
    # (maybe of an age: 为100余位65岁及以上居民完成筛查)
    rf"(?:[0-9]{{2,3}}周?岁(?:及以上|以上)?的?)?(?P<noun>[{HAN}]{{0,6}}?)"
    # (or for whom a class or a service was held: 为社区内的10名幼儿带来了一堂启蒙课, 为辖区内十余名
    # 老人组织了一场义剪服务)
    rf"(?:提供|送上|送去|免费|义务|测量|检测|检查|体检|诊疗|理发|义剪|量血压|测血压|测血糖|完成筛查|筛查"
    rf"|带来了?一[堂场次节]|组织了?一[场次])"
)
# People given something (赠送给辖区30余位高血压老年患者): served, as above.
_COUNT_GIVEN_TO = re.compile(
    rf"(?:赠送给|送给|发放给)(?P<noun0>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>名|位)(?P<noun>[{HAN}]{{0,8}}?)(?=[,，。；;、\n])"
)
# Attendance led by a verb: 吸引200余名居民, 邀请了25名居民, 引来了500多名职工.
_COUNT_DRAWN = re.compile(
    rf"(?P<verb>吸引|引来|召集|带领|聚集|组织|邀请)了?(?:辖区)?(?P<who>[{HAN}]{{0,4}}?)(?P<pre>共计|共|约|近|逾|超过|超)?"
    rf"(?<![几数])(?P<num>{NUM})(?P<more>余|多|来)?"  # (数十位居民: dozens, no number)
    # who: a word, or a list of them (新调入、新报到的…党员), maybe of an age (80岁以上老人)
    rf"(?P<unit>名|位|人|{_CHILDREN_COUNTED})(?:[0-9]{{2,3}}周?岁(?:及?以上)?的?)?(?P<noun>(?:[{HAN}]{{1,6}}、){{0,4}}[{HAN}]{{0,16}})"
)
# Those the activity let learn or enjoy something: 此次活动让托管班的20余名孩子…掌握了….
_COUNT_LET = re.compile(
    rf"(?:活动|讲座|课堂|培训)(?:让|使)(?P<who>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?"
    rf"(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)(?=[在都纷们更进深切亲充从对学了掌感体收度])"
)
# What invited people do when they are not the audience: 邀请三位居民代表讲了….
_PERFORMING = ("讲", "介绍", "分享", "授课", "表演", "演示", "指导")
# An audience: 为300余名居民讲述, 向近60名在场的社区居民讲解, 向社区40余名居民开展…讲座.
_COUNT_AUDIENCE = re.compile(
    rf"[为向](?:社区|辖区)?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)(?P<noun>(?:在场的)?[{HAN}]{{0,6}}?)"
    # (向40余名社区老年人详细讲解了: how, between them and the talk)
    rf"(?:详细|耐心|细致|深入|生动)?地?"
    rf"(?:讲述|讲解|讲授|授课|宣讲|上了|带来|普及|解读|科普"
    # or a talk given them: 为30余名居民进行糖尿病知识健康教育讲座
    rf"|(?:进行|开展|举办)了?[{HAN}]{{0,14}}?(?:讲座|宣讲|授课|培训))"
)
# Those present: 为在座的58位老人准备了蛋糕, 与会的30余名代表.
# (参训50多名居民: those the class was for)
_COUNT_PRESENT = re.compile(
    # (参与结营仪式的15名少儿: those who took part in the event, not in one class of many)
    # (前来进行身体检查的100多名村民: those who came for it)
    # (赢得了现场100多位妇女朋友的掌声: those at the scene)
    rf"(?:(?:在座|在场|到场|与会|闻讯而来|慕名而来|前来[{HAN}]{{0,8}}?)的|参训的?|参会的?|现场"
    rf"|(?:参加|参与|出席)[{HAN}]{{0,6}}(?:仪式|典礼|活动|讲座|会议)的)"
    rf"(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{0,6}})"
)
# Those the activity was held with: 与社区40名长者一起包饺子.
_COUNT_WITH = re.compile(
    rf"[与和同跟](?:社区|辖区)?的?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{1,6}}?)(?:一起|一同)"
)
# Those an event was held for: 为社区15位独居、空巢老人举办的团圆宴.
_COUNT_HELD_FOR = re.compile(
    rf"为(?:社区|辖区)?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>(?:[{HAN}]{{1,6}}、){{0,3}}[{HAN}]{{1,6}}?)(?:举办|举行|开展)"
)
# Those who were there as the text goes on to tell: 100余名社区居民在活动中感受….
# (read back from each 在活动中: a pattern that opens on a number is tried at every character)
_IN_ACTIVITY = re.compile(r"在(?:活动中|活动现场|现场)")
_COUNT_IN_ACTIVITY = re.compile(
    rf"(?P<pre>共计|共有|共|约|近)?(?P<num>{_NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)$"
)
_IN_ACTIVITY_REACH = 16  # how far before 在活动中 its count may start


def _counts_in_activity(text: str) -> Iterator[re.Match]:
    for m in _IN_ACTIVITY.finditer(text):
        count = _COUNT_IN_ACTIVITY.search(text, max(0, m.start() - _IN_ACTIVITY_REACH), m.start())
        if count is not None:
            yield count


# A list of who came, closed with its total: 社区干部、居民代表等20余人.
# 组织党员、居民等40余人开展…: the list, then what they did together.
_COUNT_LISTED = re.compile(
    rf"(?P<last>[{HAN}]{{2,6}})等(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>人|名|位)"
    rf"(?:(?![{HAN}])|(?=开展|参加|参与|齐聚|共同|一起|观看|聆听|集中|学习|召开|举行))"
)
# Or with 共 and no 等, then how they took part: 组长、点长共100余人分批次参加培训.
_COUNT_LIST_TOTAL = re.compile(
    rf"、(?P<last>[{HAN}]{{2,6}}?)(?P<pre>共计|共)(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>人|名|位)"
    rf"(?=[^，,。；;\n]{{0,12}}?(?:参加|参与|出席|聆听|观看))"
)
# Two kinds of people counted together, then their taking part: 40余名平安志愿者和社区党员共同
# 参加, 近200名环卫工人以及绿化队队员参与到…, 30多名居民代表及相关工作人员参加会议.
_COUNT_JOINED = re.compile(
    rf"{_COUNT_PRE}(?P<num>{_NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位|人)"
    rf"(?P<first>[{HAN}]{{1,8}}?)(?:以及|和|及|与|、)(?P<noun>[{HAN}]{{1,8}}?){_FILLER}(?P<verb>参加|参与|出席|到场)"
)
# People served who are counted as they enjoy it: 共有30多位居民享受到义剪服务.
# 共有96位老年人接受了体检, 共有200多名老人进行了免费体检, 800余位居民接受了“三伏贴”的治疗:
# the same, as they receive it.
_COUNT_ENJOYED = re.compile(
    rf"(?P<pre>共计|共有|共|约|近)?(?P<num>{_NUM_FROM_START})(?P<more>余|多)?(?P<unit>人次|名|位|人)(?P<noun>[{HAN}]{{0,6}}?)"
    rf"(?:享受|(?:接受(?:到)?|进行)了?[^，,。；;\n]{{0,20}}?(?:体检|义诊|检查|诊疗|治疗|理疗|理发|义剪|服务))"
)
# In the opening sentence, a number of residents as its subject: 社区百余名老年居民…,
# 现场60余名观众. Not after 为/向/给 (people served) nor in a list of things.
_COUNT_SUBJECT = re.compile(
    rf"(?P<pre>共计|共有|共|约有|约|近|逾|超过|超)?(?P<num>{_NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)"
    rf"(?=[及和与、,，在齐共围来走参一欢相纷积踊])"
)
_ANY_COUNT = re.compile(rf"(?P<num>{_NUM_FROM_START})(?:余|多|来)?(?:人次|名|位|人)")


def _listed(text: str, m: re.Match) -> list[str]:
    """The items of the list that ends with `m`'s `last` (A、B、C等…), within its clause."""
    end = m.end("last")
    window = max(0, m.start("last") - 60)  # a list of a few, looked for near its end only
    start = max(window, *(text.rfind(ch, window, m.start("last")) + 1 for ch in "，,。；;：:！？!?\n"))
    return [item for item in re.split("[、和与及]", text[start:end]) if item] or [m["last"]]


def _other_head_count(art: Article, m: re.Match) -> bool:
    """Whether the sentence of `m` counts people elsewhere too."""
    start, end = art.sentence_at(m.start())
    start, end = max(start, m.start() - 80), min(end, m.end() + 80)  # the sentence, near the count
    return any(c.start("num") != m.start("num") for c in _ANY_COUNT.finditer(art.masked, start, end))


def _count_matches(text: str) -> Iterator[re.Match]:
    """The matches `finditer` of _COUNT_AT without its look-behind would give, in one pass.

    A match of _COUNT_AT ends after up to 8 characters of `rest`, which may stop inside a run
    of digits; a search resuming there reads a number from that point (`12345678` ending one
    match, `90人参加` is the next). Only there is a number read from inside its run."""
    pos = 0
    while pos <= len(text):
        m = None
        if 0 < pos < len(text) and _same_run(text[pos - 1], text[pos]):
            m = _COUNT_AT_HERE.match(text, pos)
        if m is None:
            m = _COUNT_AT.search(text, pos)
            if m is None:
                return
        yield m
        pos = m.end()


def _same_run(a: str, b: str) -> bool:
    return ("0" <= a <= "9" and "0" <= b <= "9") or (a in _CN_DIGITS and b in _CN_DIGITS)


_NOT_ATTENDING = N_("not people attending")


def read_participants(art: Article):
    """((count, approximate) or None, confidence, why)."""
    text = art.masked
    found: list[tuple[int, bool, bool, str]] = []  # count, approx, is_total, evidence
    judged: dict[int, str] = {}  # position of a number -> why it is not attendance ("" if it is)
    volunteering: list[tuple[int, bool, bool, str]] = []  # volunteers who took part
    led: list[tuple[int, bool, bool, str]] = []  # a group someone took round (带领)
    for m in _count_matches(text):
        noun = m["noun"]
        # who they were may be a list (党员干部、志愿者、群众, 社区居民及游客): attendance if any of
        # them attends
        who_all = re.split("[、及和与]", noun)
        attending = any(who.endswith(ATTENDEE_HEADS) for who in who_all)
        at = m.start("num")
        if other_event(art, m.start(), m.end()):
            judged[at] = Reason(N_("another event"))
        elif (why := _not_counted(art, m.start(), m.start("num"))) is not None:
            judged[at] = why
        elif m["verb"] == "深入" and noun:
            # (30名党员深入小区, 10名医生深入社区: who went in to serve; only a team's count
            # said alone, 50多人分别深入各楼, is how many did it)
            judged[at] = Reason(_NOT_ATTENDING)
        elif (
            noun.endswith(HELPER_HEADS)
            and not (len(who_all) > 1 and attending)
            and not (m["verb"] == "参加" and any(w in m["rest"] for w in LEARNING))
        ):
            judged[at] = Reason(N_("helpers"))
            if noun.endswith(VOLUNTEERS) and m["verb"] in ("参加", "参与") and not any(w in m["rest"] for w in SERVING):
                _add_count(volunteering, m, m["pre"])
        elif noun and not attending and not noun.endswith(HELPER_HEADS):
            judged[at] = Reason(_NOT_ATTENDING)
        else:
            judged[at] = ""
            _add_count(found, m, m["pre"])
    tallies = [*_COUNT_TALLY.finditer(text), *_COUNT_TALLY_AFTER.finditer(text)]
    for m in sorted(tallies, key=lambda m: m.start()):
        if (
            m.re is _COUNT_TALLY_AFTER
            and (
                (m["noun"] and not any(who.endswith(ATTENDEE_HEADS) for who in m["noun"].split("、")))
                # (a total said before the verb counts as one after it: 共到场200人)
                or not (m["pre"] or m["noun"] or text[m.start() - 1 : m.start()] == "共")
            )
        ):
            continue
        if (why := _not_counted(art, m.start(), m.start("num"))) is not None:
            judged.setdefault(m.start("num"), why)
            continue
        if not other_event(art, m.start(), m.end()):
            judged[m.start("num")] = ""
            _add_count(found, m, "共")
    for matches in (
        *(
            p.finditer(text)
            for p in (_COUNT_DRAWN, _COUNT_AUDIENCE, _COUNT_PRESENT, _COUNT_LET, _COUNT_HELD_FOR, _COUNT_WITH)
        ),
        _counts_in_activity(text),
    ):
        for m in matches:
            pattern = m.re
            at = m.start("num")
            if at in judged or other_event(art, m.start(), m.end()):
                continue
            noun = (m.groupdict().get("who") or "") + m["noun"]  # 吸引居民80余人: who, then how many
            if pattern is _COUNT_DRAWN and m["verb"] == "邀请":
                # 邀请两位外国友人与社区青年交流: guests the residents meet are not the residents
                noun = re.split("[与和同]", noun, maxsplit=1)[0]
            if (
                not any(h in noun for h in ATTENDEE_HEADS)
                or any(h in noun for h in HELPER_HEADS)
                or (pattern is _COUNT_DRAWN and any(w in text[m.end("unit") : m.end("unit") + 10] for w in _PERFORMING))
            ):
                continue
            judged[at] = ""
            # 带领三名党员参观…, 邀请社区30名困难老人吃了…: a group taken round or invited, the
            # attendance only when no other is given
            _add_count(led if pattern is _COUNT_DRAWN and m["verb"] in ("带领", "邀请") else found, m, m["pre"])
    for m in [*_COUNT_LISTED.finditer(text), *_COUNT_LIST_TOTAL.finditer(text)]:
        at = m.start("num")
        # The list says who they were, where the words after the number did not (60余人分批次参加).
        unsaid = judged.get(at) == _NOT_ATTENDING and m.re is _COUNT_LIST_TOTAL
        if (
            (at in judged and not unsaid)
            or other_event(art, m.start(), m.end())
            or all(who.endswith(HELPER_HEADS + ("人员",)) for who in _listed(text, m))
        ):
            continue  # helpers only; 党员、居民代表、志愿者等40余人 came to take part
        judged[at] = ""
        _add_count(found, m, m["pre"] or "共")
    for m in _COUNT_JOINED.finditer(text):
        at = m.start("num")
        if at in judged or other_event(art, m.start(), m.end()) or _not_counted(art, m.start(), m.start("num")):
            continue
        if any(who.endswith(ATTENDEE_HEADS) for who in (m["first"], m["noun"])):
            judged[at] = ""  # some of them came to take part, whoever came with them
            _add_count(found, m, m["pre"])
    fs, fe = art.lead_sentence()
    for m in _COUNT_SUBJECT.finditer(text, fs, fe):
        at = m.start("num")
        if at in judged or other_event(art, m.start(), m.end()):
            continue
        if text[max(fs, m.start() - 3) : m.start()].endswith(("为", "向", "给", "帮助", "慰问", "看望", "服务")):
            continue
        if not m["noun"].endswith(ATTENDEE_HEADS):
            continue
        judged[at] = ""
        _add_count(found, m, m["pre"])
    served: list[tuple[int, bool, bool, str]] = []
    for pattern in (
        _COUNT_SERVED,
        _COUNT_SERVED_WHO,
        _COUNT_SERVED_FOR,
        _COUNT_GIVEN_TO,
        _COUNT_ENJOYED,
        _COUNT_CONSULTED,
    ):
        for m in pattern.finditer(text):
            noun = m["noun"] or ""
            if pattern is _COUNT_SERVED_WHO and not noun.endswith(ATTENDEE_HEADS + ("患者", "市民")):
                continue
            if other_event(art, m.start(), m.end()) or noun.endswith(HELPER_HEADS + ("人员",)):
                continue
            if (why := _not_counted(art, m.start(), m.start("num"))) is not None:
                judged.setdefault(m.start("num"), why)
                continue
            if pattern is _COUNT_CONSULTED and _other_head_count(art, m):
                continue  # 测量血压60余人，接受居民咨询40余人: the questions are not the whole
            judged.setdefault(m.start("num"), Reason(N_("people served, not attendance")))
            _add_count(served, m, m["pre"])
    if not found:
        found = led
    served_only = False
    if not found and served:
        found, served_only = served, True
    if not found and len({(n, approx) for n, approx, _, _ in volunteering}) == 1:
        # 40余名平安志愿者参加了巡逻: in an activity of volunteers, they are the ones taking part.
        n, approx, _, evidence = volunteering[0]
        return (
            (n, approx),
            0.6,
            Reason(N_("no other attendance given; the volunteers who took part, from “{evidence}”"), evidence=evidence),
        )
    if not found:
        # Say which head counts were seen and set aside, so the reader can check.
        seen: list[str] = []
        for m in _ANY_COUNT.finditer(text):
            reason = judged.get(m.start("num"), Reason(N_("no 参加/参与/出席 next to it")))
            if reason and len(seen) < 4:
                phrase = re.split(r"[(（]", text[m.start() : min(m.end() + 4, art.clause_at(m.start())[1])])[0]
                seen.append(Reason(N_("{phrase} ({reason})"), phrase=phrase, reason=reason))
        none = Reason(N_("no number tied to attendance"))
        if seen:
            return None, 0, clauses(none, Reason(N_("not counted: {counts}"), counts=items(*seen)))
        return None, 0, none
    values = {(n, approx) for n, approx, _, _ in found}
    if served_only:
        if len(values) == 1:
            n, approx, _, evidence = found[0]
            return (
                (n, approx),
                0.6,
                Reason(N_("no attendance given; the people served, from “{evidence}”"), evidence=evidence),
            )
        listed = "、".join(e for *_, e in found)
        return (
            None,
            0,
            Reason(N_("no attendance given, and the counts of people served disagree ({listed})"), listed=listed),
        )
    if len(values) == 1:
        n, approx, total, evidence = found[0]
        return (n, approx), 0.9 if total else 0.8, Reason(N_("from “{evidence}”"), evidence=evidence)
    totals = {(n, approx) for n, approx, total, _ in found if total}
    if len(totals) == 1:
        n, approx = totals.pop()
        evidence = next(e for c, a, t, e in found if t and (c, a) == (n, approx))
        return (n, approx), 0.7, Reason(N_("the total of several head counts, from “{evidence}”"), evidence=evidence)
    listed = "、".join(e for *_, e in found)
    return None, 0, Reason(N_("several head counts disagree ({listed})"), listed=listed)


def _not_counted(art: Article, at: int, num_at: int | None = None) -> Reason | None:
    """Why the count at `at` is not this activity's head count, or None: a series' or a year's
    running total (累计…, 今年以来…, or in its sentence 自2月启动以来，该活动已连续举办10余期，
    吸引近200名居民参与, or as of now: 截至目前…), a rate (每日接待…200余人) or a forecast
    (预计本月受益老人将达2000人). `num_at`: where the number itself starts."""
    text = art.masked
    start = art.sentence_at(at)[0]
    if _CUMULATIVE.search(text, max(0, at - 8), at) is not None:
        return Reason(N_("a running total"))
    # (a rate's word may stand inside the count's own words, or earlier in its sentence:
    # 服务站每日接待老年人200余人, 每年开展志愿服务活动200余次,服务居民8000余人)
    if _RATE.search(text, max(start, at - _SINCE_REACH), max(at, num_at or at)) is not None:
        return Reason(N_("a rate, not one activity's count"))
    if (
        _SINCE.search(text, max(start, at - _SINCE_REACH), at) is not None
        or _SO_FAR.search(text, max(start, at - _SO_FAR_REACH), at) is not None
    ):
        return Reason(N_("a running total"))
    if _FORECAST.search(text, max(start, at - _SINCE_REACH), at) is not None:
        return Reason(N_("a forecast, not a count"))
    return None


def _add_count(found: list, m: re.Match, prefix: str | None) -> None:
    number = m["num"]
    if number in ("百", "千"):  # 百余人: "over a hundred"
        number = "一" + number
    try:
        n = parse_cn_int(number)
    except ValueError:
        return
    if n < 2:  # 一位居民: a person, not a head count
        return
    approx = bool(m["more"]) or prefix in APPROX_PREFIXES
    found.append((n, approx, prefix in TOTAL_PREFIXES, m.group()))
