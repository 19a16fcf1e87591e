"""The district (kabupaten) consolidation: offices send signed packets, the district adds them up."""
