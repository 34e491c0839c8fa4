import type { Agreement, Investment, Obligation } from '@kadr/contracts';
import { Alert, Badge, Button, Card, Center, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { usePartner } from '../api/material';
import { obligationColumns } from '../agreements/agreement-obligations';
import { STATUS_COLOR } from '../agreements/status-color';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/number-format';
import { countryName, currentLocale, localized } from '../i18n';
import { AllocationList } from '../investments/investments-page';
import { ImpactSection } from './impact-section';
import { PartnerActions } from './partner-actions';
import { ContactsSection, JointProgrammesSection } from './partner-people';
import { SimpleTable } from '../components/simple-table';

function Total({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="md" style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Card>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Shown when the partner does not exist or the viewer may not see it (the API answers 404 for both). */
export function PartnerNotFound() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="partner-not-found">
      <Stack align="center">
        <Title order={1} size="h2">
          {t('partners.notFoundTitle')}
        </Title>
        <Text>{t('partners.notFoundText')}</Text>
        <Button component={Link} to="/">
          {t('app.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Everything linked to one partner: totals, impact report, agreements, obligations, investments, assets, people. */
export function PartnerOverviewView({ partnerId }: { partnerId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const overview = usePartner(Number.isInteger(partnerId) && partnerId > 0 ? partnerId : undefined);
  if (!Number.isInteger(partnerId) || partnerId <= 0) return <PartnerNotFound />;
  if (overview.error instanceof ApiError && [403, 404].includes(overview.error.status))
    return <PartnerNotFound />;
  if (overview.error) return <Alert color="red">{errorMessage(t, overview.error)}</Alert>;
  if (!overview.data) return <PageLoader />;
  const o = overview.data;
  const org = o.organisation;

  return (
    <Stack gap="lg" data-testid="partner-overview">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2" data-testid="partner-name">
            {localized(org.name, locale)}
          </Title>
          <PartnerActions overview={o} />
        </Group>
        <Group gap="xs">
          <Badge variant="light">{org.shortName}</Badge>
          <Badge variant="light" color="gray">
            {t(`orgKinds.${org.kind}`)}
          </Badge>
          <Text size="sm" c="dimmed" data-testid="partner-place">
            {[
              countryName(org.country),
              localized(org.city, locale),
              org.sector ? t(`organisationSectors.${org.sector}`) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {org.kind === 'partner_university' ? (
            <Badge variant="outline" data-testid="branch-status">
              {t(`partners.branch.${o.branch.status}`)}
            </Badge>
          ) : null}
          {org.kind === 'partner_university' && o.branch.note ? (
            <Text size="sm" c="dimmed">
              {o.branch.note}
            </Text>
          ) : null}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <Total label={t('partners.invested')} value={formatTenge(o.totals.investedTiyn, locale)} />
        <Total label={t('partners.agreements')} value={o.totals.agreements} />
        <Total label={t('partners.activeAgreements')} value={o.totals.activeAgreements} />
        <Total label={t('partners.openObligations')} value={o.totals.openObligations} />
        <Total label={t('partners.lateObligations')} value={o.totals.lateObligations} />
      </SimpleGrid>
      <ImpactSection partnerId={org.id} />
      <Section title={t('partners.agreements')}>
        <SimpleTable<Agreement>
          caption={t('partners.agreements')}
          testId="partner-agreements"
          rows={o.agreements}
          rowKey={(a) => a.id}
          columns={[
            {
              key: 'number',
              header: t('agreements.number'),
              render: (a) => (
                <Link
                  to="/agreements/$agreementId"
                  params={{ agreementId: String(a.id) }}
                  className="table-link"
                >
                  {a.number}
                </Link>
              ),
            },
            {
              key: 'title',
              header: t('agreements.agreementTitle'),
              render: (a) => localized(a.title, locale),
            },
            { key: 'kind', header: t('agreements.kind'), render: (a) => t(`agreementKinds.${a.kind}`) },
            {
              key: 'status',
              header: t('agreements.status'),
              render: (a) => (
                <Badge color={STATUS_COLOR[a.status]} variant="light">
                  {t(`agreementStatuses.${a.status}`)}
                </Badge>
              ),
            },
            {
              key: 'signedOn',
              header: t('agreements.signedOn'),
              render: (a) => formatDate(a.signedOn, locale),
            },
            {
              key: 'validUntil',
              header: t('agreements.validUntil'),
              render: (a) => formatDate(a.validUntil, locale),
            },
          ]}
        />
      </Section>
      <Section title={t('partners.obligations')}>
        <SimpleTable<Obligation>
          caption={t('partners.obligations')}
          rows={o.obligations}
          rowKey={(ob) => ob.id}
          rowProps={(ob) => (ob.status === 'late' ? { 'data-late': 'true', bg: 'red.0' } : {})}
          columns={[
            {
              key: 'agreement',
              header: t('agreements.number'),
              render: (ob) => (
                <Link
                  to="/agreements/$agreementId"
                  params={{ agreementId: String(ob.agreementId) }}
                  className="table-link"
                >
                  {ob.agreementNumber}
                </Link>
              ),
            },
            ...obligationColumns(t, locale),
          ]}
        />
      </Section>
      <Section title={t('investments.title')}>
        <SimpleTable<Investment>
          caption={t('investments.title')}
          testId="partner-investments"
          rows={o.investments}
          rowKey={(i) => i.id}
          columns={[
            { key: 'date', header: t('investments.date'), render: (i) => formatDate(i.investedOn, locale) },
            { key: 'agreement', header: t('investments.agreement'), render: (i) => i.agreementNumber ?? '—' },
            {
              key: 'amount',
              header: t('investments.amount'),
              render: (i) => formatTenge(i.amountTiyn, locale),
            },
            {
              key: 'allocations',
              header: t('investments.allocations'),
              render: (i) => <AllocationList investment={i} />,
            },
          ]}
        />
      </Section>
      <Section title={t('partners.fundedLabs')}>
        <SimpleTable
          caption={t('partners.fundedLabs')}
          rows={o.fundedLabs}
          rowKey={(f) => f.lab.id}
          columns={[
            { key: 'code', header: t('partners.code'), render: (f) => f.lab.code },
            { key: 'name', header: t('organisations.name'), render: (f) => localized(f.lab.name, locale) },
            {
              key: 'funded',
              header: t('partners.fundedByPartner'),
              render: (f) => formatTenge(f.fundedByPartnerTiyn, locale),
            },
          ]}
        />
      </Section>
      <Section title={t('partners.fundedEquipment')}>
        <SimpleTable
          caption={t('partners.fundedEquipment')}
          rows={o.fundedEquipment}
          rowKey={(f) => f.equipment.id}
          columns={[
            { key: 'inv', header: t('partners.code'), render: (f) => f.equipment.inventoryNumber },
            {
              key: 'name',
              header: t('organisations.name'),
              render: (f) => localized(f.equipment.name, locale),
            },
            {
              key: 'funded',
              header: t('partners.fundedByPartner'),
              render: (f) => formatTenge(f.fundedByPartnerTiyn, locale),
            },
          ]}
        />
      </Section>

      <ContactsSection overview={o} />
      <JointProgrammesSection overview={o} />
    </Stack>
  );
}
