"""Operations a user performs; each opens a transaction, calls store + domain, returns what changed.

The UI and the CLI call these, never the store directly.
"""
