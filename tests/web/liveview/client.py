"""An independent reader of the rendered/diff format: the client's merge, in Python.

Written from the merge semantics of ``phoenix_live_view`` 1.2's ``rendered.js``
(wire-protocol.md 6.4), not from the server's code, so the tests check the diff engine
against a second implementation:

* a diff object with ``"s"`` replaces what the client held for that slot; one without
  is merged key by key (a nested object into a nested object, anything else replaces);
* a comprehension diff (``"k"``) updates items by position (an object merges into the
  item, an int ``j`` copies old item ``j``, ``[j, diff]`` copies and merges; moves read
  a snapshot taken first), drops items past ``"kc"`` and sets the count;
* rendering resolves ``"s": <int>`` against the nearest ``"p"`` table, keeps the
  resolved list and drops the table (so ``p`` lives for one message).

Stricter than the browser on purpose: a missing slot, an unresolvable static index or a
keyed diff for a slot that holds no comprehension fails the test instead of rendering
``undefined``.
"""

from __future__ import annotations

import copy
import json
from typing import Any


class ClientRendered:
    """The client's tree for one view, fed the join's render and then each diff."""

    def __init__(self, rendered: dict[str, Any]) -> None:
        assert "s" in rendered, f"a join render must carry the root statics: {rendered}"
        self.tree: dict[str, Any] = {}
        self.html = ""
        self.merge(rendered)

    def merge(self, diff: dict[str, Any]) -> str:
        """Apply one message (after a JSON round trip, as the browser gets it)."""
        diff = json.loads(json.dumps(diff))
        assert "r" not in diff, "r at the top of a diff is a hook reply"
        self.tree = _merged(self.tree, diff)
        self.html = _to_html(self.tree, None)
        return self.html


def _is_obj(value: Any) -> bool:
    return type(value) is dict


def _merged(target: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    if "s" in source:
        return source
    _merge_into(target, source)
    return target


def _merge_into(target: dict[str, Any], source: dict[str, Any]) -> None:
    if "k" in source:
        _merge_keyed(target, source)
        return
    for key, value in source.items():
        held = target.get(key)
        if _is_obj(value) and "s" not in value and _is_obj(held):
            _merge_into(held, value)
        else:
            target[key] = value


def _merge_keyed(target: dict[str, Any], source: dict[str, Any]) -> None:
    assert "k" in target, f"keyed diff {source} for a slot holding {target}"
    items = target["k"]
    keyed = source["k"]
    snapshot = copy.deepcopy(items) if keyed.get("km") else None
    for i, entry in keyed.items():
        if i in ("kc", "km"):
            continue
        if type(entry) is list:
            assert snapshot is not None, "a move without km"
            items[i] = copy.deepcopy(snapshot[str(entry[0])])
            _merge_into(items[i], entry[1])
        elif type(entry) is int:
            assert snapshot is not None, "a move without km"
            items[i] = copy.deepcopy(snapshot[str(entry)])
        else:
            assert _is_obj(entry), f"bad keyed entry {entry!r}"
            _merge_into(items.setdefault(i, {}), entry)
    count = keyed["kc"]
    for i in range(count, items["kc"]):
        items.pop(str(i), None)
    items["kc"] = count
    if "p" in source:
        target["p"] = source["p"]


def _statics(node: dict[str, Any], templates: dict[str, Any] | None) -> list[str]:
    assert "s" in node, f"no statics for {node}"
    statics = node["s"]
    if type(statics) is int:
        assert templates is not None and str(statics) in templates, (
            f"static index {statics} with templates {templates}"
        )
        statics = templates[str(statics)]
    assert type(statics) is list and all(type(s) is str for s in statics), statics
    node["s"] = statics
    return statics


def _to_html(node: dict[str, Any], templates: dict[str, Any] | None) -> str:
    if "k" in node:
        statics = _statics(node, templates)
        own = node.pop("p", None)
        item_templates = templates if templates is not None else own
        return "".join(
            _slots_html(node["k"][str(i)], statics, item_templates) for i in range(node["k"]["kc"])
        )
    if "p" in node:
        templates = node.pop("p")
    return _slots_html(node, _statics(node, templates), templates)


def _slots_html(node: dict[str, Any], statics: list[str], templates: dict[str, Any] | None) -> str:
    out = [statics[0]]
    for i in range(len(statics) - 1):
        assert str(i) in node, f"slot {i} missing from {node}"
        value = node[str(i)]
        if _is_obj(value):
            out.append(_to_html(value, templates))
        else:
            assert type(value) is str, f"slot {i} holds {value!r} (components are not modelled)"
            out.append(value)
        out.append(statics[i + 1])
    return "".join(out)
