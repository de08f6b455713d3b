"""counterdesk: offline service-counter software for border service posts."""

__version__ = "0.1.0"
