"""The demo journal: a realistic internship to try the product on, scalable for benchmarks."""
