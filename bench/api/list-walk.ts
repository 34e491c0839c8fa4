// `npm run bench:api:walk`: the time a list call spends finding its prepared statement's shape (list-shapes.ts
// `walk` over the count column, the filters and the order terms, then the key) for the organisation list's first
// page, without a filter and with one. Prints min and median ns a call of 7 passes of 100,000 calls. To compare
// two versions of list-shapes.ts, copy this file into the other checkout's bench/api and run it there too (it
// uses nothing the twelfth round of docs/api-performance.md added).
import { sql } from 'drizzle-orm';
import { type Bindings, walk } from '../../packages/db/src/repositories/list-shapes.ts';
import { ascending, equalTo } from '../../packages/db/src/repositories/list.ts';
import { organisations as o } from '../../packages/db/src/schema/index.ts';

/** As list.ts's count column, a module constant. */
const COUNT = sql<number>`count(*) over ()`.mapWith(Number);
const CALLS = 100_000;

/** The organisation list's call (organisations.repository.ts): its count, three filters, its fallback order. */
function call(kind: 'company' | undefined): string {
  const into: Bindings = { shape: ['organisations'], values: [] };
  walk(COUNT, into, false);
  for (const filter of [equalTo(o.kind, kind), undefined, undefined]) walk(filter, into, false);
  for (const term of [ascending(o.shortName), ascending(o.id)]) walk(term, into, false);
  return into.shape.join('\u0001');
}

for (const kind of [undefined, 'company'] as const) {
  const passes: number[] = [];
  for (let pass = 0; pass < 7; pass++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) call(kind);
    passes.push(Number(process.hrtime.bigint() - start) / CALLS);
  }
  passes.sort((a, b) => a - b);
  const label = kind ? 'kind=company' : 'no filter';
  console.log(`${label.padEnd(14)} ns a call: min ${passes[0]!.toFixed(0)}, median ${passes[3]!.toFixed(0)}`);
}
