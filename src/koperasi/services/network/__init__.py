"""Use cases of the community network: meetings, attendance, follow-ups and their papers."""
