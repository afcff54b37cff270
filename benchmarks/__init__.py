"""Benchmarks for national-scale consultations (issue 6): a generator and one runner."""
