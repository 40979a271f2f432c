#!/usr/bin/env python3
"""Writes a large, valid Plumbline model (../shared/contracts/model-format.md) for benchmarks.

    generate_model.py ELEMENTS OUT.json [--seed N]

ELEMENTS elements in ELEMENTS/50 contexts, twice as many flows (most of them into data-holding
elements, so that the analysis and the rules have work to do), a waiver per 100 elements, a
layout box per element and a few unknown fields (kept on round trips, so they must cost
nothing extra). The same arguments always give the same bytes: the numbers of a run can be
compared with those of another.
"""
import argparse
import json
import random

KINDS = [("service", 30), ("function", 8), ("store", 25), ("cache", 10), ("stream", 6),
         ("queue", 5), ("pooler", 4), ("actor", 6), ("external", 6)]
DATA_KINDS = {"store", "cache", "stream", "queue"}
TECHNOLOGIES = {
    "store": ["postgresql", "mysql", "sqlite", "mongodb", "cassandra", "dynamodb", "neo4j",
              "timescaledb", "pgvector", "elasticsearch", "duckdb", "Postgres", "libsql"],
    "cache": ["redis", "valkey", "memcached"],
    "stream": ["kafka"],
    "queue": ["kafka", "redis"],
    "pooler": ["pgbouncer", "pgpool-ii"],
}
STRUCTURES = ["relational", "document", "key-value", "graph", "time-series", "vector",
              "wide-column", "search", "blob"]
QUERIES = ["key", "range", "join", "relationship", "full-text", "vector", "aggregate",
           "time-window"]
HOSTING = ["server", "managed", "serverless", "edge"]
STYLES = ["sync", "async", "replication", "cdc", "batch"]
RULES = ["sqlite-write-concurrency", "premature-polyglot", "serverless-without-pooler",
         "estimates-missing"]


def pick_kind(rng):
    roll = rng.randrange(sum(w for _, w in KINDS))
    for kind, weight in KINDS:
        if roll < weight:
            return kind
        roll -= weight
    return KINDS[-1][0]


def data_profile(rng, kind):
    d = {"volumeGB": rng.randrange(1, 3000), "growthGBPerMonth": round(rng.random() * 40, 2),
         "recordKB": rng.randrange(1, 64), "maxRecordKB": rng.randrange(64, 20000),
         "structure": rng.choice(STRUCTURES),
         "consistency": rng.choice(["strong", "eventual"]),
         "durability": rng.choice(["critical", "normal", "ephemeral"]),
         "queries": sorted(rng.sample(QUERIES, rng.randrange(1, 4))),
         "hosting": rng.choice(HOSTING)}
    if rng.random() < 0.3:
        d["replicas"] = rng.randrange(0, 4)
    if rng.random() < 0.1:
        d["tenants"] = rng.randrange(1, 500)
    if kind == "cache":
        d.pop("consistency")
    return d


def element(rng, i, contexts):
    kind = pick_kind(rng)
    e = {"id": f"el-{i}", "name": f"Element number {i}", "kind": kind}
    if contexts and kind not in ("actor", "external"):
        e["context"] = f"ctx-{i % contexts}"
    if kind in TECHNOLOGIES:
        e["technology"] = rng.choice(TECHNOLOGIES[kind])
    e["description"] = ("A generated element that stands in for a real service or store; "
                        "the text pads the file to the size of a hand-written model.")
    if rng.random() < 0.2:
        e["tags"] = rng.sample(["pii", "tier-1", "legacy", "batch", "edge"], 2)
    if kind in ("service", "function", "pooler"):
        e["instances"] = rng.randrange(1, 40)
        e["connectionsPerInstance"] = rng.randrange(1, 20)
    if kind == "cache":
        e["cachePolicy"] = rng.choice(["read-aside", "write-through", "write-behind"])
        e["ttlSeconds"] = rng.randrange(30, 86400)
    if kind in ("stream", "queue"):
        e["partitions"] = rng.randrange(1, 64)
        e["replicationFactor"] = rng.randrange(1, 4)
        e["retentionDays"] = rng.randrange(1, 30)
        e["keyed"] = rng.random() < 0.5
    if kind in DATA_KINDS:
        e["data"] = data_profile(rng, kind)
    if rng.random() < 0.05:
        e["x-owner"] = {"team": f"team-{i % 17}", "oncall": True}  # an unknown field
    return e


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("elements", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.elements
    contexts = max(1, n // 50)

    model = {"format": "plumbline-model", "version": 1,
             "name": f"Generated model, {n} elements",
             "description": "tests/bench/generate_model.py", "x-generator": {"seed": args.seed}}
    model["contexts"] = [{"id": f"ctx-{c}", "name": f"Context {c}",
                          "description": "a generated bounded context", "team": f"team-{c % 23}"}
                         for c in range(contexts)]
    elements = [element(rng, i, contexts) for i in range(n)]
    model["elements"] = elements
    targets = [e["id"] for e in elements if e["kind"] in DATA_KINDS] or [elements[0]["id"]]
    sources = [e["id"] for e in elements if e["kind"] not in DATA_KINDS] or [elements[0]["id"]]
    flows = []
    for i in range(2 * n):
        into_data = rng.random() < 0.8
        f = {"id": f"flow-{i}", "from": rng.choice(sources),
             "to": rng.choice(targets) if into_data else rng.choice(sources),
             "style": rng.choice(STYLES)}
        if rng.random() < 0.9:
            f["readsPerSecond"] = rng.randrange(0, 5000)
        if rng.random() < 0.9:
            f["writesPerSecond"] = rng.randrange(0, 2000)
        f["payloadKB"] = rng.randrange(1, 16)
        if rng.random() < 0.5:
            f["peakFactor"] = rng.randrange(1, 5)
        f["description"] = "generated flow"
        flows.append(f)
    model["flows"] = flows
    model["waivers"] = [{"rule": rng.choice(RULES), "element": rng.choice(elements)["id"],
                         "reason": "accepted for the benchmark", "author": "bench",
                         "date": "2026-11-20", "expires": "2099-12-31"}
                        for _ in range(max(1, n // 100))]
    model["ruleSettings"] = {"premature-polyglot": "info"}
    model["layout"] = {e["id"]: {"x": (i % 100) * 200, "y": (i // 100) * 120, "width": 160,
                                 "height": 80} for i, e in enumerate(elements)}
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(model, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
