"""Demonstration data for a Sarolangun office (koperasi demo): training, screenshots, benchmarks."""
