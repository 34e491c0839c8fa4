import {
  type CreateDemandPlanBody,
  createDemandPlanBodySchema,
  type DemandPlan,
  type PriorityArea,
  type Region,
} from '@kadr/contracts';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useMe } from '../api/auth';
import { useDeclareDemand, useDemandPlan, useDemandPlans } from '../api/demand';
import { useOrganisations } from '../api/resources';
import { KZ_REGIONS, PRIORITY_AREAS } from '../api/vocabulary';
import { PageLoader } from '../app/status-pages';
import { CompetencyPicker } from '../competencies/competency-picker';
import { errorMessage } from '../components/error-text';
import { FormModal } from '../components/form-modal';
import { issueText, serverIssueText } from '../components/issue-text';
import { formatDateTime } from '../components/format';
import { formatNumber } from '../components/number-format';
import { type TrilingualDraft, TrilingualFields } from '../components/trilingual-fields';
import { currentLocale, localized } from '../i18n';

interface DraftLine {
  /** A key for React: lines are added and removed. */
  key: number;
  occupationUri: string;
  occupationLabel: TrilingualDraft;
  nationalCode: string;
  programmeGroup: string;
  priorityArea: PriorityArea | null;
  region: Region | null;
  headcount: number | '';
  competencies: { competencyId: number; label: string; level: number }[];
}

let lineKeys = 0;
const emptyLine = (): DraftLine => ({
  key: ++lineKeys,
  occupationUri: '',
  occupationLabel: { kk: '', ru: '', en: '' },
  nationalCode: '',
  programmeGroup: '',
  priorityArea: null,
  region: null,
  headcount: '',
  competencies: [],
});

