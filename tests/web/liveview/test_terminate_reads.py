"""``terminate(reason, socket)`` can read the socket it is given (who is leaving, from
which document) — examples/editor says "user_left" with the user id from there. Writes
stay refused, and once terminate has returned the socket is an ended view's."""

from __future__ import annotations

from pathlib import Path

import pytest

from quest_rt.runtime.errors import RuntimeErr
from quest_rt.web.liveview import testing
from tests.web.liveview.support import load_quest

SOURCE = """
use "std/web/liveview" as lv
let seen = []
let kept = []
let Doc = lv.component(fun ()
  fun render(assigns) lv.template("<p><%= doc_id %></p>", assigns) end
  fun mount(params, session, socket)
    socket.assign("doc_id", params["doc_id"])
    socket.set("user", "ada")
  end
  fun terminate(reason, socket)
    seen.push([reason, socket.get("doc_id"), socket.get("user"), socket.assigns()["doc_id"],
               socket.id(), socket.connected(), socket.parent()])
    kept.push(socket)
    try
      socket.assign("doc_id", "changed")
    catch e: RuntimeErr
      seen.push(e.message())
    end
  end
  {"state": {"doc_id": nil}, "render": render, "mount": mount, "terminate": terminate}
end)
"""


def test_terminate_reads_the_socket_and_cannot_write_it(tmp_path: Path):
    ns = load_quest(SOURCE, tmp_path / "doc.q")
    view = testing.mount(ns["Doc"].definition, {"doc_id": "plans"}, {})
    view.close("leave")
    assert ns["seen"][0] == ["leave", "plans", "ada", "plans", "phx-test", True, None]
    assert ns["seen"][1] == "LiveSocket.assign: the view has ended"
    # afterwards the socket is an ended view's, for reads too
    with pytest.raises(RuntimeErr, match="LiveSocket.get: the view has ended"):
        ns["kept"][0].get("doc_id")
