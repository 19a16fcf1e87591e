"""Pelatihan: programmes, batches with their sessions and participants, attendance, certificates, reports."""
