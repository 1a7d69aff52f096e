# QEP-054 block 04, seed line 63: real world use cases
# Today: AJAX requests, manual error display
# Future: Server-validated input, instant feedback
