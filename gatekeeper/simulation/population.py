"""A made-up but realistic site population: names, resident IDs, phones, employers.

Everything comes from one `random.Random`, so a seed gives the same people. The ID
numbers are well formed (region, birth date, GB 11643 check digit) so they pass the
same validation a real card would; they belong to nobody.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gatekeeper.domain.vocab import Channel, IdType

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬建国建华志强"
    "海燕振杰海峰巧凤明豪中山耿辉淑娟晓东春生国庆德胜保国文斌卫东红梅"
)
# Counties of Henan (Zhengzhou and around), where most of the report's workers came from.
REGION_CODES = ("410122", "410102", "410105", "410181", "410183", "410221", "410402", "411302")
EMPLOYERS = (
    "中建七局第二建筑有限公司",
    "河南五建建设集团",
    "郑州华源劳务有限公司",
    "中牟县宏达建材供应站",
    "只有河南项目部",
)
WORKER_ROLES = ("钢筋工", "木工", "瓦工", "电工", "焊工", "架子工", "塔吊司机", "杂工")
VISITOR_ROLES = ("监理", "设计院", "供应商", "检查人员")
HOMETOWNS = ("郑州市中牟县", "开封市尉氏县", "周口市扶沟县", "许昌市鄢陵县", "南阳市唐河县")
PROVINCE_PLATE = "豫"
MOBILE_PREFIXES = ("135", "136", "137", "138", "139", "150", "151", "158", "186", "187", "188")
CHECK_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def resident_id(region: str, birth: date, order: int) -> str:
    """An 18-character resident ID with its GB 11643 (ISO 7064 MOD 11-2) check character."""
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    total = sum(int(digit) * weight for digit, weight in zip(body, CHECK_WEIGHTS, strict=True))
    return body + CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class SimPerson:
    """Someone who will come to the gate; the channel is how they usually arrive."""

    key: int
    channel: Channel
    name: str
    id_type: IdType
    id_number: str
    phone: str
    employer: str
    role: str
    coming_from: str


def make_population(rng: random.Random, size: int, today: date) -> list[SimPerson]:
    """`size` people: about 80 % workers, 12 % visitors, 8 % goods-vehicle drivers."""
    people: list[SimPerson] = []
    used_ids: set[str] = set()
    for key in range(size):
        roll = rng.random()
        if roll < 0.80:
            channel = Channel.WORKER
        elif roll < 0.92:
            channel = Channel.VISITOR
        else:
            channel = Channel.VEHICLE
        while True:
            birth = today - timedelta(days=rng.randint(19 * 365, 58 * 365))
            number = resident_id(rng.choice(REGION_CODES), birth, rng.randint(1, 999))
            if number not in used_ids:
                used_ids.add(number)
                break
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        if channel is Channel.VISITOR:
            role, employer = rng.choice(VISITOR_ROLES), rng.choice(EMPLOYERS[:3])
        elif channel is Channel.VEHICLE:
            role, employer = "货车司机", EMPLOYERS[3]
        else:
            role, employer = rng.choice(WORKER_ROLES), rng.choice(EMPLOYERS)
        people.append(
            SimPerson(
                key=key,
                channel=channel,
                name=name,
                id_type=IdType.RESIDENT_ID,
                id_number=number,
                phone=phone,
                employer=employer,
                role=role,
                coming_from=rng.choice(HOMETOWNS),
            )
        )
    return people


def plate_number(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    tail = "".join(rng.choice("0123456789" + letters[:6]) for _ in range(5))
    return f"{PROVINCE_PLATE}{rng.choice('AB')}{tail}"
