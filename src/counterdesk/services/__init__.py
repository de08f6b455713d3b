"""Use cases that combine the domain, the store and (later) printing and sync."""
