"""The words place names are read with: what ends a name on its left, what leads into one,
what is never a community's name, and how Beijing place names end — the vocabulary
`place_names.py` reads with."""

from __future__ import annotations

# Characters and words that end a name on its left: function words that never start a
# community's name, and verbs that introduce one (覆盖了, 联合, 走进 …).
STOP_CHARS = set("了在于到的是由为从向把让给被等对并至赴往及与其此这那每各该本跟们就受但又据")
# Verbs that end what stands before 社区: a name starts after one (走进腾龙社区 is 腾龙), and a
# name cannot end on one (积极发挥社区党支部作用, 大力推动社区…: no name).
VERBS_BEFORE = (
    "发挥",
    "推动",
    "提升",
    "提高",
    "加强",
    "增强",
    "推进",
    "促进",
    "营造",
    "打造",
    "助力",
    "助推",
    "筑牢",
    "融入",
    "扎根",
    "走进",
    "送进",  # 展板送进青禾街道柳岸社区
    "带进",  # 将粽叶带进青禾街道柳岸社区
    "送到",
    "深入",
    "配合",  # 主动配合社区党委的工作
    "共话",  # 共话社区发展
    "共商",  # 共叙情谊、共商社区发展大计
    "上报",  # 上报街道和专业部门
    "共绘",  # 共绘社区美好愿景
    "共筑",  # 共筑美丽社区
    "呼吁",  # 他呼吁社区居民
    "倡导",
    "通过",  # 通过社区的努力
    "感谢",  # 也感谢社区党委
    "离不开",  # 美好的社区离不开社区居委会
    "进行",  # 社工进行西街社区…意见收集
    "协助",
    "展现",
    "展示",
    "强化",  # 强化社区防火意识
    "结合",  # 结合社区实际
    "收集",  # 收集社区公共议题
    "落户",  # 学堂落户社区
    "构建",  # 构建和谐社区
    "研讨",  # 主要研讨社区…提交的
    "落实",  # 为认真落实龙蟠街道办事处有关…的要求
    "深化",
    "优化",
    "聚焦",  # 聚焦安全社区建设
    "织密",  # 织密社区安全防护网
    "维护",  # 维护社区居民的身体健康
    "举行",  # 首次在广兴小区举行社区年货节
    "遍布",  # 行动遍布社区
    "举办",
    "聚集",  # 通过聚集社区青年
    "认同",  # 增强居民对社区的认同, 认同社区
    "关怀",  # 关怀长辈社区行
    "通知",  # 挨个通知社区老年人
    "一直说",  # 一直说社区考虑周到
    "建立",  # 建立社区…机制
    "焕发",  # 跳蚤市场焕发社区新活力
    "激发",
    "做好",  # 做好社区服务
    "清理",  # 清理社区垃圾
    "认识",  # 认识社区、了解社区、热爱社区
    "了解",
    "热爱",
    "关心",
    "开启",  # 开启社区治理元年
    "活跃",  # 促进活跃社区氛围的形成
    "情满",  # 和谐邻里庆中秋 情满社区迎国庆
    "爱满",
    "肯定",  # 充分肯定社区在…中取得的成效
    # What a street office does to its communities, or has of them (青禾街道召开社区议事协商会,
    # 检查社区…, 所辖社区, 全部社区):
    # right after a street a name of two is otherwise taken as sure.
    *"""召开 召集 启动 成立 设立 部署 筹办 主办 承办 调研 考察 观摩 检查 巡查 督导 验收 考核 测评
    评议 评选 表彰 授牌 挂牌 揭牌 命名 培训 听取 要求 统筹 完善 规范 制定 推广 打通 选举 换届 发布
    包括 联系 建成 所辖 下辖 分管 全部""".split(),
)
LEAD_WORDS = sorted(
    """
    服务 来到 覆盖 联合 携手 组织 举办 开展 邀请 特邀 位于 地处 作为 前往 对接 结对
    帮扶 针对 围绕 参与 参加 牵头 协同 会同 动员 发动 号召 带领 引导 指导 督导 支持
    依托 整合 链接 走访 看望 慰问 所在 来自 辖区 全体 所属 未来 今后 下一步 目前
    近年来 当前 同时 此外 随后 丰富 守护 美化 关爱 共建 创建 争创 上午 下午 晚上 早上 中午 傍晚
    会上 上届 本届 历届 新一届 下一届 主要 请示 融合 辖区内 联动 根据 按照 依据 代表 绿化 亮化 净化
    就有 还有 全 属 和 与 及 或 有""".split()
    + list(VERBS_BEFORE),
    key=len,
    reverse=True,
)
# Words that point or tell when, never a name even where a slogan's word may be one (after a
# street, or with the community's party committee: 这次社区党委把…, 后续社区党委将…).
# (and a count of one: 更是一场社区记忆的书写)
# (nor how many, even after a street: 街道其他社区相关工作人员; nor when: 今天社区以…为主题)
NEVER_NAMES = frozenset(
    "这次 此次 本次 那次 每次 这里 那里 现场 在场 后续 我们 自己 首个 一场 一次 一个 一处 一座 一位 一名"
    " 一项项 一个个 一场场 一次次 一批批 并同"
    " 其他 其它 所有 各个 多个 众多 部分 多数 少数 两个 三个 几个 每个 多家 更多 许多 很多 诸多"
    " 今天 今日 昨天 昨日 明天 当天 当日".split()
)
# Words that say what kind a community is, not which one (and the words above).
GENERIC = (
    set(
        """周边 相关 兄弟 共建 和谐 和美 基层 城市 农村 老旧 智慧 美丽 文明 示范 整个 广大
    涉及 附近 试点 幸福 熟人 友好 韧性 完整 宜居 活力 温馨 和睦 数字 绿色 平安 书香
    社区 街道 地区 全国 全市 全区 本市 本区 周围 偏远 贫困 山区 边远 对口 帮扶 新型
    服务 工作 治理 建设 发展 管理 不同 先进 优秀 特色 无障碍
    无毒 无烟 无诈 法治 低碳 节水 生态 洁净 美好 健康 安全 学习型 节约型 浓浓 居家
    长辈 良好 乡村 城乡 新时代 精品 海绵 公租房 以上 以下 国家级 省级 市级 区级 县级 联点 联系 文明实践""".split()
    )
    | NEVER_NAMES
)
# The last character of a community or area name: what Beijing place names end with.
PLACE_FINAL = set(
    "里园居庄村营门桥街路寺堂楼口坊苑巷同城府院湖山河台店屯宫坡厂甸关井坛港湾海岛林场亭阁馆铺窑"
    "墙洼垡沟峪岭坨淀泉池塔滩源景邸第舍廊轩汇郡墅岸谷溪寓寨集堡坝埠堤塘殿祠庙观宅房户东西南北中"
)
