import type { AgreementDocument } from '@kadr/contracts';
import { Anchor, Button, FileInput, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DocumentTarget,
  useCanEditPartnerships,
  useDeleteAgreementDocument,
  useUploadDocument,
} from '../api/agreements';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { RowActions } from '../components/row-actions';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale } from '../i18n';
import { type SimpleColumn, SimpleTable } from '../components/simple-table';

/** The address that downloads a document (the server sends it as an attachment). */
export const documentHref = (d: AgreementDocument) => `/api/agreement-documents/${d.id}`;

/** A PDF picker and an Upload button for an agreement's documents or an obligation's evidence. */
export function DocumentUploadForm({ target }: { target: DocumentTarget }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(target);
  const [file, setFile] = useState<File | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('agreements.uploaded') });
        setFile(null);
      },
    });
  };
  return (
    <form onSubmit={onSubmit} data-testid="document-upload">
      <Group align="flex-end">
        <FileInput
          label={t('agreements.pdf')}
          accept="application/pdf"
          value={file}
          onChange={setFile}
          w={320}
          clearable
          error={upload.error ? errorMessage(t, upload.error) : undefined}
        />
        <Button
          type="submit"
          disabled={!file}
          loading={upload.isPending}
          leftSection={<IconUpload size={16} aria-hidden="true" />}
        >
          {t('agreements.upload')}
        </Button>
      </Group>
    </form>
  );
}

/** Props of {@link DocumentTable}. */
export interface DocumentTableProps {
  documents: AgreementDocument[];
  caption: string;
  testId: string;
}

/** Documents with download links, size and upload time; admins delete them (confirmed). */
export function DocumentTable({ documents, caption, testId }: DocumentTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditPartnerships();
  const remove = useDeleteAgreementDocument();
  const confirm = useConfirmAction();
  const deleteColumn: SimpleColumn<AgreementDocument> = {
    key: 'actions',
    header: t('common.actions'),
    render: (d) => (
      <RowActions
        actions={[
          {
            label: t('agreements.deleteDocument'),
            ariaLabel: t('agreements.deleteDocumentOf', { name: d.fileName }),
            color: 'red',
            onClick: () =>
              confirm.ask({
                title: t('agreements.deleteDocumentTitle'),
                message: t('agreements.deleteDocumentConfirm', { name: d.fileName }),
                confirmLabel: t('agreements.deleteDocument'),
                run: () => remove.mutateAsync(d.id),
                done: t('agreements.documentDeleted'),
              }),
          },
        ]}
      />
    ),
  };
  return (
    <>
      <SimpleTable<AgreementDocument>
        caption={caption}
        testId={testId}
        rows={documents}
        rowKey={(d) => d.id}
        columns={[
          {
            key: 'name',
            header: t('agreements.fileName'),
            render: (d) => (
              <Anchor href={documentHref(d)} download={d.fileName}>
                {d.fileName}
              </Anchor>
            ),
          },
          {
            key: 'size',
            header: t('agreements.size'),
            render: (d) => `${Math.ceil(d.sizeBytes / 1024)} KB`,
          },
          {
            key: 'uploaded',
            header: t('agreements.uploadedAt'),
            render: (d) => formatDateTime(d.uploadedAt, locale),
          },
          ...(canEdit ? [deleteColumn] : []),
        ]}
      />
      {confirm.dialog}
    </>
  );
}
