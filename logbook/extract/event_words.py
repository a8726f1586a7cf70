"""The words that say an event was held and what was held, and those that open a clause with
its purpose: shared by the title, headline and category readers."""

from __future__ import annotations

import re

# The verbs that say an event was held.
EVENT_VERB = r"举办|开展|组织|举行|召开|启动|开启|推出|主题为|迎来|开设|开讲"
# The words that name what kind of event it was.
EVENT_NOUN = (
    "主题",
    "系列",
    "活动",
    "培训",
    "讲座",
    "课程",
    "沙龙",
    "大赛",
    "比赛",
    "竞赛",
    "项目",
    "宣传",
    "演练",
    "义诊",
    "仪式",
    "晚会",
    "展览",
    "展演",
    "嘉年华",
    "讲堂",
    "课堂",
    "专题",
    "议事",
    "协商会",
    "座谈会",
    "会议",
    "交流会",
    "分享会",
    "志愿服务",
    "党日",
    "游园",
    "市集",
)
# The words that end what was held (its head): shared with the category reader.
EVENT_HEAD = (
    r"活动|培训|讲座|会议|议事会|协商会|座谈会|交流会|分享会|大会|演练|义诊|课程|仪式|比赛|大赛|"
    r"宣传|沙龙|党课|党日|服务日|展览|演出|晚会|"
    r"推进会|部署会|动员会|联席会|碰头会|评议会|见面会|恳谈会|听证会|茶话会|联欢会|游园会|读书会|生日会|"
    r"生活会|测评会|总结会|"
    # a campaign or a round of inspections or visits (开展家园清洁行动, 开展消防安全隐患排查)
    r"排查|巡查|整治|行动|体检|走访|"
    # and the other gatherings named …会 (举办专场招聘会), a class (开展书法课)
    r"招聘会|运动会|联谊会|故事会|音乐会|报告会|宣讲会|表彰会|观影会|展销会|发布会|朗诵会|课堂|课(?![题外后时本件余间表])|(?<![加值换轮上下])班(?![子长车级主次])"
)
# A clause that opens with its purpose or occasion (为…, 围绕…, 在…之际), not with what was done.
PURPOSE = re.compile(r"^(?:为了?|围绕|针对|在.{0,12}(?:之际|前夕|期间)|随着|根据|按照|结合|以)")
