"""Presence shapes and bookkeeping (wire-protocol §5)."""

from __future__ import annotations

from quest_rt.web.channels import Tracker


def refs(state, key):
    return [m["phx_ref"] for m in state[key]["metas"]]


def test_two_tracks_of_one_key_are_one_key_with_two_metas():
    tracker = Tracker()
    first = tracker.track("tab1", "room:1", "42", {"name": "ann"})
    tracker.track("tab2", "room:1", "42", {"name": "ann"})
    state = tracker.list("room:1")
    assert list(state) == ["42"]
    assert [m["name"] for m in state["42"]["metas"]] == ["ann", "ann"]
    assert len(set(refs(state, "42"))) == 2
    assert first == {"joins": {"42": {"metas": [state["42"]["metas"][0]]}}, "leaves": {}}


def test_refs_are_stable_and_untrack_returns_the_leave():
    tracker = Tracker()
    tracker.track("a", "t", "ann", {"x": 1})
    tracker.track("b", "t", "bob", {"x": 2})
    before = tracker.list("t")
    assert tracker.list("t") == before
    change = tracker.untrack("a", "t")
    assert change == {"joins": {}, "leaves": {"ann": before["ann"]}}
    assert list(tracker.list("t")) == ["bob"]
    assert tracker.untrack("a", "t") is None


def test_tracking_again_is_an_update_with_phx_ref_prev():
    tracker = Tracker()
    tracker.track("a", "t", "ann", {"typing": False})
    old = tracker.list("t")["ann"]["metas"][0]
    change = tracker.track("a", "t", "ann", {"typing": True})
    new = tracker.list("t")["ann"]["metas"]
    assert len(new) == 1 and new[0]["typing"] is True
    assert new[0]["phx_ref_prev"] == old["phx_ref"]
    assert change == {"joins": {"ann": {"metas": new}}, "leaves": {"ann": {"metas": [old]}}}


def test_untrack_all_covers_every_topic_and_empties_the_tables():
    tracker = Tracker()
    tracker.track("a", "t1", "ann", {})
    tracker.track("a", "t2", "ann", {})
    changes = tracker.untrack_all("a")
    assert [topic for topic, _ in changes] == ["t1", "t2"]
    assert tracker.list("t1") == {} and tracker.list("t2") == {}
    assert not tracker.tracked("a")
