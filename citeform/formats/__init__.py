"""Built-in formats, one module each; every module exposes ``FORMATS``."""
