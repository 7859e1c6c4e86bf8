"""The demo villages' 村规民约, one of each shape real compacts take: chapters with articles (adopted through
the whole procedure, with a second version drafted that still carries a fine for the clerk to see flagged),
headed groups with numbered items (adopted), and a plain numbered list (a draft)."""

from __future__ import annotations

import datetime as dt

from app.domain import compact as cp
from app.domain import four_two as f
from app.store import compacts, models

CHAPTERS = """{village}村规民约

为推进移风易俗，维护社会秩序，建设文明乡村，根据国家法律法规，经村民会议讨论通过，制定本村规民约。

第一章 总则
第一条 本村规民约适用于本村全体村民和在本村居住的人员。
第二条 村民应当遵守宪法、法律、法规和国家政策，自觉维护集体和他人的合法权益。
第二章 社会治安
第三条 村民之间发生纠纷，应当本着互谅互让的原则协商解决；协商不成的，可申请村人民调解委员会调解。
第四条 严禁下列行为：
① 聚众赌博或为赌博提供场所；
② 在公路上私设路障、晾晒农作物；
③ 乱砍滥伐集体和他人林木。
第五条 爱护水利、电力、道路、通信等公共设施，损坏的照价赔偿。
第三章 村风民俗
第六条 红白喜事从简办理，婚事宴请不超过二十桌，丧事不超过三天，不燃放大型烟花。
第七条 尊老爱幼，赡养老人，子女不得以任何理由拒绝履行赡养义务。
第八条 破除封建迷信，不请神弄鬼，不信邪教。
第四章 环境卫生
第九条 房前屋后实行“门前三包”，垃圾分类投放，不乱倒乱扔。
第十条 畜禽圈养，不得散放污染道路和水源。
第五章 附则
第十一条 违反本村规民约的，由村民委员会进行批评教育，责令改正；造成损失的，依法赔偿。
第十二条 本村规民约经村民会议表决通过，报乡人民政府备案后施行，由村民委员会负责解释。
{village}村民委员会
"""

GROUPS = """{village}村规民约
一、社会治安
1. 自觉遵守法律法规，不参与黄赌毒，不传播谣言。
2. 邻里纠纷协商解决，不打架斗殴，不聚众闹事。
3. 外来人员居住的，房东应当及时向村委会登记。
二、村风民俗
1. 红白喜事从简办理，不大操大办：
（1）婚事宴请不超过二十桌；
（2）丧事不超过三天；
（3）不收受高额彩礼。
2. 不搞封建迷信活动，不参加邪教组织。
三、环境卫生
1. 垃圾分类投放，定点倾倒。
2. 保护溪流，不向河道倾倒垃圾和废水。
四、附则
1. 本村规民约经村民会议通过后施行。
"""

LIST = """{village}村规民约（草案）
1. 爱党爱国，遵纪守法，维护社会稳定。
2. 尊老爱幼，邻里和睦，互帮互助。
3. 保护耕地，不乱占乱建，建房须依法报批。
4. 爱护公共设施，保持村容整洁。
5. 拒不缴纳卫生费的，对其停水停电，并罚款一百元。
"""


def _adopt(version: models.CompactVersion, start: dt.date, village: models.Village) -> None:
    steps = [
        {"on": start, "opinions": 126},
        {"on": start + dt.timedelta(days=20)},
        {"on": start + dt.timedelta(days=30), "verdict": cp.APPROVED, "review_note": "内容合法，同意提交村民会议表决"},
        {
            "on": start + dt.timedelta(days=45),
            "basis": f.HOUSEHOLDS,
            "present": village.households * 4 // 5,
            "votes_for": village.households * 4 // 5 - 9,
            "votes_against": 4,
            "votes_abstain": 5,
        },
        {"on": start + dt.timedelta(days=47)},
        {"on": start + dt.timedelta(days=52)},
    ]
    for values in steps:
        compacts.record_step(models.CompactVersion.get_by_id(version.id), values)


def add_demo_compacts(village: models.Village, index: int, today: dt.date) -> None:
    text = (CHAPTERS, GROUPS, LIST, GROUPS)[index].format(village=village.name)
    changes = compacts.add_compact(village, f"{village.name}村规民约", text)
    version = models.CompactVersion.get_by_id(changes[1].record_id)
    if index == 2:
        compacts.record_step(version, {"on": today - dt.timedelta(days=10), "opinions": 58})
        return
    _adopt(version, today - dt.timedelta(days=400), village)
    if index == 0:  # a revision under way, whose draft still has a fine in it
        revised = text.replace("责令改正；造成损失的，依法赔偿。", "责令改正，并处以二百元罚款。")
        compacts.add_version(models.Compact.get_by_id(version.compact_id), revised)
