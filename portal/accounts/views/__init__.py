"""Logging in (with the lockout and the second factor), a new password by mail, and the
signed-in user's own account pages."""
