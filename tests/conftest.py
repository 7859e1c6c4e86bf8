import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.store.connection import close_database, open_database  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo township built once per run; each test that asks for it gets its own copy of the database."""
    from app import paths
    from app.demo.township import populate_demo

    folder = tmp_path_factory.mktemp("demo-template")
    open_database(folder)
    populate_demo()
    close_database()
    return paths.database_file(folder)


@pytest.fixture
def db(request, data_dir):
    if "demo" in request.fixturenames:  # the copy must be in place before the database opens
        from app import paths

        shutil.copyfile(request.getfixturevalue("demo_template"), paths.database_file(data_dir))
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
    from app.store import models
    from app.demo.township import VILLAGES

    return [models.Village.get(models.Village.name == village[0]) for village in VILLAGES]
