import { lazyDialog } from '../components/lazy-dialog';
import type { Locale, Obligation } from '@kadr/contracts';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships, useObligationMutations } from '../api/agreements';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { EditableSection } from '../components/editable-section';
import type { SimpleColumn } from '../components/simple-table';
import { documentHref } from './documents';
import { ObligationDocumentsModal } from './obligation-documents-modal';
import { STATUS_COLOR } from './status-color';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const ObligationFormModal = lazyDialog(() =>
  import('./obligation-form-modal').then((m) => m.ObligationFormModal),
);
const ObligationStatusModal = lazyDialog(
  () => import('./obligation-status-modal').then((m) => m.ObligationStatusModal),
  'obligation',
);

/** What an obligation is worth: the instalment in tenge, the places offered this year of those a year, or a dash. */
export function obligationAmount(o: Obligation, t: TFunction, locale: Locale): string {
  if (o.amountTiyn !== null) return formatTenge(o.amountTiyn, locale);
  if (o.placesProgress !== null) return t('partners.placesProgress', o.placesProgress);
  if (o.placesPerYear !== null) return t('partners.places', { places: o.placesPerYear });
  return '—';
}

/** The columns every obligation table shows: what, kind, due date, amount and status. */
export function obligationColumns(t: TFunction, locale: Locale): SimpleColumn<Obligation>[] {
  return [
    { key: 'title', header: t('partners.obligation'), render: (o) => localized(o.title, locale) },
    { key: 'kind', header: t('agreements.kind'), render: (o) => t(`obligationKinds.${o.kind}`) },
    { key: 'due', header: t('partners.dueOn'), render: (o) => formatDate(o.dueOn, locale) },
    {
      key: 'amount',
      header: t('investments.amount'),
      render: (o) => <span style={{ whiteSpace: 'nowrap' }}>{obligationAmount(o, t, locale)}</span>,
    },
    {
      key: 'status',
      header: t('agreements.status'),
      render: (o) => (
        <Badge color={STATUS_COLOR[o.status]} variant={o.status === 'late' ? 'filled' : 'light'}>
          {t(`obligationStatuses.${o.status}`)}
        </Badge>
      ),
    },
  ];
}

/** The evidence of an obligation: its text or link, and its PDFs as download links. */
function EvidenceCell({ obligation: o }: { obligation: Obligation }) {
  const text = o.evidenceText || o.evidenceUrl;
  if (!text && o.documents.length === 0) return '—';
  return (
    <Stack gap={2}>
      {text ? <Text size="sm">{text}</Text> : null}
      {o.documents.map((d) => (
        <Anchor key={d.id} size="sm" href={documentHref(d)} download={d.fileName}>
          {d.fileName}
        </Anchor>
      ))}
    </Stack>
  );
}

/** The obligations of one agreement (overdue highlighted); admins add, edit, set status and delete them. */
export function AgreementObligations({
  agreementId,
  obligations,
}: {
  agreementId: number;
  obligations: Obligation[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditPartnerships();
  const { remove } = useObligationMutations(agreementId);
  const [statusOf, setStatusOf] = useState<Obligation | null>(null);
  // By id, so the dialog shows the documents as refetched after an upload or a delete.
  const [documentsOf, setDocumentsOf] = useState<number | null>(null);
  const evidence: SimpleColumn<Obligation> = {
    key: 'evidence',
    header: t('agreements.evidence'),
    render: (o) => <EvidenceCell obligation={o} />,
  };

  return (
    <>
      <EditableSection<Obligation>
        title={t('partners.obligations')}
        testId="agreement-obligations"
        rows={obligations}
        rowKey={(o) => o.id}
        rowProps={(o) => (o.status === 'late' ? { 'data-late': 'true', bg: 'red.0' } : {})}
        columns={[...obligationColumns(t, locale), evidence]}
        canEdit={canEdit}
        texts="obligations"
        nameOf={(o) => localized(o.title, locale)}
        remove={(o) => remove.mutateAsync(o.id)}
        extraActions={(o) => [
          {
            label: t('obligations.documents'),
            ariaLabel: t('obligations.documentsOf', { name: localized(o.title, locale) }),
            onClick: () => setDocumentsOf(o.id),
          },
          {
            label: t('obligations.setStatus'),
            ariaLabel: t('obligations.setStatusOf', { name: localized(o.title, locale) }),
            color: 'green',
            opener: ObligationStatusModal.opener,
            onClick: () => setStatusOf(o),
          },
        ]}
        formOpener={ObligationFormModal.opener}
        renderForm={(opened, row, onClose) => (
          <ObligationFormModal opened={opened} agreementId={agreementId} obligation={row} onClose={onClose} />
        )}
      />
      {canEdit ? <ObligationStatusModal obligation={statusOf} onClose={() => setStatusOf(null)} /> : null}
      <ObligationDocumentsModal
        obligation={obligations.find((o) => o.id === documentsOf) ?? null}
        onClose={() => setDocumentsOf(null)}
      />
    </>
  );
}
