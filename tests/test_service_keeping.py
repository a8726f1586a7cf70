"""Adding and deleting activities through the service, as a library (no CLI), against a real
logbook in a temp directory."""

from __future__ import annotations

import pytest

from logbook.errors import NotFound
from logbook.models import Activity, new_id
from logbook.services.keeping import add_activity, delete_activities, find_activities
from logbook.storage import Store

NOW = "2025-03-10T08:00:00+00:00"


def _activity(title: str, day: str, community: str) -> Activity:
    return Activity(
        id=new_id(),
        date=day,
        title=title,
        category="培训",
        communities=[community],
        street="安贞街道",
        participants=30,
        author="王社工",
        created_at=NOW,
        updated_at=NOW,
    )


@pytest.fixture
def store(db_path):
    store = Store(db_path)
    for title, day, community in [
        ("消防安全培训", "2025-03-02", "安贞西里社区"),
        ("垃圾分类宣传", "2025-03-05", "黄寺社区"),
        ("重阳节敬老活动", "2024-10-11", "安贞里社区"),
    ]:
        add_activity(store, _activity(title, day, community))
    return Store(db_path)


def test_an_added_activity_is_stored_in_its_month_and_named_in_the_history(store):
    added = _activity("防诈骗讲座", "2025-04-01", "安贞西里社区")
    add_activity(store, added)
    again = Store(store.path)
    assert again.get(added.id[:8]).to_dict() == added.to_dict()
    assert sorted(a.title for a in again.activities()) == [
        "垃圾分类宣传",
        "消防安全培训",
        "重阳节敬老活动",
        "防诈骗讲座",
    ]
    assert again.history()[-1].summary == f"add {added.short_id} 防诈骗讲座"


def test_refs_are_found_once_each_in_the_order_named(store):
    by_title = {a.title: a for a in store.activities()}
    first, second = by_title["垃圾分类宣传"], by_title["消防安全培训"]
    found = find_activities(store, [first.id[:6], second.id, first.id])
    assert [a.id for a in found] == [first.id, second.id]
    with pytest.raises(NotFound):
        find_activities(store, [first.id, "ffffffff"])


def test_deleting_removes_the_activities_and_leaves_tombstones(store):
    targets = [a for a in store.activities() if a.title != "重阳节敬老活动"]
    delete_activities(store, targets, now=NOW)
    again = Store(store.path)
    assert [a.title for a in again.activities()] == ["重阳节敬老活动"]
    assert {t["id"]: t["deleted_at"] for t in again.tombstones()} == {a.id: NOW for a in targets}


def test_one_deleted_meanwhile_deletes_nothing(store):
    targets = find_activities(store, [a.id for a in store.activities()])
    delete_activities(Store(store.path), targets[:1], now=NOW)  # another process, meanwhile
    before = store.path.read_bytes()
    with pytest.raises(NotFound, match=f"activity {targets[0].short_id} was deleted meanwhile"):
        delete_activities(store, targets, now=NOW)
    assert store.path.read_bytes() == before
    assert len(Store(store.path).activities()) == len(targets) - 1


@pytest.mark.parametrize("limit", [0, 1, 2, 5])
def test_a_limited_listing_in_another_order_counts_every_match(store, limit):
    # The service keeps only `limit` of a sort by head count as it reads; it still says how many
    # there are, whatever the limit (the command line asks for one at least, a library need not).
    from logbook.query import Filter
    from logbook.services.listing import list_activities, search_activities

    add_activity(store, _activity("防诈骗讲座", "2025-04-01", "黄寺社区"))
    listed = list_activities(store, Filter(), sort="participants", limit=limit)
    assert listed.total == 4 and len(listed.shown) == min(limit, 4)
    assert [a.title for a in listed.shown] == ["防诈骗讲座", "垃圾分类宣传", "消防安全培训", "重阳节敬老活动"][:limit]
    found = search_activities(store, Filter(terms=["黄寺"]), sort="community", limit=limit)
    assert found.total == 2 and [a.title for a in found.shown] == ["防诈骗讲座", "垃圾分类宣传"][:limit]
