import { lazyDialog } from '../components/lazy-dialog';
import type { PartnerOverview } from '@kadr/contracts';
import { Button, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships } from '../api/agreements';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const AgreementFormModal = lazyDialog(() =>
  import('../agreements/agreement-form-modal').then((m) => m.AgreementFormModal),
);
const BranchFormModal = lazyDialog(() => import('./branch-form-modal').then((m) => m.BranchFormModal));

/** The admin's buttons on a partner page: a new agreement with this partner, and the branch status of a university. */
export function PartnerActions({ overview }: { overview: PartnerOverview }) {
  const { t } = useTranslation();
  const canEdit = useCanEditPartnerships();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'agreement' | 'branch' | null>(null);
  if (!canEdit) return null;
  const org = overview.organisation;
  const close = () => setDialog(null);
  return (
    <Group gap="xs" data-testid="partner-actions">
      <Button variant="light" {...AgreementFormModal.opener} onClick={() => setDialog('agreement')}>
        {t('agreements.create')}
      </Button>
      {org.kind === 'partner_university' ? (
        <>
          <Button variant="default" {...BranchFormModal.opener} onClick={() => setDialog('branch')}>
            {t('branch.edit')}
          </Button>
          <BranchFormModal
            opened={dialog === 'branch'}
            partnerId={org.id}
            branch={overview.branch}
            onClose={close}
          />
        </>
      ) : null}
      <AgreementFormModal
        opened={dialog === 'agreement'}
        agreement={null}
        partnerId={org.id}
        onClose={close}
        onCreated={(a) =>
          void navigate({ to: '/agreements/$agreementId', params: { agreementId: String(a.id) } })
        }
      />
    </Group>
  );
}
