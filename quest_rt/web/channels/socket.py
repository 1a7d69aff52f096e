"""The Phoenix socket of one connection: client messages in, channel callbacks and
replies out (sans-IO).

A :class:`ChannelSocket` owns the connection's joined channels (``{topic: Channel}``)
and is driven by one call per client message, :meth:`ChannelSocket.receive`, and one
at the end, :meth:`ChannelSocket.terminate`. It writes through an injected
``send(payload, frame) -> bool`` (a connection's ``send_prepared``) and subscribes
with an injected ``owner`` (the connection), so it runs the same under the endpoint
and in a test that hands it a list and a nursery.

What each message does (wire-protocol §4, §8.5):

====================================  ==================================================
``heartbeat`` on ``phoenix``          reply ok ``{}``
``phx_join``                          a joined topic is closed first (``phx_close`` for
                                      the old join_ref); unmatched topic / too many
                                      channels → error reply; else the join function
                                      and ``on_join`` run and their result is the reply
``phx_leave``                         reply ok (even for an unknown topic); a current
                                      join then runs ``on_leave`` and gets ``phx_close``
an event on a joined topic            stale ``join_ref`` → dropped; rate limit → error
                                      reply; the handler's return → ok reply
an event on a topic not joined        error ``{"reason": "unmatched topic"}``
a frame we cannot read                logged and dropped; answered with an error reply
                                      when its ref and topic could be read
====================================  ==================================================

Error handling:
    A join function or ``on_join`` that raises (or returns a reply that cannot be
    encoded) refuses the join with
    ``{"reason": "join crashed"}``. An event handler (or the rate-limit hook) that
    raises crashes that one channel: the traceback is logged, the channel is
    unsubscribed and untracked, its ``on_leave`` runs, and the client gets
    ``phx_error`` for that join and rejoins by itself. Other channels of the
    connection are untouched.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from ..pubsub import Owner
from .channel import Channel, ChannelState
from .hub import ChannelHub
from .serializer import MalformedMessage, Message, decode
from .wire import (
    CHANNEL_CRASH,
    ERROR,
    HEARTBEAT,
    JOIN_CRASHED,
    MALFORMED,
    OK,
    PHOENIX_TOPIC,
    PHX_CLOSE,
    PHX_ERROR,
    PHX_JOIN,
    PHX_LEAVE,
    PRESENCE_STATE,
    RATE_LIMITED,
    TOO_MANY_CHANNELS,
    UNHANDLED_EVENT,
    UNMATCHED_TOPIC,
)

__all__ = ["ChannelSocket", "Refusal", "join_reply"]

log = logging.getLogger("quest_rt.web.channels")

Send = Callable[[str | bytes, bytes | None], Any]


class Refusal:
    """What an engine-level ``on_join`` returns to refuse a join with exactly
    ``response`` (LiveView's ``{"reason": "stale"}``, which has no ``"error"`` key)."""

    __slots__ = ("response",)

    def __init__(self, response: Any) -> None:
        self.response = response


def join_reply(result: Any) -> tuple[str, Any]:
    """What ``on_join`` returned → (status, response) (seed-extensions E17): a dict
    with an ``"error"`` key refuses with that dict; another dict (or bytes) is the
    ``ok`` response; a :class:`Refusal` refuses with its response; anything else is
    ``ok`` with ``{}``."""
    if type(result) is Refusal:
        return ERROR, result.response
    if isinstance(result, dict):
        return (ERROR if "error" in result else OK), result
    if isinstance(result, (bytes, bytearray)):
        return OK, bytes(result)
    return OK, {}


def _event_reply(result: Any) -> Any:
    return result if isinstance(result, (dict, bytes, bytearray)) else {}


def _python_traceback(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).rstrip()


class ChannelSocket:
    """The channels of one connection (see the module docstring).

    Attributes:
        id: the connection's id.
        assigns: what the endpoint's ``connect`` accepted the connection with.
        last_seen: the ``clock()`` time of the last client message (the endpoint's
            idle timeout reads it).
    """

    __slots__ = (
        "_clock",
        "assigns",
        "channels",
        "hub",
        "id",
        "last_seen",
        "owner",
        "send",
        "terminated",
    )

    def __init__(
        self,
        hub: ChannelHub,
        *,
        conn_id: str,
        owner: Owner,
        send: Send,
        assigns: Mapping[str, Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hub = hub
        self.id = conn_id
        self.owner = owner
        self.send = send
        self.assigns: Mapping[str, Any] = assigns if assigns is not None else {}
        self.channels: dict[str, Channel] = {}
        self._clock = clock
        self.last_seen = clock()
        #: True once the connection ended (``on_leave`` callbacks can tell a client
        #: leaving from the connection going away)
        self.terminated = False

    def __repr__(self) -> str:
        return f"<ChannelSocket {self.id} topics={sorted(self.channels)}>"

    # ── driving ────────────────────────────────────────────────────────────

    def receive(self, data: str | bytes) -> None:
        """Handle one client message."""
        self.last_seen = self._clock()
        try:
            message = decode(data)
        except MalformedMessage as exc:
            log.warning("dropped a malformed message on connection %s: %s", self.id, exc)
            if exc.ref is not None and exc.topic is not None:
                self._reply(None, exc.ref, exc.topic, ERROR, {"reason": MALFORMED})
            return
        event = message.event
        if message.topic == PHOENIX_TOPIC:
            if event == HEARTBEAT:
                self._reply(None, message.ref, PHOENIX_TOPIC, OK, {})
            else:
                self._reply(None, message.ref, PHOENIX_TOPIC, ERROR, {"reason": UNMATCHED_TOPIC})
        elif event == PHX_JOIN:
            self._join(message)
        elif event == PHX_LEAVE:
            self._leave(message)
        else:
            self._event(message)

    def terminate(self) -> None:
        """The connection ended: close every channel (``on_leave`` runs, presences
        are untracked, subscriptions end)."""
        self.terminated = True
        for channel in list(self.channels.values()):
            self._close(channel, run_on_leave=True)

    # ── the three kinds of message ─────────────────────────────────────────

    def _join(self, message: Message) -> None:
        topic, ref = message.topic, message.ref
        join_ref = message.join_ref if message.join_ref is not None else ref
        old = self.channels.get(topic)
        if old is not None:
            self._close(old, run_on_leave=True)
            self.send(self.hub.encoder.control(old.join_ref, topic, PHX_CLOSE, {}), None)
        hub = self.hub
        join = hub.match(topic)
        if join is None:
            self._reply(join_ref, ref, topic, ERROR, {"reason": UNMATCHED_TOPIC})
            return
        if not isinstance(message.payload, dict):
            self._reply(join_ref, ref, topic, ERROR, {"reason": MALFORMED})
            return
        if len(self.channels) >= hub.max_channels:
            self._reply(join_ref, ref, topic, ERROR, {"reason": TOO_MANY_CHANNELS})
            return
        channel = Channel(self, topic, join_ref)
        self.channels[topic] = channel
        if hub.subscribe_topics:
            channel._sub = hub.pubsub.subscribe(
                topic, self.owner, codec=hub.codec, send=channel._deliver
            )
        params = message.payload
        try:
            join(channel, topic, params)
            on_join = channel._on_join
            result = on_join(params) if on_join is not None else None
            status, response = join_reply(result)
            # Encoded here: a reply the encoder refuses is the join's failure.
            reply = hub.encoder.reply(join_ref, ref, topic, status, response)
        except Exception as exc:
            self._log_failure(exc, f"joining {topic!r}")
            self._close(channel, run_on_leave=False)
            self._reply(join_ref, ref, topic, ERROR, {"reason": JOIN_CRASHED})
            return
        if channel.state is ChannelState.CLOSED:
            self._reply(join_ref, ref, topic, ERROR, {"reason": JOIN_CRASHED})
            return
        if status == ERROR:
            self._close(channel, run_on_leave=False)
            self.send(reply, None)
            return
        self.send(reply, None)
        held = channel._release()
        if hub.presence_enabled:
            state = hub.presence.list(topic)
            self.send(hub.encoder.push(join_ref, topic, PRESENCE_STATE, state), None)
        send = self.send
        for data, frame in held:
            send(data, frame)

    def _leave(self, message: Message) -> None:
        topic = message.topic
        channel = self.channels.get(topic)
        self._reply(message.join_ref, message.ref, topic, OK, {})
        if channel is None or message.join_ref not in (None, channel.join_ref):
            return  # unknown topic, or a leave racing a newer join: answered, ignored
        self._close(channel, run_on_leave=True)
        self.send(self.hub.encoder.control(channel.join_ref, topic, PHX_CLOSE, {}), None)

    def _event(self, message: Message) -> None:
        topic, ref = message.topic, message.ref
        channel = self.channels.get(topic)
        if channel is None:
            self._reply(None, ref, topic, ERROR, {"reason": UNMATCHED_TOPIC})
            return
        join_ref = channel.join_ref
        if message.join_ref is not None and message.join_ref != join_ref:
            return  # stale: meant for an older join of this topic
        event, payload = message.event, message.payload
        try:
            limit = self.hub.rate_limit
            if limit is not None and limit(channel, event, payload):
                self._reply(join_ref, ref, topic, ERROR, {"reason": RATE_LIMITED})
                return
            handler = channel._handlers.get(event)
            if handler is None:
                log.warning("channel %r has no handler for event %r", topic, event)
                self._reply(join_ref, ref, topic, ERROR, {"reason": UNHANDLED_EVENT})
                return
            result = handler(payload)
            reply = None
            if ref is not None:
                reply = self.hub.encoder.reply(join_ref, ref, topic, OK, _event_reply(result))
        except Exception as exc:
            self.crash(channel, exc, f"handling {event!r} on {topic!r}")
            return
        if reply is not None and channel.state is ChannelState.JOINED:
            self.send(reply, None)

    # ── ending channels ────────────────────────────────────────────────────

    def end(self, channel: Channel) -> None:
        """The server ends ``channel``: ``on_leave`` runs and the client gets
        ``phx_close`` (it does not rejoin). Nothing happens for a closed channel."""
        if channel.state is ChannelState.CLOSED:
            return
        self._close(channel, run_on_leave=True)
        self.send(self.hub.encoder.control(channel.join_ref, channel.topic, PHX_CLOSE, {}), None)

    def crash(self, channel: Channel, exc: Exception, doing: str) -> None:
        """``channel`` failed: log, clean up, ``on_leave``, ``phx_error`` to the client."""
        self._log_failure(exc, doing)
        if channel.state is ChannelState.CLOSED:
            return
        self._close(channel, run_on_leave=True)
        error = self.hub.encoder.control(
            channel.join_ref, channel.topic, PHX_ERROR, {"reason": CHANNEL_CRASH}
        )
        self.send(error, None)

    def _close(self, channel: Channel, *, run_on_leave: bool) -> None:
        if channel.state is ChannelState.CLOSED:
            return
        was_joined = channel.state is ChannelState.JOINED
        channel.state = ChannelState.CLOSED
        channel._pending = None
        if self.channels.get(channel.topic) is channel:
            del self.channels[channel.topic]
        hub = self.hub
        if channel._sub is not None:
            hub.pubsub.unsubscribe(channel._sub)
        hub.untrack_all(channel)
        on_leave = channel._on_leave
        if run_on_leave and was_joined and on_leave is not None:
            try:
                on_leave()
            except Exception as exc:
                self._log_failure(exc, f"on_leave of {channel.topic!r}")
        # Nothing of a closed channel runs again: drop what points back at it (the
        # app's handlers capture the channel, the subscription holds its bound
        # method, the binding's object holds it), so reference counting frees it
        # with its connection instead of the cyclic collector (issue 9).
        channel._handlers = {}
        channel._on_join = channel._on_leave = None
        channel._sub = None
        channel.binding = None

    # ── helpers ────────────────────────────────────────────────────────────

    def _reply(
        self, join_ref: str | None, ref: str | None, topic: str, status: str, response: Any
    ) -> None:
        self.send(self.hub.encoder.reply(join_ref, ref, topic, status, response), None)

    def _log_failure(self, exc: BaseException, doing: str) -> None:
        format_error = self.hub.format_error or _python_traceback
        log.error("channel failed %s (connection %s):\n%s", doing, self.id, format_error(exc))
