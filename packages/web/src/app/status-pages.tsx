import { Alert, Button, Center, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../components/error-text';

/** Shown while a lazily loaded page or the session check is pending. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      {/* The spinner is a <span>, which may not carry a label: the status region says it in words. */}
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}

/** Shown for an address that no route matches. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl" component="main">
      <Stack align="center">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text>{t('app.notFoundText')}</Text>
        <Button component={Link} to="/">
          {t('app.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Shown when a route fails to load (for example, a lazy chunk that cannot be fetched). */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('app.errorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text>{errorMessage(t, error)}</Text>
        <Button variant="light" color="red" onClick={reset}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
