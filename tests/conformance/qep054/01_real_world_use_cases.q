# QEP-054 block 01, seed line 45: real world use cases
# Today: Complex polling, full page refreshes, manual updates
# Future: Auto-updating components, live data streaming
