"""The SHU papers: the per-member list (PDF, xlsx) with the basis of each part."""
