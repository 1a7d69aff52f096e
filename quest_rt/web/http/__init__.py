"""HTTP: one request through the handling order (pipeline), the request and response
Dicts, static files, and the engine's own route table. Imports only the web settings
and :mod:`quest_rt.common`; never the WebSocket layer."""
