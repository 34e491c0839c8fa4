// The matrix's body as one HTML string (competency-matrix.tsx): 4,800 cells parsed at once, not made by React.

/** A cell's class by level (0 is blank): shades 1-5 in analysis.css, one string per cell instead of a style. */
const LEVEL_CLASS: readonly string[] = ['', 'level-1', 'level-2', 'level-3', 'level-4', 'level-5'];

const ESCAPED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** `text` safe inside an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPED[c] ?? c);
}

/**
 * The matrix's body as HTML: one row per discipline or practice, a header cell naming it, then a cell per
 * competency with its level (blank for 0) and the level's class. Texts are escaped; a level is written only when it
 * is an integer 1-5.
 * @example matrixBodyHtml([{ label: 'D1 <b>' }], [[0, 3]]) // '<tr><th scope="row">D1 &lt;b&gt;</th><td></td><td class="level-3">3</td></tr>'
 */
export function matrixBodyHtml(
  rows: readonly { label: string }[],
  cells: readonly (readonly number[])[],
): string {
  let html = '';
  for (let r = 0; r < rows.length; r++) {
    html += `<tr><th scope="row">${escapeHtml(rows[r]!.label)}</th>`;
    for (const level of cells[r] ?? []) {
      const shade = Number.isInteger(level) ? LEVEL_CLASS[level] : undefined;
      html += shade ? `<td class="${shade}">${level}</td>` : '<td></td>';
    }
    html += '</tr>';
  }
  return html;
}
