import datetime as dt
from decimal import Decimal

from app.domain.board import posting_period
from app.domain.checklists import STANDARD_CHECKLISTS, completion
from app.domain.search import matches, pinyin_initials
from app.domain.venue import centres_summary, check_area, missing_centres


def test_venue_below_standard_reports_the_shortfall():
    check = check_area(Decimal("352"), Decimal("400"))
    assert not check.meets
    assert check.label == "未达标（差 48 ㎡）"


def test_venue_at_standard_meets_it():
    assert check_area(Decimal("400"), Decimal("400")).label == "达标"
    assert check_area(Decimal("450.5"), Decimal("500")).label == "未达标（差 49.5 ㎡）"


def test_centres_in_fixed_order_and_missing_ones():
    centres = {"文化娱乐中心": "院坝", "党员活动中心": "二楼"}
    assert centres_summary(centres) == "党员活动中心（二楼）、文化娱乐中心（院坝）"
    assert missing_centres(centres) == ["村民议事中心", "便民服务中心", "教育培训中心"]


def test_completion_figure():
    assert completion([True, True, False, True, False]).label == "已达标 3/5 项（60%）"
    assert completion([]).label == "尚未设置自查项目"


def test_standard_checklists_are_five_and_six_items():
    assert STANDARD_CHECKLISTS["五有"] == ("有场地", "有标识", "有设备", "有制度", "有载体")
    assert len(STANDARD_CHECKLISTS["六有"]) == 6


def test_pinyin_initials_find_chinese_text():
    assert pinyin_initials("党建活动") == "djhd"
    assert matches("dj", "党建引领")
    assert matches("DJ", "党建引领")
    assert matches("财务", "村级财务管理制度")
    assert not matches("dj", "村级财务管理制度")
    assert matches("", "anything")


def test_posting_period_reads_naturally():
    assert posting_period(dt.date(2026, 11, 22)) == "10天（11月22日至2026年12月2日）"


def test_search_key_matches_text_and_initials_across_columns():
    from app.domain.search import key_matches, search_key

    key = search_key("村级财务管理制度", "现行", "2022-01-06")
    assert key_matches("cwgl", key) and key_matches("现行", key) and key_matches("2022", key)
    assert not key_matches("dj", key)
