import type { AgreementDetail } from '@kadr/contracts';
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships } from '../api/agreements';
import { ApiError } from '../api/client';
import { useAgreement } from '../api/material';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { currentLocale, localized } from '../i18n';
import { PartnerNotFound } from '../partners/partner-overview';
import { AgreementActions } from './agreement-actions';
import { AgreementObligations } from './agreement-obligations';
import { DocumentTable, DocumentUploadForm } from './documents';
import { STATUS_COLOR } from './status-color';

/** The parties of an agreement, each partner linking to its page (the home university has none). */
function PartyList({ parties }: { parties: AgreementDetail['parties'] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="agreement-parties">
      {t('agreements.parties')}:{' '}
      {parties.map((p, i) => (
        <Fragment key={p.organisationId}>
          {i > 0 ? ', ' : null}
          {p.isHome ? (
            p.shortName
          ) : (
            <Link
              to="/partners/$partnerId"
              params={{ partnerId: String(p.organisationId) }}
              className="table-link"
            >
              {p.shortName}
            </Link>
          )}
        </Fragment>
      ))}
    </Text>
  );
}

/** One agreement: parties, dates, obligations (overdue highlighted) and documents (admins upload PDFs). */
export function AgreementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditPartnerships();
  const { agreementId } = useParams({ strict: false }) as { agreementId?: string };
  const id = Number(agreementId);
  const agreement = useAgreement(id);
  if (!Number.isInteger(id) || id <= 0) return <PartnerNotFound />;
  if (agreement.error instanceof ApiError && [403, 404].includes(agreement.error.status))
    return <PartnerNotFound />;
  if (agreement.error) return <Alert color="red">{errorMessage(t, agreement.error)}</Alert>;
  if (!agreement.data) return <PageLoader />;
  const a = agreement.data;

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
        <PartyList parties={a.parties} />
        {a.notes ? <Text size="sm">{a.notes}</Text> : null}
      </Stack>
      <AgreementObligations agreementId={a.id} obligations={a.obligations} />
      <Card withBorder component="section">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('agreements.documents')}
          </Title>
          <DocumentTable
            documents={a.documents}
            caption={t('agreements.documents')}
            testId="agreement-documents"
          />
          {canEdit ? <DocumentUploadForm target={{ agreementId: a.id }} /> : null}
        </Stack>
      </Card>
    </Stack>
  );
}
