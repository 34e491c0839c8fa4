import type { Milestone, MilestoneFile } from '@kadr/contracts';
import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMilestoneFileMutations } from '../api/strategy';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { RowActions } from '../components/row-actions';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale } from '../i18n';

/** The address that downloads an evidence file (the server sends it as an attachment). */
export const milestoneFileHref = (f: Pick<MilestoneFile, 'id'>) => `/api/milestone-files/${f.id}`;

/**
 * A milestone's evidence files: download links, and for the writers and its owner a picker (PDF, PNG, JPEG) with
 * an Upload button and a confirmed delete. No form element: it sits inside the milestone's edit form.
 */
export function MilestoneFiles({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { upload, remove } = useMilestoneFileMutations();
  const confirm = useConfirmAction();
  const [files, setFiles] = useState<MilestoneFile[]>(milestone.files);
  const [file, setFile] = useState<File | null>(null);
  const send = () => {
    if (!file) return;
    upload.mutate(
      { milestoneId: milestone.id, file },
      {
        onSuccess: (stored) => {
          setFiles((list) => [...list, stored]);
          setFile(null);
        },
      },
    );
  };
  return (
    <Stack gap="xs" data-testid="milestone-files">
      <Text size="sm" fw={500}>
        {t('projects.files')}
      </Text>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.noFiles')}
        </Text>
      ) : (
        files.map((f) => (
          <Group key={f.id} gap="xs" justify="space-between">
            <Anchor href={milestoneFileHref(f)} download={f.fileName} size="sm">
              {f.fileName}
            </Anchor>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {`${Math.ceil(f.sizeBytes / 1024)} KB · ${formatDateTime(f.uploadedAt, locale)}`}
              </Text>
              <RowActions
                actions={[
                  {
                    label: t('projects.deleteFile'),
                    ariaLabel: t('projects.deleteFileOf', { name: f.fileName }),
                    color: 'red',
                    onClick: () =>
                      confirm.ask({
                        title: t('projects.deleteFile'),
                        message: t('projects.deleteFileConfirm', { name: f.fileName }),
                        confirmLabel: t('projects.deleteFile'),
                        run: async () => {
                          await remove.mutateAsync(f.id);
                          setFiles((list) => list.filter((x) => x.id !== f.id));
                        },
                        done: t('projects.fileDeleted'),
                      }),
                  },
                ]}
              />
            </Group>
          </Group>
        ))
      )}
      <Group align="flex-end">
        <FileInput
          label={t('projects.evidenceFile')}
          description={t('projects.evidenceFileHelp')}
          accept="application/pdf,image/png,image/jpeg"
          value={file}
          onChange={setFile}
          clearable
          flex={1}
          error={upload.error ? errorMessage(t, upload.error) : undefined}
          data-testid="milestone-file-input"
        />
        <Button
          type="button"
          variant="light"
          disabled={!file}
          loading={upload.isPending}
          onClick={send}
          leftSection={<IconUpload size={16} aria-hidden="true" />}
        >
          {t('projects.uploadFile')}
        </Button>
      </Group>
      {confirm.dialog}
    </Stack>
  );
}
