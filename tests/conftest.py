import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.store.connection import close_database, open_database  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir)
    yield database
    close_database()


@pytest.fixture
def village(db):
    from app.store.villages import create_village

    return create_village(
        name="芦笙村",
        township="涌溪乡",
        county="镇远县",
        households=300,
        adult_population=900,
        representatives=28,
        supervision_phone="0855-5721234",
    )


@pytest.fixture
def demo(db):
    from app.store.demo import populate_demo

    return populate_demo()
