"""Printed papers of training programmes, batches, attendance and certificates."""
