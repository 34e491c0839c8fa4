import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  type MantineTheme,
  type MantineThemeOverride,
  Notification,
  TableScrollContainer,
} from '@mantine/core';

/**
 * Kadr's Mantine theme. Primary shade 8 and darker dimmed text keep text contrast at WCAG AA
 * (4.5:1) on white; the default shade 6 and gray 6 fall short.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, system-ui, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // A table wider than its place shows its scrollbar, not only under the pointer: with Mantine's default
    // ('hover') the programmes list at 1400 px looked cut at its last column, with nothing telling that it scrolls.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { type: 'auto' } },
    }),
  },
});

/**
 * The theme addition under the notifications: every notification's close button is named (`closeLabel`, already
 * translated), so that screen readers announce it and axe accepts it.
 */
export function notificationTheme(closeLabel: string): MantineThemeOverride {
  return {
    components: {
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel, title: closeLabel } },
      }),
    },
  };
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Target ratio: AA for normal text (4.5) with a little room for anti-aliasing. */
const TEXT_CONTRAST = 4.6;

const toHex = (rgb: string) => {
  // Mantine's darken answers `rgba(r, g, b, a)`.
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
};

/**
 * `color` darkened in small steps until it reaches AA contrast on `background` (unchanged when it
 * already does).
 */
export function readableOn(color: string, background: string): string {
  let result = color;
  for (let amount = 0.05; contrastRatio(result, background) < TEXT_CONTRAST && amount < 1; amount += 0.05) {
    result = toHex(darken(color, amount));
  }
  return result;
}

/**
 * Text colours of the light scheme that stay readable: the "light" variant (badges, the active
 * navigation entry, light buttons) prints shade 9 on shade 1 and, under the pointer, shade 2, which
 * is under 4.5:1 for blue, green, teal and others; "filled" prints white on the primary shade, and
 * "outline" and text print that shade on white. Each is darkened only as far as AA needs.
 */
export function readableColorVariables(t: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  const shade = typeof t.primaryShade === 'number' ? t.primaryShade : t.primaryShade.light;
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
    const onWhite = readableOn(shades[shade], '#ffffff');
    if (onWhite !== shades[shade]) {
      variables[`--mantine-color-${name}-filled`] = onWhite;
      variables[`--mantine-color-${name}-outline`] = onWhite;
      variables[`--mantine-color-${name}-text`] = onWhite;
    }
  }
  return variables;
}

/** Darker "dimmed" text in the light scheme (gray 7 on white is about 7:1), a readable error red and variant colours. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    // A field's error text and its invalid value (red 6 on white is 3.3:1).
    '--mantine-color-error': readableOn(t.colors.red[6] ?? '#fa5252', '#ffffff'),
    ...readableColorVariables(t),
  },
  dark: {},
});
