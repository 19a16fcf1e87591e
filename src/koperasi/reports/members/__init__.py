"""Printed papers of members, their households, groups and categories."""
