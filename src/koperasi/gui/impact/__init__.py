"""The Dampak tab: visits due, visit entry, household history, indicators and the funder's report."""
