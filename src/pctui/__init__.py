"""pctui: review and publish public-consultation responses from the terminal."""

__version__ = "0.1.0"
