"""Koperasi Berdaya: the offline desktop program of a cooperative office in Sarolangun."""

__version__ = "0.1.0"
