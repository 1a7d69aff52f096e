"""Bytes on the wire for LiveView updates (issue 8's size targets), from the real engine.

Not timed: it compiles Quest templates with the real compiler, renders them through the
diff engine (``quest_rt.web.liveview.diff``) and measures the messages a view would
send, serialized as the Phoenix v2 JSON serializer does (compact JSON array,
wire-protocol.md 3.1 and 7):

1. the reply frame to a counter click (QEP block 12's template) — target: 90 B or less
   (pyview: about 125 B, the figure in issue 8);
2. toggling one item of a 100-item todo list, against a full re-render of that list
   (the same state sent with its statics, as a join or a fingerprint change would) —
   target: under 5 %.

    .venv/bin/python bench/liveview_sizes.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quest_rt.runtime.loader import compile_source, new_namespace, run_code  # noqa: E402
from quest_rt.web.liveview.diff import ViewTree  # noqa: E402

COUNTER = '''use "std/web/liveview" as lv
fun render(assigns)
    lv.template("""
            <div>
                <h1>Count: <%= count %></h1>
                <button phx-click="increment">+</button>
                <button phx-click="decrement">-</button>
                <button phx-click="reset">Reset</button>
            </div>
        """, assigns)
end
'''

TODOS = '''use "std/web/liveview" as lv
fun render(assigns)
    lv.template("""
        <ul id="todos">
            <% for todo in todos %>
                <li id="todo-<%= todo.id %>" class="<%= todo.done ? 'done' : '' %>">
                    <input type="checkbox" phx-click="toggle" phx-value-id="<%= todo.id %>" <%= todo.done ? 'checked' : '' %>/>
                    <%= todo.title %>
                </li>
            <% end %>
        </ul>
    """, assigns)
end
'''

#: view ids: Phoenix's shape ("phx-" + 16 base64url characters, as in wire-protocol 7),
#: and the shorter one this bench recommends to the LiveView session: 8 random bytes in
#: base64url (64 bits, 11 characters). The id need not be secret (the signed session
#: token names it and is checked against the topic, 8.1); every byte of it is paid in
#: every frame of the view.
PHOENIX_ID = "phx-GBf3xLp2Yc0AAAAB"
SHORT_ID = "phx-Qm9vX2JhcjE"


def compact(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def reply_frame(ref: str, diff: dict, view_id: str = SHORT_ID) -> bytes:
    """The ``phx_reply`` to an ``event`` push, carrying the diff (wire-protocol 6.6)."""
    topic = f"lv:{view_id}"
    return compact(["4", ref, topic, "phx_reply", {"status": "ok", "response": {"diff": diff}}])


def load(source: str, name: str):
    path = Path(tempfile.mkdtemp()) / name
    path.write_text(source, encoding="utf-8")
    namespace = new_namespace(str(path))
    run_code(compile_source(source, str(path)).code, namespace)
    return namespace["render"]


def counter() -> tuple[int, int, int]:
    render = load(COUNTER, "counter.q")
    a = {"count": 0}
    tree = ViewTree()
    join = tree.diff(render(a), None, a)
    a["count"] = 1
    diff = tree.diff(render(a), {"count"}, a)
    print(f"  counter join render   {len(compact(join)):6d} B  {compact(join).decode()[:70]}...")
    print(f"  click diff            {len(compact(diff)):6d} B  {compact(diff).decode()}")
    for view_id in (PHOENIX_ID, SHORT_ID):
        for ref in ("8", "88", "888"):  # client refs count up by one per push
            frame = reply_frame(ref, diff, view_id)
            print(
                f"  reply frame, id {len(view_id)} ch, ref {ref:>3} {len(frame):4d} B  {frame.decode()}"
            )
    return (
        len(compact(diff)),
        len(reply_frame("888", diff)),
        len(reply_frame("888", diff, PHOENIX_ID)),
    )


def todo_list(n: int = 100) -> tuple[int, int]:
    render = load(TODOS, "todos.q")
    todos = [{"id": i, "title": f"Task number {i}", "done": i % 3 == 0} for i in range(n)]
    a = {"todos": todos}
    tree = ViewTree()
    tree.diff(render(a), None, a)
    todos[n // 2]["done"] = not todos[n // 2]["done"]
    diff = tree.diff(render(a), {"todos"}, a)
    full = ViewTree().diff(render(a), None, a)
    print(f"  toggle one item diff  {len(compact(diff)):6d} B  {compact(diff).decode()}")
    print(f"  full re-render        {len(compact(full)):6d} B  (rendered JSON with statics)")
    print(f"  list HTML             {len(render(a).to_html().encode()):6d} B")
    print(f"  toggle reply frame    {len(reply_frame('888', diff)):6d} B")
    return len(compact(diff)), len(compact(full))


def held_bytes(source: str, name: str, assigns: dict) -> int:
    """Bytes a view's ViewTree keeps after its first render (tracemalloc)."""
    render = load(source, name)
    rendered = render(assigns)
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    tree = ViewTree()
    tree.diff(rendered, None, assigns)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    kept = sum(s.size_diff for s in after.compare_to(before, "filename"))
    del tree
    return kept


def memory() -> None:
    counter_bytes = held_bytes(COUNTER, "counter_mem.q", {"count": 0})
    todos = [{"id": i, "title": f"Task number {i}", "done": i % 3 == 0} for i in range(100)]
    list_bytes = held_bytes(TODOS, "todos_mem.q", {"todos": todos})
    print(f"  counter view          {counter_bytes:6d} B")
    print(f"  100-item list view    {list_bytes:6d} B  (item values are kept to compare items)")


def main() -> None:
    print("LiveView counter (QEP block 12)")
    _, frame, phoenix_frame = counter()
    print(
        f"  => reply frame with a 3-digit ref: {frame} B with 15-character view ids (phx- + 11) "
        f"({phoenix_frame} B with Phoenix's 20); target <= 90 B: "
        f"{'met' if frame <= 90 else 'MISSED'} (pyview about 125 B: {frame / 125:.2f}x)"
    )
    print()
    print("100-item list, one item toggled")
    diff, full = todo_list()
    ratio = diff / full
    print(
        f"  => {diff} B / {full} B = {ratio:.2%} of a full re-render; target < 5 %: "
        f"{'met' if ratio < 0.05 else 'MISSED'}"
    )
    print()
    print("What the diff engine keeps per view (its ViewTree; the view's assigns not counted)")
    memory()


if __name__ == "__main__":
    main()
