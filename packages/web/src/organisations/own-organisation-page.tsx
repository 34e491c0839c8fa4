import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useOrganisation } from '../api/resources';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { currentLocale, localized } from '../i18n';
import { OrganisationDetails } from './organisation-details';

/** For partners, mentors and students: their own organisation, read-only. */
export function OwnOrganisationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organisation = useOrganisation(me?.organisationId);
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {organisation.data ? localized(organisation.data.name, currentLocale()) : t('nav.organisation')}
      </Title>
      <Text c="dimmed">{t('organisations.ownIntro')}</Text>
      {organisation.error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, organisation.error)}
        </Alert>
      ) : null}
      {organisation.isLoading ? <PageLoader /> : null}
      {organisation.data ? (
        <Card withBorder padding="lg">
          <OrganisationDetails organisation={organisation.data} />
        </Card>
      ) : null}
    </Stack>
  );
}
