"""Pure rules of members, their households, groups and categories."""
