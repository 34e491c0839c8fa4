import type { ProgrammeAnalysis } from '@kadr/contracts';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/number-format';
import { currentLocale } from '../i18n';

const PARTS = ['knowledge', 'skill', 'competence', 'unmapped'] as const;
/** Colours of the parts (Mantine palette, 6th shade: contrast with white text is not needed, labels sit outside). */
export const PART_COLOR: Record<(typeof PARTS)[number], string> = {
  knowledge: 'var(--mantine-color-blue-6)',
  skill: 'var(--mantine-color-teal-6)',
  competence: 'var(--mantine-color-grape-6)',
  unmapped: 'var(--mantine-color-gray-4)',
};

type Balance = ProgrammeAnalysis['balance'];

function Bar({ label, balance }: { label: string; balance: Balance }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const total = PARTS.reduce((sum, part) => sum + balance.credits[part], 0);
  const described = PARTS.filter((part) => balance.credits[part] > 0)
    .map(
      (part) =>
        `${t(`analysis.parts.${part}`)} ${formatNumber(balance.credits[part], locale, { maximumFractionDigits: 1 })}`,
    )
    .join(', ');
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {described}
        </Text>
      </Group>
      <div className="balance-bar" role="img" aria-label={`${label}: ${described}`}>
        {PARTS.map((part) =>
          balance.credits[part] > 0 ? (
            <div
              key={part}
              style={{ width: `${(balance.credits[part] / total) * 100}%`, background: PART_COLOR[part] }}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}

/** Stacked bars of credits by competency type: the programme, then each study year. */
export function BalanceBars({ balance, years }: { balance: Balance; years: ProgrammeAnalysis['years'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="analysis-balance">
      <Group gap="md">
        {PARTS.map((part) => (
          <Group key={part} gap={4}>
            <span className="legend-swatch" style={{ background: PART_COLOR[part] }} aria-hidden="true" />
            <Text size="xs">{t(`analysis.parts.${part}`)}</Text>
          </Group>
        ))}
      </Group>
      <Bar label={t('analysis.wholeProgramme')} balance={balance} />
      {years.map((year) => (
        <Bar key={year.year} label={t('analysis.year', { year: year.year })} balance={year} />
      ))}
    </Stack>
  );
}
