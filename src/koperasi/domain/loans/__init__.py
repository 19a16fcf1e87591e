"""Pure rules of zero-interest loans from revolving funds."""
