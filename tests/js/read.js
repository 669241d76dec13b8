// Reads a GraphML or GEXF file with graphology's parsers (the ones Gephi Lite uses) and prints
// what they saw as JSON, so tests/test_readers.py can compare it with networkx and igraph.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');

const path = process.argv[2];
const text = fs.readFileSync(path, 'utf8');
const parser = path.endsWith('.gexf') ? gexf : graphml;
const graph = parser.parse(Graph, text);
const nodes = {};
graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
const edges = [];
graph.forEachEdge((key, attributes, source, target) => { edges.push({key, source, target, attributes}); });
process.stdout.write(JSON.stringify({type: graph.type, multi: graph.multi, order: graph.order, size: graph.size, nodes, edges}));
