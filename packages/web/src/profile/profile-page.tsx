import { Card, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { ApiTokensCard } from './api-tokens-card';
import { ChangePasswordCard } from './change-password-card';

/** The profile page: who I am, my password and my personal API tokens. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;
  const rows: [string, string][] = [
    [t('users.fullName'), me.fullName],
    [t('users.email'), me.email],
    [t('users.role'), t(`roles.${me.role}`)],
    [t('users.organisation'), me.organisationName],
  ];
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('profile.account')}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={160}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <ChangePasswordCard />
      </SimpleGrid>
      <ApiTokensCard />
    </Stack>
  );
}
