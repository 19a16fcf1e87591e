"""Papers of the community network: the blank daftar hadir and the notulen of a meeting."""
