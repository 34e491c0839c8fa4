import {
  type CreateDemandPlanBody,
  createDemandPlanBodySchema,
  type PriorityArea,
  type Region,
} from '@kadr/contracts';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useMe } from '../api/auth';
import { useDeclareDemand } from '../api/demand';
import { useOrganisations } from '../api/resources';
import { KZ_REGIONS, PRIORITY_AREAS } from '../api/vocabulary';
import { CompetencyPicker } from '../competencies/competency-picker';
import { FormModal } from '../components/form-modal';
import { issueText, serverIssueText } from '../components/issue-text';
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
export function DeclareModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
