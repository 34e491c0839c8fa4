import type { Me } from '@kadr/contracts';
import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  MantineThemeProvider,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../api/auth';
import { applyLocale } from '../i18n';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './navigation';
import { notificationTheme } from './theme';

/** Name, role and organisation of the signed-in user. */
function UserSummary({ me, stacked }: { me: Me; stacked?: boolean }) {
  const { t } = useTranslation();
  const Wrapper = stacked ? Stack : Group;
  return (
    <Wrapper gap={stacked ? 4 : 'xs'} data-testid="user-summary">
      <Text fw={600} size="sm">
        {me.fullName}
      </Text>
      <Badge variant="light" size="sm" data-testid="user-role">
        {t(`roles.${me.role}`)}
      </Badge>
      <Text size="sm" c="dimmed" maw={stacked ? undefined : 260} truncate="end" title={me.organisationName}>
        {me.organisationName}
      </Text>
    </Wrapper>
  );
}

/** The sidebar: the entries of the user's role (see navigation.ts). */
function Navigation({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Stack gap={2} data-testid="nav-items">
      {navItemsFor(me.role).map((item) => {
        const active = item.path === '/' ? pathname === '/' : pathname.startsWith(item.path);
        return (
          <NavLink
            key={item.id}
            component={Link}
            to={item.path}
            label={t(item.labelKey)}
            leftSection={<item.icon size={18} stroke={1.6} aria-hidden="true" />}
            active={active}
            aria-current={active ? 'page' : undefined}
            data-nav={item.id}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}

/**
 * The signed-in frame: header (product, user, language, sign-out), role-based sidebar that
 * collapses behind a burger on small screens, and the page in <main>.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const closeLabel = t('app.closeNotification');
  const closeNamed = useMemo(() => notificationTheme(closeLabel), [closeLabel]);

  // The user's saved language wins once per session (sign-in or reload). Later switches are applied
  // at once by the switch itself; following every saved answer would undo quick successive clicks.
  const userId = me?.id;
  const savedLocale = useRef(me?.locale);
  savedLocale.current = me?.locale;
  useEffect(() => {
    if (userId !== undefined && savedLocale.current) void applyLocale(savedLocale.current);
  }, [userId]);

  if (!me) return null;

  const onSignOut = () =>
    signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in', search: {} }) });

  return (
    <>
      {/* Here rather than at the root: only signed-in pages show notifications, so the sign-in page loads less. */}
      <MantineThemeProvider theme={closeNamed}>
        <Notifications position="top-right" />
      </MantineThemeProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.toggleNavigation')}
                aria-expanded={opened}
                aria-controls="app-navigation"
              />
              <Anchor component={Link} to="/" underline="never" c="inherit">
                <Title order={2} size="h3" c="blue.9">
                  Kadr
                </Title>
              </Anchor>
            </Group>
            <Group gap="md" wrap="nowrap">
              <Group visibleFrom="md">
                <UserSummary me={me} />
              </Group>
              <LanguageSwitch />
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLogout size={16} aria-hidden="true" />}
                onClick={onSignOut}
                loading={signOut.isPending}
                data-testid="sign-out"
                aria-label={t('app.signOut')}
              >
                <Text span size="xs" visibleFrom="xs" fw={600}>
                  {t('app.signOut')}
                </Text>
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="app-navigation" aria-label={t('nav.label')}>
          <AppShell.Section hiddenFrom="md" mb="md">
            <UserSummary me={me} stacked />
          </AppShell.Section>
          {/* Scrolls when the entries outgrow the window (an admin's list on a laptop screen). */}
          <AppShell.Section grow style={{ overflowY: 'auto', minHeight: 0 }}>
            <Navigation me={me} onNavigate={close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
