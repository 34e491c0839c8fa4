import type { Obligation } from '@kadr/contracts';
import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';
import { useCanEditPartnerships } from '../api/agreements';
import { DocumentTable, DocumentUploadForm } from './documents';

/** Props of {@link ObligationDocumentsModal}. */
export interface ObligationDocumentsModalProps {
  /** The obligation, read fresh from the agreement after each upload; `null` keeps the dialog closed. */
  obligation: Obligation | null;
  onClose: () => void;
}

/** The PDF evidence of one obligation: download links, and for admins upload and delete. */
export function ObligationDocumentsModal({ obligation, onClose }: ObligationDocumentsModalProps) {
  const { t } = useTranslation();
  const canEdit = useCanEditPartnerships();
  return (
    <Modal
      opened={obligation !== null}
      onClose={onClose}
      size="xl"
      title={t('obligations.documentsTitle', {
        title: obligation ? localized(obligation.title, currentLocale()) : '',
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {obligation ? (
        <Stack data-testid="obligation-documents">
          <Text size="sm" c="dimmed">
            {t('obligations.documentsHint')}
          </Text>
          <DocumentTable
            documents={obligation.documents}
            caption={t('obligations.documents')}
            testId="obligation-documents-table"
          />
          {canEdit ? <DocumentUploadForm target={{ obligationId: obligation.id }} /> : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
