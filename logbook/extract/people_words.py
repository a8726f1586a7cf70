"""Who a head count counts: the words for those who came and those who served, and the
prefixes that make a count a total or an estimate — the vocabulary `people.py` reads with."""

from __future__ import annotations

TOTAL_PREFIXES = ("共计", "共有", "合计", "总计", "共")
APPROX_PREFIXES = ("约有", "大约", "约", "近", "逾", "超过", "超")
# Who serves or helps: counted as helpers, not as attendance.
HELPER_HEADS = (
    "志愿者",
    "学员",
    "队员",
    "工作人员",
    "医护人员",
    "医务人员",
    "医生",
    "律师",
    "消防员",
    "民警",
    "讲师",
    "老师",
    "专家",
    "社工",
    "指战员",
    "服务队",
)
ATTENDEE_HEADS = (
    "居民",
    "群众",
    "党员",
    "老人",
    "老年人",
    "儿童",
    "孩子",
    "未成年人",
    "青少年",
    "青年",
    "市民",
    "学生",
    "小朋友",
    "家长",
    "家庭",
    "代表",
    "工作者",
    "骨干",
    "职工",
    "干部",
    "楼门长",
    "残疾人",
    "妇女",
    "朋友",
    "群体",
    "快递员",
    "外卖员",
    "观众",
    "村民",
    "租户",
    "业主",
    "长者",
    "同志",  # 老年同志, 妇女同志
    "爱好者",  # 乒乓球爱好者
    "工人",  # 环卫工人
    "少儿",
    "退休人员",
    "阿姨",  # 社区叔叔阿姨
    "选手",  # a contest's players: 共有42名选手参与
)
# Volunteers who take part (参加/参与) in what they do: the attendance of an activity of volunteers
# (a patrol, a clean-up) when the text gives no other; not when they serve those who came.
VOLUNTEERS = ("志愿者", "队员")
SERVING = ("服务", "协助", "保障", "维持", "引导", "帮助")
LEARNING = ("培训", "学习", "讲座", "课程", "授课", "会议", "党课", "研讨")
