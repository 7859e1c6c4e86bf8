from app.domain.masking import ID_KEEP_6_4, mask_address, mask_id_number, mask_phone


def test_id_number_keeps_first_two_and_last_three():
    assert mask_id_number("352601199001011234") == "35*************234"


def test_id_number_other_style_keeps_six_and_four():
    assert mask_id_number("52262519800101123x", ID_KEEP_6_4) == "522625********123X"


def test_mobile_phone_is_masked_in_the_middle():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138 1234 1234") == "138****1234"


def test_landline_keeps_area_code_and_last_four():
    assert mask_phone("0855-5721234") == "0855-***1234"


def test_address_only_down_to_group():
    assert mask_address("镇远县涌溪乡芽溪村3组15号") == "镇远县涌溪乡芽溪村3组"
    assert mask_address("涌溪乡芽溪村下寨28号") == "涌溪乡芽溪村"


def test_empty_values_stay_empty():
    assert mask_id_number("") == "" and mask_phone("") == "" and mask_address("") == ""
