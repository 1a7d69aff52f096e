"""Layer 3: Phoenix LiveView over a channel (wire-protocol.md sections 6–8).

The diff engine (:mod:`.diff`) turns compiled templates' renders into the rendered/diff
wire format the ``phoenix_live_view`` client merges; a :class:`View` runs one mounted
component (:mod:`.view`); :class:`LiveViewEndpoint` serves an app's views: their dead
render pages and the ``/live`` socket where each view is one ``lv:<id>`` channel
(:mod:`.endpoint`, :mod:`.session`).
"""

from quest_rt.web.liveview.diff import ViewTree
from quest_rt.web.liveview.endpoint import LiveViewEndpoint
from quest_rt.web.liveview.session import LIVEVIEW_VERSION
from quest_rt.web.liveview.view import Definition, View, ViewSpec, current_view

__all__ = [
    "LIVEVIEW_VERSION",
    "Definition",
    "LiveViewEndpoint",
    "View",
    "ViewSpec",
    "ViewTree",
    "current_view",
]