/** The dialog that declares a new version of a partner's plan for a year. */
function DeclareModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const isPartner = me?.role === 'partner';
  const partners = useOrganisations({ pageSize: 200, sort: 'shortName' }, opened && !isPartner);
  const declare = useDeclareDemand();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() + 1);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([emptyLine()]);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the draft is refilled only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    declare.reset();
    setIssues([]);
    setLines([emptyLine()]);
    setNote('');
    setOrganisationId(isPartner && me ? String(me.organisationId) : null);
  }, [opened]);
  const serverIssues =
    declare.error instanceof ApiError
      ? declare.error.issues.map((i) => ({
          path: i.path.replace(/^body\./, ''),
          message: serverIssueText(t, i),
        }))
      : [];
  const all = [...issues, ...serverIssues];
  const errorOf = (path: string) =>
    all.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const update = (index: number, patch: Partial<DraftLine>) =>
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const submit = () => {
    const body = {
      organisationId: organisationId ? Number(organisationId) : undefined,
      year: year === '' ? undefined : year,
      note,
      lines: lines.map(({ key: _key, ...l }) => ({
        ...l,
        priorityArea: l.priorityArea ?? undefined,
        region: l.region ?? undefined,
        headcount: l.headcount === '' ? undefined : l.headcount,
        competencies: l.competencies.map((c) => ({ competencyId: c.competencyId, level: c.level })),
      })),
    };
    const parsed = createDemandPlanBodySchema.safeParse(body);
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueText(t, i) })),
      );
      return;
    }
    setIssues([]);
    declare.mutate(parsed.data as CreateDemandPlanBody, {
      onSuccess: (plan) => {
        notifications.show({
          color: 'green',
          message: t('demand.saved', { version: plan.version, year: plan.year }),
        });
        onClose();
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('demand.declare')}
      onSubmit={submit}
      error={
        declare.error ??
        (issues.length > 0
          ? new ApiError({
              status: 400,
              code: 'VALIDATION_FAILED',
              message: t('errors.VALIDATION_FAILED'),
              details: { issues },
            })
          : null)
      }
      isPending={declare.isPending}
      submitLabel={t('demand.save')}
      size="xl"
      testId="declare-demand-form"
    >
      <Text size="sm" c="dimmed">
        {t('demand.supersedesNote')}
      </Text>
      <Group grow>
        {isPartner ? null : (
          <Select
            label={t('demand.partner')}
            required
            searchable
            data={(partners.data?.items ?? [])
              .filter((o) => o.kind !== 'home_university')
              .map((o) => ({ value: String(o.id), label: o.shortName }))}
            value={organisationId}
            onChange={setOrganisationId}
            error={errorOf('organisationId')}
            data-testid="demand-partner"
          />
        )}
        <NumberInput
          label={t('demand.year')}
          required
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : '')}
          error={errorOf('year')}
          data-testid="demand-year"
        />
      </Group>
      <Textarea
        label={t('demand.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={1}
      />
      {lines.map((line, i) => {
        const at = `lines.${i}`;
        return (
          <Card key={line.key} withBorder padding="sm" data-testid={`demand-line-${i}`}>
            <Group justify="space-between" mb={4}>
              <Text fw={600} size="sm">
                {t('demand.lineN', { n: i + 1 })}
              </Text>
              {lines.length > 1 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('demand.removeLine', { n: i + 1 })}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              ) : null}
            </Group>
            <Stack gap="xs">
              <div data-testid="occupation-label">
                <TrilingualFields
                  legend={t('demand.occupationLabel')}
                  value={line.occupationLabel}
                  onChange={(lang, text) =>
                    update(i, { occupationLabel: { ...line.occupationLabel, [lang]: text } })
                  }
                  errors={{
                    kk:
                      errorOf(`${at}.occupationLabel.kk`) ??
                      all.find((x) => x.path === `${at}.occupationLabel`)?.message,
                    ru: errorOf(`${at}.occupationLabel.ru`),
                  }}
                />
              </div>
              <TextInput
                label={t('demand.occupationUri')}
                required
                value={line.occupationUri}
                onChange={(e) => update(i, { occupationUri: e.currentTarget.value })}
                error={errorOf(`${at}.occupationUri`)}
                data-testid="occupation-uri"
              />
              <Group grow>
                <TextInput
                  label={t('demand.nationalCode')}
                  value={line.nationalCode}
                  onChange={(e) => update(i, { nationalCode: e.currentTarget.value })}
                  error={errorOf(`${at}.nationalCode`)}
                />
                <TextInput
                  label={t('demand.programmeGroup')}
                  required
                  value={line.programmeGroup}
                  onChange={(e) => update(i, { programmeGroup: e.currentTarget.value.toUpperCase() })}
                  error={errorOf(`${at}.programmeGroup`)}
                  data-testid="programme-group"
                />
                <NumberInput
                  label={t('demand.headcount')}
                  required
                  min={1}
                  value={line.headcount}
                  onChange={(v) => update(i, { headcount: typeof v === 'number' ? v : '' })}
                  error={errorOf(`${at}.headcount`)}
                  data-testid="headcount"
                />
              </Group>
              <Group grow>
                <Select
                  label={t('demand.priorityArea')}
                  required
                  data={PRIORITY_AREAS.map((a) => ({ value: a, label: t(`priorityAreas.${a}`) }))}
                  value={line.priorityArea}
                  onChange={(v) => update(i, { priorityArea: v as PriorityArea | null })}
                  error={errorOf(`${at}.priorityArea`)}
                  data-testid="priority-area"
                />
                <Select
                  label={t('demand.region')}
                  required
                  searchable
                  data={KZ_REGIONS.map((r) => ({ value: r, label: t(`demand.regions.${r}`) }))}
                  value={line.region}
                  onChange={(v) => update(i, { region: v as Region | null })}
                  error={errorOf(`${at}.region`)}
                  data-testid="region"
                />
              </Group>
              {line.competencies.map((c, j) => (
                <Group key={c.competencyId} gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {c.label}
                  </Text>
                  <NumberInput
                    aria-label={t('demand.levelOf', { name: c.label })}
                    w={80}
                    min={1}
                    max={5}
                    value={c.level}
                    onChange={(v) =>
                      update(i, {
                        competencies: line.competencies.map((x, k) =>
                          k === j ? { ...x, level: typeof v === 'number' ? v : 1 } : x,
                        ),
                      })
                    }
                    error={errorOf(`${at}.competencies.${j}`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('demand.removeCompetency', { name: c.label })}
                    onClick={() => update(i, { competencies: line.competencies.filter((_, k) => k !== j) })}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              <CompetencyPicker
                label={t('demand.addCompetency')}
                placeholder={t('demand.searchCompetency')}
                nothingFound={t('demand.nothingFound')}
                exclude={line.competencies.map((c) => c.competencyId)}
                onPick={(c) =>
                  update(i, {
                    competencies: [
                      ...line.competencies,
                      { competencyId: c.id, label: `${c.code} ${localized(c.name, locale)}`, level: 3 },
                    ],
                  })
                }
              />
            </Stack>
          </Card>
        );
      })}
      <Button variant="light" onClick={() => setLines((ls) => [...ls, emptyLine()])} data-testid="add-line">
        {t('demand.addLine')}
      </Button>
    </FormModal>
  );
}

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
          <Button onClick={() => setDeclaring(true)} data-testid="declare-demand">
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
