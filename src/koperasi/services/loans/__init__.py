"""Use cases of zero-interest loans from revolving funds."""
