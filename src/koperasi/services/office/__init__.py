"""Use cases of the office itself: profile, users and logins, settings, regions, audit, numbering, backups, health."""
