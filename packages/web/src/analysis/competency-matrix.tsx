import type { ProgrammeAnalysis } from '@kadr/contracts';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';
import { matrixBodyHtml } from './matrix-html';

/**
 * The discipline × competency matrix as one plain table. Its body (60 × 80 cells in bench:matrix) is written as
 * one HTML string rather than a React element per cell: the browser's parser builds the 4,800 cells in a fraction
 * of the time React takes to create and commit them (docs/passport.md). Memoised: it renders again only for new
 * data or another language. Columns of promised competencies that are gaps carry a mark; each header names the
 * competency in its title.
 */
export const CompetencyMatrix = memo(function CompetencyMatrix({
  analysis,
}: {
  analysis: ProgrammeAnalysis;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const gapIds = new Set(analysis.gaps.map((g) => g.competency.id));
  const body = useMemo(
    () =>
      matrixBodyHtml(
        analysis.rows.map((row) => ({
          label: row.discipline
            ? `${row.discipline.semester} · ${row.discipline.code} ${localized(row.discipline.name, locale)}`
            : t(`analysis.practice.${row.practiceType}`),
        })),
        analysis.cells,
      ),
    [analysis, locale, t],
  );
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
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: every text in it is escaped (matrixBodyHtml) */}
        <tbody dangerouslySetInnerHTML={{ __html: body }} />
      </table>
    </section>
  );
});
