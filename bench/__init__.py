"""relgraph's benchmark suite: `python -m bench` (or `make bench`) runs every benchmark.

Benchmarks (one module each): extraction, load, query, http, dumps, incremental. Data comes from
two deterministic generators: `bench.corpus` (realistic diplomacy news articles) and `bench.synth`
(a synthetic graph with the mapping's ontology and provenance shape, streamed as N-Quads).
Generated data and results go to `bench/out/` (git-ignored). Results are summarised by hand in
`bench/README.md` together with the machine and versions.
"""
