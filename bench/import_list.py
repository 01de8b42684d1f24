"""Writes participant lists shaped like the ones Chinese host agencies send.

usage: import_list.py OUT.csv FIRST COUNT [AGENCIES]
Rows FIRST .. FIRST+COUNT-1 of one endless, deterministic list: a title row,
the headers 序号 姓名 性别 单位 职务 省份 手机 邮箱, then one official a row, with a
Chinese name unique to the row number, one of AGENCIES (default 50) agencies
and a phone number. The same number always gives the same person, so two
lists that share numbers name the same people.
"""
import sys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯健俊帆琳晶欣雪梅林波宁旭东海峰亮志成"
PROVINCES = ["北京", "福建", "广东", "浙江", "云南", "黑龙江", "上海", "广西"]


def name(n):
    s = SURNAMES[n % len(SURNAMES)]
    m = n // len(SURNAMES)
    g1 = GIVEN[m % len(GIVEN)]
    g2 = GIVEN[(m // len(GIVEN)) % len(GIVEN)]
    return s + g1 + g2


def main():
    out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    agencies = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    with open(out, "w", encoding="utf-8") as f:
        f.write("2026年出入境管理培训班学员名单,,,,,,,\n")
        f.write("序号,姓名,性别,单位,职务,省份,手机,邮箱\n")
        for i, n in enumerate(range(first, first + count), start=1):
            f.write(f"{i},{name(n)},{'女' if n % 2 else '男'},"
                    f"第{n % agencies + 1}市公安局出入境管理支队,科员,"
                    f"{PROVINCES[n % len(PROVINCES)]},139{n:08d},\n")


if __name__ == "__main__":
    main()
