"""Pure rules of the community network: meetings, their attendance and follow-ups."""
