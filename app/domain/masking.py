"""De-identifying personal data on anything that is posted (个人信息保护法; 政务公开要点).

Two ID-number styles are in use: keep the first 2 and last 3 (永安 2023, the default here), or
the first 6 and last 4.
"""

from __future__ import annotations

import re

ID_KEEP_2_3 = (2, 3)
ID_KEEP_6_4 = (6, 4)


def _mask_middle(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return "*" * len(text)
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + text[len(text) - keep_end :]


def mask_id_number(id_number: str, style: tuple[int, int] = ID_KEEP_2_3) -> str:
    """35*************123 (or 350102********1234 with ID_KEEP_6_4)."""
    text = (id_number or "").strip().upper()
    return _mask_middle(text, *style) if text else ""


def mask_phone(phone: str) -> str:
    """138****1234 for a mobile; a landline keeps its area code and last 4 digits."""
    text = (phone or "").strip()
    digits = re.sub(r"\D", "", text)
    if not digits:
        return ""
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[7:]}"
    if "-" in text:
        area, _, number = text.partition("-")
        number_digits = re.sub(r"\D", "", number)
        return f"{area}-{_mask_middle(number_digits, 0, 4)}"
    return _mask_middle(digits, 0, 4)


_ADDRESS_LEVELS = ("组", "村", "社区", "镇", "乡", "街道")


def mask_address(address: str) -> str:
    """Only down to the village group (组) is posted: '涌溪乡芽溪村3组15号' -> '涌溪乡芽溪村3组'."""
    text = (address or "").strip()
    if not text:
        return ""
    for level in _ADDRESS_LEVELS:
        position = text.find(level)
        if position != -1:
            cut = text.rfind(level) if level == "组" else position
            return text[: cut + len(level)]
    return "（地址已隐去）"
