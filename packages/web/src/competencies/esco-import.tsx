import type { Locale } from '@kadr/contracts';
import { Alert, Button, Card, Checkbox, FileInput, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../api/vocabulary';
import { ImportRefusal } from '../components/import-refusal';
import { useEscoImport } from './api';

/** An empty file input shows its placeholder dark enough to read (4.5:1), which also names its button. */
const PLACEHOLDER_STYLES = { placeholder: { color: 'var(--mantine-color-gray-7)' } };

/**
 * The ESCO import of a framework: the skills file of one language as downloaded from ESCO, the broader-relations
 * file if wanted, a dry run first; a refused file lists every issue with its file, row and column.
 */
export function EscoImport({ frameworkId }: { frameworkId: number }) {
  const { t } = useTranslation();
  const [skills, setSkills] = useState<File | null>(null);
  const [relations, setRelations] = useState<File | null>(null);
  const [language, setLanguage] = useState<Locale>('en');
  const [dryRun, setDryRun] = useState(true);
  const upload = useEscoImport(frameworkId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (skills) upload.mutate({ skills, broaderRelations: relations, language, dryRun });
  };
  const changed =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      upload.reset();
    };
  const result = upload.data;
  return (
    <Card withBorder>
      <form onSubmit={onSubmit} data-testid="esco-import-form">
        <Stack>
          <Title order={2} size="h4">
            {t('competencies.escoTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('competencies.escoAbout')}
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t('competencies.escoSkills')}
              accept=".csv,text/csv"
              value={skills}
              onChange={changed(setSkills)}
              w={260}
              clearable
              clearButtonProps={{ 'aria-label': t('competencies.clearFile') }}
              placeholder={t('competencies.noFile')}
              styles={PLACEHOLDER_STYLES}
            />
            <FileInput
              label={t('competencies.escoRelations')}
              accept=".csv,text/csv"
              value={relations}
              onChange={changed(setRelations)}
              w={300}
              clearable
              clearButtonProps={{ 'aria-label': t('competencies.clearFile') }}
              placeholder={t('competencies.noFile')}
              styles={PLACEHOLDER_STYLES}
            />
            <Select
              label={t('competencies.escoLanguage')}
              allowDeselect={false}
              w={140}
              data={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
              value={language}
              onChange={(value) => value && changed(setLanguage)(value as Locale)}
            />
            <Button
              type="submit"
              disabled={!skills}
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
          {result ? (
            <Alert color="green" data-testid="esco-import-result">
              {t(result.dryRun ? 'competencies.escoDryRunDone' : 'competencies.escoDone', {
                rows: result.rows,
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
                linked: result.relations.linked,
                skipped: result.relations.skipped,
              })}
            </Alert>
          ) : null}
          <ImportRefusal
            error={upload.error}
            testId="esco-import"
            where={[{ heading: t('competencies.escoWhere'), cell: (issue) => issue.path }]}
          />
        </Stack>
      </form>
    </Card>
  );
}
