"""The ways a report writes a head count: who took part and their number, a tally, a list
closed with its total, the people served; the patterns `people.py` reads counts with."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .articles import HAN, NUM

# (400位居民共话邻里情: they talked it over together; 50多人分别深入各楼: they went in, in groups)
ATTEND_VERB = (
    r"参加|参与|出席|到场|前来|聆听|倾听|听取|观看|到会|参会|齐聚|相聚|欢聚|围坐|来到|汇聚|聚集|观摩|济济一堂|报名"
    r"|共话|共叙|共度|共庆|深入"
)
# The mood they came in, between who came and their coming: 怀着喜悦的心情参加, 怀着浓厚的兴趣参加.
MOOD = rf"(?:怀着|带着)[{HAN}]{{1,6}}?的?(?:心情|兴趣|热情|期待)"
# How they did it, as an adverb: 聚精会神地聆听, 饶有兴致地观看.
MANNER = rf"[{HAN}]{{2,4}}地(?![区方点址图])"
# (在志愿者的引领下参与了: led by others, they took part all the same)
FILLER = (
    rf"(?:也|都|均|积极|踊跃|纷纷|共同|一起|一同|分别|在现场|到现场|现场|认真|了|热情|正在|驻足|{MOOD}|{MANNER}"
    rf"|在[{HAN}]{{2,8}}的(?:引领|带领|指导|组织|陪同)下)*"
)
DIGITS = "0-9"
CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A number as the counts below read it, only from where its run of digits starts. A search
# restarts at every character; one that read a number from inside a run would read the run to
# its end from each of them, and a page of digits (100 KB) took minutes. Nothing is lost: what
# follows a number is never a digit, so a count that could start inside a run starts at the
# run's beginning too (except where a search resumes inside a run: see count_matches).
# (几十名, 数十位: dozens, no number; 十 alone is not what they said)
NUM_FROM_START = rf"(?<![{DIGITS}])[{DIGITS}]+|(?<![{CN_DIGITS}几数])[{CN_DIGITS}]+"
# Children counted with 个, as speech counts them (19个小朋友参加); families and things with 个 are
# no head count.
CHILDREN_COUNTED = "个(?=小朋友|孩子|儿童|学生|青少年)"
COUNT_AT_TAIL = (
    # (十几名, 二十几位: over ten, over twenty, as 十余名)
    rf"[ \u3000]?(?P<more>余|多|来|(?<=十)几)?"
    # (10余名“非遗”文化爱好者积极参与: a quoted word may open who they were)
    # (70余名党员干部、志愿者、群众参加了…: who they were, listed)
    # (100余名老年门球爱好者参加: who they were may take seven or eight characters)
    # (吸引了百余名乒乓球爱好者的积极参与: their taking part, said as a noun)
    rf"(?P<unit>人次|人|名|位|{CHILDREN_COUNTED})(?P<noun>(?:“[{HAN}]{{1,6}}”)?(?:[{HAN}]{{1,6}}、){{0,4}}[{HAN}]{{0,8}}?)(?:的(?=[{HAN}]{{0,4}}参与))?{FILLER}"
    rf"(?P<verb>{ATTEND_VERB})"
    rf"(?P<rest>[^,，。；;\n]{{0,8}})"
)
COUNT_PRE = r"(?P<pre>共计|共有|合计|总计|共|约有|大约|约|近|逾|超过|超)?"
# (a page may set the number apart with spaces: 近 200 名居民齐聚一堂)
COUNT_AT = re.compile(rf"{COUNT_PRE}[ \u3000]?(?P<num>{NUM_FROM_START}){COUNT_AT_TAIL}")
COUNT_AT_HERE = re.compile(rf"{COUNT_PRE}(?P<num>{NUM}){COUNT_AT_TAIL}")
COUNT_SERVED = re.compile(
    # (受惠, 惠及, those who benefited: 当天受惠老年人超过120人, 惠及市民群众100多人)
    rf"(?:服务|受益|受惠|惠及)(?P<noun>[{HAN}、]{{0,10}}?)(?P<pre>共计|共|约|近|达到|达|超过|超)?(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>人次|人)"
)
# Or with who they were after the number: 共服务200余名居民.
COUNT_SERVED_WHO = re.compile(
    rf"(?:服务|受益|惠及)(?P<pre>共计|共|约|近|达到|达)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{1,6}}?)(?=[,，。；;、\n]|$)"
)
# People whose questions were answered: 接受群众咨询150余人, 解答居民疑问20余人次, 接待义诊咨询30余人,
# 接受咨询解答130余人, 提供法律咨询10余人次.
COUNT_CONSULTED = re.compile(
    rf"(?:接受|解答|接待|提供(?:法律|政策|健康|心理)?)(?P<noun>群众|居民|市民)?(?:义诊)?(?:咨询|疑问|问题)(?:解答)?(?:群众|居民|市民)?"
    rf"(?P<pre>共计|共|约|近|达到|达)?(?P<num>{NUM})"
    rf"(?P<more>余|多)?(?P<unit>人次|人)"
)
# A running total of a series or a year (累计参与群众达10000人次), not one activity's attendance.
CUMULATIVE = re.compile(r"累计|总计已|今年以来|全年|历年|至今")
SINCE = re.compile(r"以来|一年来|一年下来|已连续|先后(?:开办|举办|开展|组织|带动)|已先后|累计(?:举办|开展|组织)")
# As of now (截至目前，社区…开展活动500余场，惠及人数逾5000人): further back in the count's sentence.
SO_FAR = re.compile(r"截至目前|截止目前|截至今年|截止今年|截至年底|截至发稿")
SO_FAR_REACH = 80
SINCE_REACH = 40
# A rate rather than a count: 服务站每日接待老年人200余人.
RATE = re.compile(r"每日|每天|每周|每月|每年|日均|月均|年均")
# What is expected rather than counted: 预计本月参与老人将达2000人, 全年将有500人受益.
FORECAST = re.compile(r"预计|预期|将达|将有|将超过?|有望")
COUNT_TALLY = re.compile(
    # (应到户代表267名，实到260名: those present at an election or a meeting)
    rf"(?:(?:参加|参与|参会|出席|到场)人(?:数|员)|(?<=[,，、])实到(?:会|场)?(?:人数)?)"
    rf"(?:达到|达|为|共计|共|约|近|超过)*(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>人次|人|名)?"
)
# 参与居民达120余人次; 居民踊跃参与，共计50余人; 参与居民80余人, 参加活动的居民有60余人: who
# took part, then their number (with no word between, only after who they were).
# 参加活动的社区居民、志愿商户多达200多人: who, listed, then how many.
# 参加培训的老人有二十余位: what they took part in, then who.
COUNT_TALLY_AFTER = re.compile(
    rf"(?:参加|参与|参会|出席|到场)(?:的|[{HAN}]{{0,4}}?的)?(?P<noun>(?:[{HAN}]{{2,6}}、){{0,3}}[{HAN}]{{0,4}}?)[,，]?"
    rf"(?P<pre>多达到?|达到|达|共计|共有|合计|总计|有)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>人次|人|名|位)"
    # (the total ends its clause: 参加比赛的选手有3位获得一等奖 counts the winners)
    r"(?=[,，。；;、！!）)\s]|$)"
)
# People served (`共为96名居民提供服务`, `为36名老人提供了免费理发`, `为近百名患者测量了血压`):
# a head count only when the text gives no attendance.
COUNT_SERVED_FOR = re.compile(
    rf"为(?P<noun0>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位|人)"
    # (maybe of an age: 为100余位65岁及以上居民完成筛查)
    rf"(?:[0-9]{{2,3}}周?岁(?:及以上|以上)?的?)?(?P<noun>[{HAN}]{{0,6}}?)"
    # (or for whom a class or a service was held: 为社区内的10名幼儿带来了一堂启蒙课, 为辖区内十余名
    # 老人组织了一场义剪服务)
    rf"(?:提供|送上|送去|免费|义务|测量|检测|检查|体检|诊疗|理发|义剪|量血压|测血压|测血糖|完成筛查|筛查"
    rf"|带来了?一[堂场次节]|组织了?一[场次])"
)
# People given something (赠送给辖区30余位高血压老年患者): served, as above.
COUNT_GIVEN_TO = re.compile(
    rf"(?:赠送给|送给|发放给)(?P<noun0>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?"
    rf"(?P<unit>名|位)(?P<noun>[{HAN}]{{0,8}}?)(?=[,，。；;、\n])"
)
# Attendance led by a verb: 吸引200余名居民, 邀请了25名居民, 引来了500多名职工.
COUNT_DRAWN = re.compile(
    rf"(?P<verb>吸引|引来|召集|带领|聚集|组织|邀请)了?(?:辖区)?(?P<who>[{HAN}]{{0,4}}?)(?P<pre>共计|共|约|近|逾|超过|超)?"
    rf"(?<![几数])(?P<num>{NUM})(?P<more>余|多|来)?"  # (数十位居民: dozens, no number)
    # who: a word, or a list of them (新调入、新报到的…党员), maybe of an age (80岁以上老人)
    rf"(?P<unit>名|位|人|{CHILDREN_COUNTED})(?:[0-9]{{2,3}}周?岁(?:及?以上)?的?)?(?P<noun>(?:[{HAN}]{{1,6}}、){{0,4}}[{HAN}]{{0,16}})"
)
# Those the activity let learn or enjoy something: 此次活动让托管班的20余名孩子…掌握了….
COUNT_LET = re.compile(
    rf"(?:活动|讲座|课堂|培训)(?:让|使)(?P<who>[{HAN}]{{0,6}}?)(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?"
    rf"(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)(?=[在都纷们更进深切亲充从对学了掌感体收度])"
)
# What invited people do when they are not the audience: 邀请三位居民代表讲了….
PERFORMING = ("讲", "介绍", "分享", "授课", "表演", "演示", "指导")
# An audience: 为300余名居民讲述, 向近60名在场的社区居民讲解, 向社区40余名居民开展…讲座.
COUNT_AUDIENCE = re.compile(
    rf"[为向](?:社区|辖区)?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)(?P<noun>(?:在场的)?[{HAN}]{{0,6}}?)"
    # (向40余名社区老年人详细讲解了: how, between them and the talk)
    rf"(?:详细|耐心|细致|深入|生动)?地?"
    rf"(?:讲述|讲解|讲授|授课|宣讲|上了|带来|普及|解读|科普"
    # or a talk given them: 为30余名居民进行糖尿病知识健康教育讲座
    rf"|(?:进行|开展|举办)了?[{HAN}]{{0,14}}?(?:讲座|宣讲|授课|培训))"
)
# Those present: 为在座的58位老人准备了蛋糕, 与会的30余名代表.
# (参训50多名居民: those the class was for)
COUNT_PRESENT = re.compile(
    # (参与结营仪式的15名少儿: those who took part in the event, not in one class of many)
    # (前来进行身体检查的100多名村民: those who came for it)
    # (赢得了现场100多位妇女朋友的掌声: those at the scene)
    rf"(?:(?:在座|在场|到场|与会|闻讯而来|慕名而来|前来[{HAN}]{{0,8}}?)的|参训的?|参会的?|现场"
    rf"|(?:参加|参与|出席)[{HAN}]{{0,6}}(?:仪式|典礼|活动|讲座|会议)的)"
    rf"(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{0,6}})"
)
# Those the activity was held with: 与社区40名长者一起包饺子.
COUNT_WITH = re.compile(
    rf"[与和同跟](?:社区|辖区)?的?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>名|位)"
    rf"(?P<noun>[{HAN}]{{1,6}}?)(?:一起|一同)"
)
# Those an event was held for: 为社区15位独居、空巢老人举办的团圆宴.
COUNT_HELD_FOR = re.compile(
    rf"为(?:社区|辖区)?(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多)?(?P<unit>名|位)"
    rf"(?P<noun>(?:[{HAN}]{{1,6}}、){{0,3}}[{HAN}]{{1,6}}?)(?:举办|举行|开展)"
)
# Those who were there as the text goes on to tell: 100余名社区居民在活动中感受….
# (read back from each 在活动中: a pattern that opens on a number is tried at every character)
IN_ACTIVITY = re.compile(r"在(?:活动中|活动现场|现场)")
COUNT_IN_ACTIVITY = re.compile(
    rf"(?P<pre>共计|共有|共|约|近)?(?P<num>{NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)$"
)
IN_ACTIVITY_REACH = 16  # how far before 在活动中 its count may start


def counts_in_activity(text: str) -> Iterator[re.Match]:
    for m in IN_ACTIVITY.finditer(text):
        count = COUNT_IN_ACTIVITY.search(text, max(0, m.start() - IN_ACTIVITY_REACH), m.start())
        if count is not None:
            yield count


# A list of who came, closed with its total: 社区干部、居民代表等20余人.
# 组织党员、居民等40余人开展…: the list, then what they did together.
COUNT_LISTED = re.compile(
    rf"(?P<last>[{HAN}]{{2,6}})等(?P<pre>共计|共|约|近)?(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>人|名|位)"
    rf"(?:(?![{HAN}])|(?=开展|参加|参与|齐聚|共同|一起|观看|聆听|集中|学习|召开|举行))"
)
# Or with 共 and no 等, then how they took part: 组长、点长共100余人分批次参加培训.
COUNT_LIST_TOTAL = re.compile(
    rf"、(?P<last>[{HAN}]{{2,6}}?)(?P<pre>共计|共)(?P<num>{NUM})(?P<more>余|多|来)?(?P<unit>人|名|位)"
    rf"(?=[^，,。；;\n]{{0,12}}?(?:参加|参与|出席|聆听|观看))"
)
# Two kinds of people counted together, then their taking part: 40余名平安志愿者和社区党员共同
# 参加, 近200名环卫工人以及绿化队队员参与到…, 30多名居民代表及相关工作人员参加会议.
COUNT_JOINED = re.compile(
    rf"{COUNT_PRE}(?P<num>{NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位|人)"
    rf"(?P<first>[{HAN}]{{1,8}}?)(?:以及|和|及|与|、)(?P<noun>[{HAN}]{{1,8}}?){FILLER}(?P<verb>参加|参与|出席|到场)"
)
# People served who are counted as they enjoy it: 共有30多位居民享受到义剪服务.
# 共有96位老年人接受了体检, 共有200多名老人进行了免费体检, 800余位居民接受了“三伏贴”的治疗:
# the same, as they receive it.
COUNT_ENJOYED = re.compile(
    rf"(?P<pre>共计|共有|共|约|近)?(?P<num>{NUM_FROM_START})(?P<more>余|多)?(?P<unit>人次|名|位|人)(?P<noun>[{HAN}]{{0,6}}?)"
    rf"(?:享受|(?:接受(?:到)?|进行)了?[^，,。；;\n]{{0,20}}?(?:体检|义诊|检查|诊疗|治疗|理疗|理发|义剪|服务))"
)
# In the opening sentence, a number of residents as its subject: 社区百余名老年居民…,
# 现场60余名观众. Not after 为/向/给 (people served) nor in a list of things.
COUNT_SUBJECT = re.compile(
    rf"(?P<pre>共计|共有|共|约有|约|近|逾|超过|超)?(?P<num>{NUM_FROM_START})(?P<more>余|多|来)?(?P<unit>名|位)(?P<noun>[{HAN}]{{1,6}}?)"
    rf"(?=[及和与、,，在齐共围来走参一欢相纷积踊])"
)
ANY_COUNT = re.compile(rf"(?P<num>{NUM_FROM_START})(?:余|多|来)?(?:人次|名|位|人)")


def count_matches(text: str) -> Iterator[re.Match]:
    """The matches `finditer` of COUNT_AT without its look-behind would give, in one pass.

    A match of COUNT_AT ends after up to 8 characters of `rest`, which may stop inside a run
    of digits; a search resuming there reads a number from that point (`12345678` ending one
    match, `90人参加` is the next). Only there is a number read from inside its run."""
    pos = 0
    while pos <= len(text):
        m = None
        if 0 < pos < len(text) and same_run(text[pos - 1], text[pos]):
            m = COUNT_AT_HERE.match(text, pos)
        if m is None:
            m = COUNT_AT.search(text, pos)
            if m is None:
                return
        yield m
        pos = m.end()


def same_run(a: str, b: str) -> bool:
    return ("0" <= a <= "9" and "0" <= b <= "9") or (a in CN_DIGITS and b in CN_DIGITS)
