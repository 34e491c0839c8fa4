import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { PageLoader } from '../app/status-pages';
import { navItemsFor } from '../app/navigation';
import { AttentionCard } from './attention-card';

const UsersByRoleCard = lazy(() => import('./users-by-role-card'));
const OverdueMilestonesCard = lazy(() => import('./overdue-milestones-card'));

/** The home page: a welcome that says what the user's role does in Kadr and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;
  const shortcuts = navItemsFor(me.role).filter((item) => item.id !== 'home');

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2" data-testid="home-title">
          {t('home.welcome', { name: me.fullName })}
        </Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light">{t(`roles.${me.role}`)}</Badge>
          <Text c="dimmed" size="sm">
            {me.organisationName}
          </Text>
        </Group>
      </div>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          {t('home.roleTitle')}
        </Title>
        <Text data-testid="role-about">{t(`roleAbout.${me.role}`)}</Text>
      </Card>
      <Suspense fallback={null}>
        <OverdueMilestonesCard />
      </Suspense>
      {shortcuts.some((item) => item.id === 'agreements') ? <AttentionCard /> : null}
      <section aria-labelledby="shortcuts-title">
        <Title order={2} size="h4" mb="sm" id="shortcuts-title">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {shortcuts.map((item) => (
            <UnstyledButton key={item.id} component={Link} to={item.path}>
              <Card withBorder padding="md" h="100%">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <item.icon
                    size={28}
                    stroke={1.5}
                    aria-hidden="true"
                    color="var(--mantine-color-blue-8)"
                    style={{ flexShrink: 0 }}
                  />
                  <div>
                    <Text fw={600}>{t(item.labelKey)}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`navAbout.${item.id}`)}
                    </Text>
                  </div>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </section>
      {me.role === 'admin' ? (
        <Suspense fallback={<PageLoader />}>
          <UsersByRoleCard />
        </Suspense>
      ) : null}
    </Stack>
  );
}
