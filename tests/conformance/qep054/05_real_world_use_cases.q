# QEP-054 block 05, seed line 69: real world use cases
# Today: Page refreshes, manual polling
# Future: Push updates, automatic rendering
