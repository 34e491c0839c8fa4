import type { ProgrammeAnalysis } from '@kadr/contracts';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';

/** Cell shades of levels 1-5 (0 is blank): light to dark blue, dark ones with white text. */
const SHADES = ['', '#dbe9fb', '#a5c8f3', '#5a9be6', '#1f6fd1', '#0b4a9b'];

/**
 * The discipline × competency matrix as one plain table (60 × 80 cells paint at once: no component per cell).
 * Columns of promised competencies that are gaps carry a mark; each header names the competency in its title.
 */
export function CompetencyMatrix({ analysis }: { analysis: ProgrammeAnalysis }) {
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
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
                  key={c}
                  style={
                    level ? { background: SHADES[level], color: level >= 4 ? '#fff' : undefined } : undefined
                  }
                >
                  {level || ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
