# The two commands of the README:
#   make run    set up, build the sample graph into ./store, and serve it
#   make test   set up and run every test
.PHONY: setup run build test bench clean

setup:
	./scripts/setup.sh
	.venv/bin/python -m relgraph.sources.langid_model   # unpack the language model once (.cache/)

build: setup
	.venv/bin/relgraph build data/articles
	.venv/bin/relgraph stats

run: build
	.venv/bin/relgraph serve

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python -m bench

clean:
	rm -rf store .pytest_cache
