"""Members' savings (simpanan pokok, wajib, sukarela): pure rules."""
