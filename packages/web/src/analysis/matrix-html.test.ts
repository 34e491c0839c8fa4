import { describe, expect, it } from 'vitest';
import { escapeHtml, matrixBodyHtml } from './matrix-html';

describe("the matrix's body", () => {
  it('is a row per discipline with its name escaped and a cell per competency, a level 1-5 shaded and 0 blank', () => {
    expect(
      matrixBodyHtml(
        [{ label: '1 · D1 Ст<ал>ь & "Co"' }, { label: 'Practice' }],
        [
          [0, 3, 5],
          [1, 0, 0],
        ],
      ),
    ).toBe(
      '<tr><th scope="row">1 · D1 Ст&lt;ал&gt;ь &amp; &quot;Co&quot;</th><td></td><td class="level-3">3</td><td class="level-5">5</td></tr>' +
        '<tr><th scope="row">Practice</th><td class="level-1">1</td><td></td><td></td></tr>',
    );
  });

  it('writes nothing but a blank cell for a value that is not a level', () => {
    expect(matrixBodyHtml([{ label: 'x' }], [[6, -1, 2.5, Number.NaN]])).toBe(
      '<tr><th scope="row">x</th><td></td><td></td><td></td><td></td></tr>',
    );
  });

  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<img src=x onerror='alert(1)'>&"`)).toBe(
      '&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;&quot;',
    );
  });
});
