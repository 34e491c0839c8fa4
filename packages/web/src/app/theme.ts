import { type CSSVariablesResolver, createTheme } from '@mantine/core';

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
});

/** Darker "dimmed" text in the light scheme (gray 7 on white is about 7:1). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: {},
});
