import logging

from app.logging_setup import KEEP, LOG_NAME, MAX_BYTES, setup_logging


def test_log_is_written_and_rotated_when_large(data_dir):
    log_file = setup_logging(data_dir)
    logging.getLogger("test").info("第一条记录")
    assert "第一条记录" in log_file.read_text(encoding="utf-8")

    for number in range(1, KEEP + 1):
        (log_file.parent / f"{LOG_NAME}.{number}").write_text(f"old {number}")
    log_file.write_bytes(b"x" * MAX_BYTES)
    setup_logging(data_dir)
    assert log_file.stat().st_size == 0
    assert (log_file.parent / f"{LOG_NAME}.1").stat().st_size == MAX_BYTES
    assert (log_file.parent / f"{LOG_NAME}.2").read_text() == "old 1"
    assert not (log_file.parent / f"{LOG_NAME}.{KEEP + 1}").exists()
