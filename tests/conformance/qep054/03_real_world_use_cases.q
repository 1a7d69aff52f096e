# QEP-054 block 03, seed line 57: real world use cases
# Today: Complex conflict resolution, manual syncing
# Future: Automatic state distribution, built-in presence
