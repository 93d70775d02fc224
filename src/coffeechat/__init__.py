"""coffeechat: informational interviews, end to end."""

__version__ = "0.1.0"
