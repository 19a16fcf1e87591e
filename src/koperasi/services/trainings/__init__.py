"""Use cases of training programmes, batches, attendance and certificates."""
