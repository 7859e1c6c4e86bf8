"""Column types that keep the village's numbers exact."""

from __future__ import annotations

import json
from decimal import Decimal

from peewee import TextField


class DecimalTextField(TextField):
    """A Decimal kept as text: SQLite's NUMERIC affinity would turn it into a float."""

    def __init__(self, places: int = 2, **kwargs):
        self.places = places
        super().__init__(**kwargs)

    def db_value(self, value):
        if value is None:
            return None
        quantum = Decimal(1).scaleb(-self.places)
        return str(Decimal(value).quantize(quantum))

    def python_value(self, value):
        return None if value is None else Decimal(value)


class JsonField(TextField):
    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        if value is None or isinstance(value, (dict, list)):
            return value
        return json.loads(value)
