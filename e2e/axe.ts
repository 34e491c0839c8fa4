/**
 * Accessibility checks with axe-core: its source is injected into the page under test (the browser
 * context bypasses the Content-Security-Policy for this, in the journeys only) and every serious or
 * critical finding fails the step, printed with the nodes it found.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, trimmed to what a person needs to fix it. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** How many pages were checked and what was found, for the closing summary. */
const tally = { pages: 0, serious: 0, critical: 0 };

/** The pages checked so far and the serious and critical findings (counted per node). */
export function axeTally() {
  return { ...tally };
}

/**
 * Runs axe on the page as it is now (WCAG 2.1 A and AA rules plus axe's best practices) and returns
 * the serious and critical findings.
 */
export async function seriousFindings(page: Page): Promise<AxeFinding[]> {
  // A drawer or modal fading in blends the page behind it with a half-opaque overlay: axe would measure colours that
  // no reader sees once it has opened. Wait for the finite animations and transitions to end (spinners run forever).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    null,
    { timeout: 10_000 },
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: (n.failureSummary ?? '').split('\n').slice(0, 2).join(' '),
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Fails unless axe finds nothing serious or critical on the page; prints every finding either way.
 * @example await expectAccessible(page, 'admin: users');
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const findings = await seriousFindings(page);
  tally.pages += 1;
  for (const finding of findings) {
    if (finding.impact === 'critical') tally.critical += finding.nodes.length;
    else tally.serious += finding.nodes.length;
    console.log(`  axe ${label}: ${finding.impact} ${finding.id} (${finding.nodes.length}): ${finding.help}`);
    for (const node of finding.nodes.slice(0, 5)) console.log(`    ${node.target} — ${node.summary}`);
  }
  if (findings.length > 0) {
    const count = findings.reduce((n, f) => n + f.nodes.length, 0);
    throw new Error(`${count} serious/critical axe findings: ${findings.map((f) => f.id).join(', ')}`);
  }
}
