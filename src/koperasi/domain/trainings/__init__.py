"""Pure rules of training programmes, batches, attendance and certificates."""
