import type { ProgrammeAnalysis } from '@kadr/contracts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';

/** A cell's class by level (0 is blank): shades 1-5 in analysis.css, one string per cell instead of a style. */
const LEVEL_CLASS = ['', 'level-1', 'level-2', 'level-3', 'level-4', 'level-5'];

/**
 * The discipline × competency matrix as one plain table (60 × 80 cells paint at once: no component per cell, a
 * class per cell rather than a style object; bench:matrix measures it). Memoised: it renders again only for new data.
 * Columns of promised competencies that are gaps carry a mark; each header names the competency in its title.
 */
export const CompetencyMatrix = memo(function CompetencyMatrix({
  analysis,
}: {
  analysis: ProgrammeAnalysis;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const gapIds = new Set(analysis.gaps.map((g) => g.competency.id));
  return (
    // A scrolling region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section className="matrix-scroll" tabIndex={0} aria-label={t('analysis.matrix')}>
      <table className="competency-matrix" data-testid="analysis-matrix">
        <thead>
          <tr>
            <th scope="col">{t('analysis.discipline')}</th>
            {analysis.columns.map((c) => (
              <th
                key={c.competency.id}
                scope="col"
                title={`${c.competency.code} ${localized(c.competency.name, locale)}`}
                className={gapIds.has(c.competency.id) ? 'gap' : undefined}
              >
                <span>{c.competency.code}</span>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('analysis.promised')}</th>
            {analysis.columns.map((c) => (
              <td key={c.competency.id} className={gapIds.has(c.competency.id) ? 'gap' : undefined}>
                {c.targetLevel ?? ''}
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {analysis.rows.map((row, r) => (
            <tr key={row.discipline ? `d${row.discipline.id}` : `p${row.practiceType}`}>
              <th scope="row">
                {row.discipline
                  ? `${row.discipline.semester} · ${row.discipline.code} ${localized(row.discipline.name, locale)}`
                  : t(`analysis.practice.${row.practiceType}`)}
              </th>
              {analysis.cells[r]!.map((level, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
                <td key={c} className={LEVEL_CLASS[level] || undefined}>
                  {level || null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
