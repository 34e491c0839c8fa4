import type { AgreementDocument } from '@kadr/contracts';
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships, useDeleteAgreementDocument } from '../api/agreements';
import { ApiError } from '../api/client';
import { useAgreement, useUploadAgreementDocument } from '../api/material';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate, formatDateTime } from '../components/format';
import { RowActions } from '../components/row-actions';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { PartnerNotFound } from '../partners/partner-overview';
import { type SimpleColumn, SimpleTable } from '../partners/simple-table';
import { AgreementActions } from './agreement-actions';
import { AgreementObligations } from './agreement-obligations';
import { STATUS_COLOR } from './status-color';

function UploadForm({ agreementId }: { agreementId: number }) {
  const { t } = useTranslation();
  const upload = useUploadAgreementDocument(agreementId);
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
    <form onSubmit={onSubmit}>
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

/** One agreement: parties, dates, obligations (overdue highlighted) and documents (admins upload PDFs). */
export function AgreementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditPartnerships();
  const removeDocument = useDeleteAgreementDocument();
  const confirm = useConfirmAction();
  const { agreementId } = useParams({ strict: false }) as { agreementId?: string };
  const id = Number(agreementId);
  const agreement = useAgreement(id);
  if (!Number.isInteger(id) || id <= 0) return <PartnerNotFound />;
  if (agreement.error instanceof ApiError && [403, 404].includes(agreement.error.status))
    return <PartnerNotFound />;
  if (agreement.error) return <Alert color="red">{errorMessage(t, agreement.error)}</Alert>;
  if (!agreement.data) return <PageLoader />;
  const a = agreement.data;
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
                run: () => removeDocument.mutateAsync(d.id),
                done: t('agreements.documentDeleted'),
              }),
          },
        ]}
      />
    ),
  };

  return (
    <Stack gap="lg" data-testid="agreement-detail">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2">
            {a.number} · {localized(a.title, locale)}
          </Title>
          <AgreementActions agreement={a} />
        </Group>
        <Group gap="xs">
          <Badge color={STATUS_COLOR[a.status]} variant="light">
            {t(`agreementStatuses.${a.status}`)}
          </Badge>
          <Badge variant="outline">{t(`agreementKinds.${a.kind}`)}</Badge>
          <Text size="sm" c="dimmed">
            {t('agreements.signedOn')}: {formatDate(a.signedOn, locale)} · {t('agreements.validUntil')}:{' '}
            {formatDate(a.validUntil, locale)}
          </Text>
        </Group>
        <Text size="sm">
          {t('agreements.parties')}: {a.parties.map((p) => p.shortName).join(', ')}
        </Text>
        {a.notes ? <Text size="sm">{a.notes}</Text> : null}
      </Stack>
      <AgreementObligations agreementId={a.id} obligations={a.obligations} />
      <Card withBorder component="section">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('agreements.documents')}
          </Title>
          <SimpleTable<AgreementDocument>
            caption={t('agreements.documents')}
            testId="agreement-documents"
            rows={a.documents}
            rowKey={(d) => d.id}
            columns={[
              {
                key: 'name',
                header: t('agreements.fileName'),
                render: (d) => (
                  <Anchor href={`/api/agreement-documents/${d.id}`} download={d.fileName}>
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
          {canEdit ? <UploadForm agreementId={a.id} /> : null}
          {confirm.dialog}
        </Stack>
      </Card>
    </Stack>
  );
}
