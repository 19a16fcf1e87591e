"""Use cases of members, their households, groups and categories."""
