import type { ImportKind, ImportProgress, ImportResult } from '@kadr/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { IMPORT_KINDS } from '../api/vocabulary';
import { ImportRefusal } from '../components/import-refusal';

/** A random UUID, also where `crypto.randomUUID` is missing (a page not served over HTTPS). */
function newProgressId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Polls the progress of the import under way (every half second while the upload is pending). */
function useImportProgress(progressId: string | undefined, running: boolean) {
  return useQuery({
    queryKey: ['import-progress', progressId],
    queryFn: () => apiFetch<ImportProgress>(`/api/imports/progress/${progressId}`),
    enabled: running && progressId !== undefined,
    refetchInterval: running ? 500 : false,
    retry: false,
    gcTime: 0,
  });
}

/** The stage of a running import and a bar of the share done, announced politely to screen readers. */
function ImportProgressBar({ progress }: { progress: ImportProgress | undefined }) {
  const { t } = useTranslation();
  const stage = progress?.stage ?? 'reading';
  const value = Math.round((progress?.progress ?? 0) * 100);
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm" aria-live="polite">
        {t(`imports.stages.${stage}`, { rows: progress?.rows ?? 0, validated: progress?.validated ?? 0 })}
      </Text>
      {/* The progressbar role is on the section, so the name goes there (axe: aria-progressbar-name). */}
      <Progress.Root>
        <Progress.Section
          value={value}
          aria-label={t('imports.progressLabel')}
          animated={stage !== 'validating'}
        />
      </Progress.Root>
    </Stack>
  );
}

/** Imports partners, equipment or investments from CSV/XLSX (all or nothing), with a dry run and the row report. */
export function ImportsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('organisations');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [progressId, setProgressId] = useState<string>();
  const upload = useMutation({
    mutationFn: ({ file, kind, dryRun }: { file: File; kind: ImportKind; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      const id = newProgressId();
      setProgressId(id);
      return apiFetch<ImportResult>(`/api/imports/${kind}`, {
        method: 'POST',
        body: form,
        query: { dryRun: String(dryRun), progressId: id },
      });
    },
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries();
    },
  });
  const progress = useImportProgress(progressId, upload.isPending);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ file, kind, dryRun });
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('imports.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('imports.about')}
      </Text>
      <Card withBorder>
        <form onSubmit={onSubmit} data-testid="import-form">
          <Stack>
            <Group align="flex-end">
              <Select
                label={t('imports.kind')}
                allowDeselect={false}
                w={220}
                data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
                value={kind}
                onChange={(value) => {
                  if (value) setKind(value as ImportKind);
                  upload.reset();
                }}
              />
              <FileInput
                label={t('imports.file')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(value) => {
                  setFile(value);
                  upload.reset();
                }}
                w={320}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
              />
              <Button
                type="submit"
                disabled={!file}
                loading={upload.isPending}
                leftSection={<IconUpload size={16} aria-hidden="true" />}
              >
                {dryRun ? t('imports.check') : t('imports.import')}
              </Button>
            </Group>
            <Checkbox
              label={t('imports.dryRun')}
              checked={dryRun}
              onChange={(e) => setDryRun(e.currentTarget.checked)}
            />
            <Group gap="md">
              <Text size="sm">{t('imports.templates')}</Text>
              <Anchor href={`/api/imports/${kind}/template?format=csv`} download size="sm">
                CSV
              </Anchor>
              <Anchor href={`/api/imports/${kind}/template?format=xlsx`} download size="sm">
                XLSX
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Card>
      {upload.isPending ? <ImportProgressBar progress={progress.data} /> : null}
      {upload.data ? (
        <Alert color="green" data-testid="import-result">
          {upload.data.dryRun
            ? t('imports.dryRunOk', { rows: upload.data.rows })
            : t('imports.done', { rows: upload.data.rows, created: upload.data.created })}
        </Alert>
      ) : null}
      <ImportRefusal
        error={upload.error}
        testId="import"
        where={[
          { heading: t('imports.row'), cell: (issue) => issue.row ?? '—' },
          { heading: t('imports.column'), cell: (issue) => issue.column ?? issue.path ?? '—' },
        ]}
      />
    </Stack>
  );
}
