"""Printed papers of zero-interest loans from revolving funds."""
