import type { DemandPlan } from '@kadr/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useDemandPlan, useDemandPlans } from '../api/demand';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { lazyDialog } from '../components/lazy-dialog';
import { formatDateTime } from '../components/format';
import { formatNumber } from '../components/number-format';
import { currentLocale, localized } from '../i18n';

// The declaration dialog, with zod and the contracts' schemas, loads when it first opens (ADR 0019).
const DeclareModal = lazyDialog(() => import('./declare-modal').then((m) => m.DeclareModal));

/** One plan version with its lines and competencies. */
function PlanDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const plan = useDemandPlan(id);
  const p = plan.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('demand.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {plan.error ? <Alert color="red">{errorMessage(t, plan.error)}</Alert> : null}
      {!p ? (
        <PageLoader />
      ) : (
        <Stack gap="sm" data-testid="demand-plan-detail">
          <Group gap="xs">
            <Title order={3} size="h4">
              {p.organisationName} · {p.year} · {t('demand.version')} {p.version}
            </Title>
            <Badge color={p.current ? 'green' : 'gray'}>
              {p.current ? t('demand.current') : t('demand.superseded')}
            </Badge>
          </Group>
          {p.note ? <Text size="sm">{p.note}</Text> : null}
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <caption className="visually-hidden-caption">{t('demand.detail')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('demand.occupationLabel')}</Table.Th>
                  <Table.Th>{t('demand.programmeGroup')}</Table.Th>
                  <Table.Th>{t('demand.region')}</Table.Th>
                  <Table.Th ta="right">{t('demand.headcount')}</Table.Th>
                  <Table.Th>{t('demand.competencies')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Anchor href={l.occupationUri} target="_blank" rel="noreferrer">
                        {localized(l.occupationLabel, locale)}
                      </Anchor>
                      {l.nationalCode ? (
                        <Text size="xs" c="dimmed">
                          {l.nationalCode}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {l.programmeGroup} · {t(`priorityAreas.${l.priorityArea}`)}
                    </Table.Td>
                    <Table.Td>{t(`demand.regions.${l.region}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(l.headcount, locale)}</Table.Td>
                    <Table.Td>
                      {l.competencies.map((c) => (
                        <Text key={c.competencyId} size="xs">
                          {c.code} {localized(c.name, locale)} — {t('demand.level')} {c.level}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Drawer>
  );
}

/**
 * Declared workforce demand: every plan version (a partner sees its own), the versions in force or the whole
 * history, a version's lines; admins, officers and partners declare a new version.
 */
export function DemandPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const search = useSearch({ strict: false }) as { plan?: number };
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [year, setYear] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(search.plan ?? null);
  const [declaring, setDeclaring] = useState(false);
  const plans = useDemandPlans({
    page,
    pageSize: 50,
    current: onlyCurrent ? 'true' : undefined,
    year: year ?? undefined,
  });
  const canDeclare = me ? ['admin', 'officer', 'partner'].includes(me.role) : false;
  const thisYear = new Date().getFullYear();
  const data = plans.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('demand.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('demand.about')}
          </Text>
        </div>
        {canDeclare ? (
          <Button {...DeclareModal.opener} onClick={() => setDeclaring(true)} data-testid="declare-demand">
            {t('demand.declare')}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end">
        <Select
          label={t('demand.year')}
          w={160}
          clearable
          placeholder={t('demand.allYears')}
          data={Array.from({ length: 12 }, (_, i) => String(thisYear - 2 + i))}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
        />
        <Switch
          label={t('demand.onlyCurrent')}
          checked={onlyCurrent}
          onChange={(e) => {
            setOnlyCurrent(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      {plans.error ? <Alert color="red">{errorMessage(t, plans.error)}</Alert> : null}
      {!data && !plans.error ? <PageLoader /> : null}
      {data && data.items.length === 0 ? <Text c="dimmed">{t('demand.empty')}</Text> : null}
      {data && data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover data-testid="demand-plans">
            <caption className="visually-hidden-caption">{t('demand.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('demand.partner')}</Table.Th>
                <Table.Th>{t('demand.year')}</Table.Th>
                <Table.Th>{t('demand.version')}</Table.Th>
                <Table.Th>{t('demand.status')}</Table.Th>
                <Table.Th ta="right">{t('demand.headcount')}</Table.Th>
                <Table.Th ta="right">{t('demand.lines')}</Table.Th>
                <Table.Th>{t('demand.declaredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p: DemandPlan) => (
                <Table.Tr key={p.id} data-plan={`${p.organisationName}-${p.year}-${p.version}`}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setOpen(p.id)}
                      aria-label={t('demand.open', {
                        partner: p.organisationName,
                        year: p.year,
                        version: p.version,
                      })}
                    >
                      {p.organisationName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.year}</Table.Td>
                  <Table.Td>{p.version}</Table.Td>
                  <Table.Td>
                    <Badge color={p.current ? 'green' : 'gray'} variant="light">
                      {p.current ? t('demand.current') : t('demand.superseded')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.headcount, locale)}</Table.Td>
                  <Table.Td ta="right">{p.lineCount}</Table.Td>
                  <Table.Td>{formatDateTime(p.createdAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage((x) => x - 1)}>
            ←
          </Button>
          <Text size="sm">
            {page} / {Math.ceil(data.total / data.pageSize)}
          </Text>
          <Button
            variant="default"
            disabled={page * data.pageSize >= data.total}
            onClick={() => setPage((x) => x + 1)}
          >
            →
          </Button>
        </Group>
      ) : null}
      <PlanDrawer id={open} onClose={() => setOpen(null)} />
      <DeclareModal opened={declaring} onClose={() => setDeclaring(false)} />
    </Stack>
  );
}
