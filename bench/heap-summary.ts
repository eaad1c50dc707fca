// `npx tsx bench/heap-summary.ts FILE.heapsnapshot [--top N]`: what a V8 heap snapshot (bench/browser.ts
// --heap-snapshot) holds — its objects by constructor (count, own bytes) and the objects that
// retain the most (each with what would be freed without it: the dominator tree, weak edges left
// out), with the path that holds them, as DevTools' summary and retainers views give them.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' }, json: { type: 'boolean' }, children: { type: 'string' }, 'classes-under': { type: 'string' } } });
const top = Number(values.top ?? 25);
const snap = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Snapshot;
const { meta } = snap.snapshot;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nType = meta.node_fields.indexOf('type');
const nName = meta.node_fields.indexOf('name');
const nSize = meta.node_fields.indexOf('self_size');
const nEdges = meta.node_fields.indexOf('edge_count');
const eType = meta.edge_fields.indexOf('type');
const eName = meta.edge_fields.indexOf('name_or_index');
const eTo = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const N = snap.nodes.length / NF;
const { nodes, edges, strings } = snap;

const typeOf = (i: number) => nodeTypes[nodes[i * NF + nType]!]!;
const nameOf = (i: number) => strings[nodes[i * NF + nName]!]!;
const sizeOf = (i: number) => nodes[i * NF + nSize]!;
/** What DevTools' summary groups a node under. */
const classOf = (i: number) => {
  const t = typeOf(i);
  if (t === 'object' || t === 'native') return nameOf(i);
  if (t === 'closure') return 'Function';
  return `(${t})`;
};

// Each node's first edge.
const firstEdge = new Uint32Array(N + 1);
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + nEdges]! * EF;
}
firstEdge[N] = edges.length;
const weak = edgeTypes.indexOf('weak');
const edgeName = (e: number) => {
  const t = edgeTypes[edges[e + eType]!];
  const v = edges[e + eName]!;
  return t === 'element' || t === 'hidden' ? `[${v}]` : strings[v]!;
};

// Depth-first postorder from the root (node 0), strong edges only.
const order = new Int32Array(N).fill(-1); // postorder number
const post: number[] = [];
{
  const stack: number[] = [0];
  const cursor = new Uint32Array(N);
  const seen = new Uint8Array(N);
  seen[0] = 1;
  for (let i = 0; i < N; i++) cursor[i] = firstEdge[i]!;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    let pushed = false;
    while (cursor[v]! < firstEdge[v + 1]!) {
      const e = cursor[v]!;
      cursor[v] = e + EF;
      if (edges[e + eType] === weak) continue;
      const w = edges[e + eTo]! / NF;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
}

// Predecessors (strong edges between reachable nodes).
const predCount = new Uint32Array(N + 1);
for (let v = 0; v < N; v++) {
  if (order[v]! < 0) continue;
  for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (edges[e + eType] !== weak && order[edges[e + eTo]! / NF]! >= 0) predCount[edges[e + eTo]! / NF + 1]!++;
}
for (let i = 1; i <= N; i++) predCount[i]! += predCount[i - 1]!;
const preds = new Uint32Array(predCount[N]!);
{
  const at = predCount.slice(0, N);
  for (let v = 0; v < N; v++) {
    if (order[v]! < 0) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) {
      const w = edges[e + eTo]! / NF;
      if (edges[e + eType] !== weak && order[w]! >= 0) preds[at[w]!++] = v;
    }
  }
}

// Immediate dominators (Cooper, Harvey and Kennedy's iteration over reverse postorder).
const idom = new Int32Array(N).fill(-1);
idom[0] = 0;
const intersect = (a: number, b: number) => {
  while (a !== b) {
    while (order[a]! < order[b]!) a = idom[a]!;
    while (order[b]! < order[a]!) b = idom[b]!;
  }
  return a;
};
for (let changed = true; changed; ) {
  changed = false;
  for (let k = post.length - 2; k >= 0; k--) {
    const v = post[k]!;
    let d = -1;
    for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
      const u = preds[p]!;
      if (idom[u]! < 0) continue;
      d = d < 0 ? u : intersect(u, d);
    }
    if (d >= 0 && idom[v] !== d) {
      idom[v] = d;
      changed = true;
    }
  }
}

// Retained sizes: each node's own plus what it dominates (children before parents in postorder).
const retained = new Float64Array(N);
// And the objects each holds (the collector's marking goes object by object; a typed array's bytes
// are one object of the browser's).
const held = new Uint32Array(N);
for (const v of post) {
  retained[v]! += sizeOf(v);
  held[v]! += 1;
}
for (const v of post) {
  if (v === 0) continue;
  retained[idom[v]!]! += retained[v]!;
  held[idom[v]!]! += held[v]!;
}

const total = post.reduce((s, v) => s + sizeOf(v), 0);
const byClass = new Map<string, { count: number; self: number }>();
for (const v of post) {
  const c = classOf(v);
  const g = byClass.get(c) ?? { count: 0, self: 0 };
  g.count++;
  g.self += sizeOf(v);
  byClass.set(c, g);
}

