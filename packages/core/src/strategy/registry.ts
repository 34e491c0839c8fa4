/**
 * The strategy tracker's KPI registry (DESIGN.md capability 8). A KPI is defined once, with its names in the three
 * languages, its unit, which way is better and its formula in words; the formula itself is a pure function in this
 * folder (formulas.ts) and the server measures its inputs. The registry is open: another capability (admissions,
 * workforce demand) defines its own KPIs with `defineKpi` in its own module.
 */

/** How a KPI's value reads: a count, money in tiyn (1 KZT = 100 tiyn), or a share from 0 to 1. */
export const KPI_UNITS = ['count', 'tiyn', 'ratio'] as const;
/** A KPI's unit. */
export type KpiUnit = (typeof KPI_UNITS)[number];

/** Which way is better: more (`increase`) or less (`decrease`). */
export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
/** A KPI's direction. */
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** Text in Kazakh, Russian and English. */
export interface KpiText {
  kk: string;
  ru: string;
  en: string;
}

/** One KPI as the registry knows it. */
export interface KpiDefinition {
  /** Stable id, snake_case: `foreign_branches`. Targets and snapshots refer to it. */
  id: string;
  name: KpiText;
  unit: KpiUnit;
  direction: KpiDirection;
  /** The formula in words, as the report and the dashboard show it. */
  formula: KpiText;
  /**
   * True when the figure sums partners' confidential amounts: an observer sees it only when at least
   * DISCLOSURE_THRESHOLD partners contribute (disclosure.ts).
   */
  confidential: boolean;
  /** The capability whose data feeds it, e.g. `investments`. */
  source: string;
}

const KPI_ID = /^[a-z][a-z0-9_]{1,62}$/;

/** A set of KPI definitions in the order they were defined (the dashboard's order). */
export class KpiRegistry {
  readonly #definitions = new Map<string, KpiDefinition>();

  /**
   * Adds a definition.
   * @throws Error when the id is malformed or already defined (a programming error, not user input)
   */
  define(definition: KpiDefinition): this {
    if (!KPI_ID.test(definition.id)) throw new Error(`KPI id ${definition.id} is not snake_case`);
    if (this.#definitions.has(definition.id)) throw new Error(`KPI ${definition.id} is defined twice`);
    this.#definitions.set(definition.id, definition);
    return this;
  }

  /** The definition of `id`, or undefined. */
  get(id: string): KpiDefinition | undefined {
    return this.#definitions.get(id);
  }

  /** True when `id` is defined. */
  has(id: string): boolean {
    return this.#definitions.has(id);
  }

  /** Every definition, in definition order. */
  list(): KpiDefinition[] {
    return [...this.#definitions.values()];
  }
}
