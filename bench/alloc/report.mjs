// Targets of shared/BENCHMARKS.md and the result table of the allocation benchmark.

/** Per instance family (n x k, with or without ties): the limits that apply. */
const TARGETS = {
  '1000000x10': { wholeRatio: 1.5, solveRatio: 1.3, bytesPerApplication: 32 },
  '1000000x20': { wholeRatio: 1.5 },
  '100000x10': { buildSolveMs: 150 },
  '10000x10': { buildSolveMs: 20 },
};

/**
 * Checks one instance's medians against its targets.
 * @returns {{ checks: string[], met: boolean }}
 */
export function judgeInstance(instance, ours, c) {
  const target = TARGETS[`${instance.n}x${instance.k}`] ?? {};
  const checks = [];
  let met = true;
  const check = (label, value, limit, unit = '') => {
    const ok = value !== undefined && value <= limit;
    met &&= ok;
    checks.push(
      `${label} ${value === undefined ? 'n/a' : value.toFixed(2)}${unit}<=${limit}${unit} ${ok ? 'met' : 'MISSED'}`,
    );
  };
  if (target.wholeRatio) check('whole', ours.wallMs / c.wallMs, target.wholeRatio, 'x');
  if (target.solveRatio) check('solve', ours.solveMs / c.solveMs, target.solveRatio, 'x');
  if (target.bytesPerApplication)
    check('mem', bytesPerApplication(ours, instance), target.bytesPerApplication, 'B');
  if (target.buildSolveMs) check('build+solve', ours.buildSolveMs, target.buildSolveMs, 'ms');
  return { checks, met };
}

function bytesPerApplication(summary, instance) {
  return summary.rssBytes === undefined ? undefined : summary.rssBytes / instance.e;
}

const fixed = (value, digits) => (value === undefined ? 'n/a' : value.toFixed(digits));
const pair = (ours, c, digits) => `${fixed(ours, digits)} / ${fixed(c, digits)}`;

/**
 * The markdown table: one row per instance, "ours / C" in each timing cell, medians of the runs.
 * @param {{ instance: object, ours: object, c: object, identical: boolean, blocking: string, verdict: object }[]} rows
 */
export function formatTable(rows) {
  const lines = [
    '| instance | E | parse ms | build ms | solve ms | solve vs C | build+solve ms | whole process s | whole vs C | bytes/application | identical to C | blocking pairs | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const { instance, ours, c, identical, blocking, verdict } of rows) {
    lines.push(
      [
        '',
        instance.name,
        instance.e.toLocaleString('en'),
        pair(ours.parseMs, c.parseMs, 1),
        pair(ours.buildMs, c.buildMs, 1),
        pair(ours.solveMs, c.solveMs, 1),
        `${fixed(ours.solveMs / c.solveMs, 2)}x`,
        pair(ours.buildSolveMs, c.buildSolveMs, 1),
        pair(ours.wallMs / 1000, c.wallMs / 1000, 2),
        `${fixed(ours.wallMs / c.wallMs, 2)}x`,
        pair(bytesPerApplication(ours, instance), bytesPerApplication(c, instance), 1),
        identical ? 'yes' : 'NO',
        blocking,
        verdict.checks.length === 0 ? '(no target)' : verdict.checks.join('; '),
        '',
      ]
        .join(' | ')
        .trim(),
    );
  }
  return lines.join('\n');
}
