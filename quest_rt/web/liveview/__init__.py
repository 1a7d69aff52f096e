"""Layer 3: Phoenix LiveView over a channel (wire-protocol.md sections 6–8).

Today: the diff engine (:mod:`.diff`), which turns compiled templates' renders into the
rendered/diff wire format the ``phoenix_live_view`` client merges.
"""

from quest_rt.web.liveview.diff import ViewTree

__all__ = ["ViewTree"]
