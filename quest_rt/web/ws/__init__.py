"""Layer 1, raw WebSockets: the connection handlers see (with its mailbox), the
registry, the direct Trio+wsproto transport, frame encoding, the upgrade check and a
test client. Built on :mod:`quest_rt.web.http` (the upgrade is an HTTP request);
the layers above (pubsub, channels, liveview) are built on this one."""
