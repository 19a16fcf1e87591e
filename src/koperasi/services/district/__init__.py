"""The district (kabupaten) consolidation: packets from offices, the consolidated view."""
