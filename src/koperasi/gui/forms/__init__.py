"""Python forms generated from ui/*.ui by packaging/generate.py: do not edit."""
