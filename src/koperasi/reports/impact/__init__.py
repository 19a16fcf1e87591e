"""The visit sheet and the funder's impact report (PDF and xlsx)."""
