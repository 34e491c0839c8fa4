import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconJson } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The icon and colour that tell a download's format at a glance. */
const FORMATS = {
  pdf: { icon: IconFileTypePdf, color: undefined },
  xlsx: { icon: IconFileSpreadsheet, color: 'green' },
  json: { icon: IconJson, color: 'teal' },
} as const;

/** Props of {@link DownloadButton}. */
export interface DownloadButtonProps {
  /** The file's address (with `?lang=` where the file is written in the interface language). */
  href: string;
  testId: string;
  /** Shows the format's icon and colour; a plain light button without it. */
  format?: keyof typeof FORMATS;
  children: ReactNode;
}

/**
 * A link that downloads a report or an export, drawn as a light button.
 * @example <DownloadButton href={`${base}.pdf?lang=${locale}`} format="pdf" testId="impact-pdf">{t('impact.downloadPdf')}</DownloadButton>
 */
export function DownloadButton({ href, testId, format, children }: DownloadButtonProps) {
  const shown = format ? FORMATS[format] : undefined;
  const Icon = shown?.icon;
  return (
    <Button
      component="a"
      href={href}
      download
      variant="light"
      color={shown?.color}
      leftSection={Icon ? <Icon size={16} aria-hidden="true" /> : undefined}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
