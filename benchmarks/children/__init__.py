"""Programs the benchmark runs as child processes, one measurement each."""
