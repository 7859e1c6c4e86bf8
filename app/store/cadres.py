"""Reading the 班子: current posts, who holds what, and the close relations the rules need."""

from __future__ import annotations

import datetime as dt

from app.domain import cadres as c
from app.store import models


def is_current(post: models.CadrePost, today: dt.date) -> bool:
    return post.ended_on is None or post.ended_on > today


def current_posts(village, today: dt.date | None = None) -> list[models.CadrePost]:
    today = today or dt.date.today()
    query = models.CadrePost.select(models.CadrePost, models.Cadre).join(models.Cadre)
    return [p for p in query.where(models.CadrePost.village == village) if is_current(p, today)]


def post_order(post: str) -> int:
    return c.POSTS.index(post) if post in c.POSTS else len(c.POSTS)


def current_posts_by_person(village, today: dt.date) -> list[tuple[models.Cadre, list[models.CadrePost]]]:
    """Each person holding posts now, with them; in the order of their highest post."""
    people: dict = {}
    for post in sorted(current_posts(village, today), key=lambda p: post_order(p.post)):
        people.setdefault(post.cadre.id, (post.cadre, []))[1].append(post)
    return list(people.values())


def holdings(village, today: dt.date | None = None) -> list[c.Holding]:
    return [
        c.Holding(str(p.cadre.id), p.cadre.name, p.post, p.cadre.gender == "女") for p in current_posts(village, today)
    ]


def relative_pairs(village) -> set[frozenset[str]]:
    query = models.CadreRelation.select().where(models.CadreRelation.village == village)
    return {frozenset((str(r.cadre_id), str(r.relative_id))) for r in query}
