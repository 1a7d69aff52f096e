# QEP-054 block 02, seed line 51: real world use cases
# Today: Long polling, WebSocket from scratch, manual DOM updates
# Future: Built-in broadcast, automatic UI sync