/** How a node is held: the edge from its dominator that reaches it, if any, else the first strong one. */
function heldBy(v: number): string {
  const d = idom[v]!;
  for (let e = firstEdge[d]!; e < firstEdge[d + 1]!; e += EF) if (edges[e + eTo]! / NF === v) return `${classOf(d)}.${edgeName(e)}`;
  // No edge from its dominator: named by a direct holder (one of several).
  for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
    const u = preds[p]!;
    for (let e = firstEdge[u]!; e < firstEdge[u + 1]!; e += EF) if (edges[e + eTo]! / NF === v) return `${classOf(u)}.${edgeName(e)} (of ${predCount[v + 1]! - predCount[v]!})`;
  }
  return `${classOf(d)} (indirectly)`;
}
const path = (v: number) => {
  const out: string[] = [];
  for (let x = v, k = 0; x !== 0 && k < 6; x = idom[x]!, k++) out.push(heldBy(x));
  return out.join(' ← ');
};

// The biggest retainers that are not a root's bookkeeping: the nodes whose retained size is the
// most, leaving out those a bigger one listed already dominates (so each bytes are named once).
const ranked = post.filter((v) => v !== 0 && !typeOf(v).startsWith('synthetic')).sort((a, b) => retained[b]! - retained[a]!);
const listed: number[] = [];
const isUnder = (v: number, u: number) => {
  for (let x = v; x !== 0; x = idom[x]!) if (x === u) return true;
  return false;
};
for (const v of ranked) {
  if (listed.length >= top) break;
  if (retained[v]! < 64 * 1024) break;
  // A node under one listed is shown only if it holds most of it (a Map's table under the Map is not).
  if (listed.some((u) => isUnder(v, u) && retained[v]! > 0.8 * retained[u]!)) continue;
  listed.push(v);
}

const mb = (x: number) => Math.round((x / 1024 / 1024) * 100) / 100;
const summary = {
  file: positionals[0],
  liveMB: mb(total),
  objects: post.length,
  byClass: [...byClass].sort((a, b) => b[1].self - a[1].self).slice(0, top).map(([c, g]) => ({ class: c, count: g.count, selfMB: mb(g.self) })),
  retainers: listed.map((v) => ({ class: classOf(v), name: typeOf(v) === 'string' ? nameOf(v).slice(0, 40) : undefined, retainedMB: mb(retained[v]!), objects: held[v]!, selfKB: Math.round(sizeOf(v) / 102.4) / 10, path: path(v) })),
};
if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
else {
  process.stdout.write(`${summary.file}: ${summary.liveMB} MB live, ${summary.objects} objects\n\nby constructor (count, own MB):\n`);
  for (const c of summary.byClass) process.stdout.write(`  ${c.class.slice(0, 50).padEnd(50)} ${String(c.count).padStart(8)} ${c.selfMB.toFixed(2).padStart(8)}\n`);
  process.stdout.write('\nretaining the most (retained MB, objects, held by):\n');
  for (const r of summary.retainers) process.stdout.write(`  ${r.retainedMB.toFixed(2).padStart(7)} ${String(r.objects).padStart(7)}  ${r.class}${r.name ? ` "${r.name}"` : ''}  ← ${r.path}\n`);
}

// --children: under each of the first retainers, what it dominates directly, by objects held.
if (values.children) {
  const kids = new Map<number, number[]>();
  for (const v of post) if (v !== 0) (kids.get(idom[v]!) ?? kids.set(idom[v]!, []).get(idom[v]!)!).push(v);
  for (const u of listed.slice(0, Number(values.children))) {
    process.stdout.write(`\nunder ${classOf(u)} (${held[u]} objects):\n`);
    for (const v of (kids.get(u) ?? []).sort((a, b) => held[b]! - held[a]!).slice(0, 15)) process.stdout.write(`  ${String(held[v]).padStart(7)} ${mb(retained[v]!).toFixed(2).padStart(7)} MB  ${heldBy(v)}\n`);
  }
}

// --classes-under: what the first retainers hold, by constructor (own MB, objects).
if (values['classes-under']) {
  for (const u of listed.slice(0, Number(values['classes-under']))) {
    const g = new Map<string, { count: number; self: number }>();
    for (const v of post) {
      if (v === u || !isUnder(v, u)) continue;
      const c = classOf(v);
      const e = g.get(c) ?? { count: 0, self: 0 };
      e.count++;
      e.self += sizeOf(v);
      g.set(c, e);
    }
    process.stdout.write(`\nheld by ${classOf(u)} (${held[u]} objects), by constructor:\n`);
    for (const [c, e] of [...g].sort((a, b) => b[1].self - a[1].self).slice(0, 12)) process.stdout.write(`  ${c.slice(0, 50).padEnd(50)} ${String(e.count).padStart(7)} ${mb(e.self).toFixed(2).padStart(7)}\n`);
  }
}
