import type { loginBodySchema } from '@kadr/contracts/sign-in';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignIn } from '../api/auth';
import { LanguageSwitch } from '../app/language-switch';
import { errorMessage } from '../components/error-text';
import { useSchemaForm } from '../components/use-schema-form';
import { applyLocale } from '../i18n';

type LoginSchema = typeof loginBodySchema;
let loading: Promise<LoginSchema> | undefined;

/**
 * The sign-in body's schema, with zod (about 27 kB gzip): loaded when the visitor first types or submits,
 * not with the page, which paints without it (ADR 0014).
 */
function loadLoginSchema(): Promise<LoginSchema> {
  loading ??= import('@kadr/contracts/sign-in').then((m) => m.loginBodySchema);
  return loading;
}

/** The sign-in page: email and password; API errors are shown translated by their code. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const signIn = useSignIn();
  const [schema, setSchema] = useState<LoginSchema>();
  // Wrong credentials are not a field's fault: the alert above the fields says so.
  const form = useSchemaForm<{ email: string; password: string }, LoginSchema>({
    opened: true,
    init: () => ({ email: '', password: '' }),
    schema,
    body: (d) => d,
    onOpen: () => undefined,
    serverError: undefined,
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const loaded = await loadLoginSchema();
    setSchema(() => loaded);
    const body = form.validBody(loaded);
    if (!body) return;
    signIn.mutate(body, {
      onSuccess: async (me) => {
        await applyLocale(me.locale);
        await navigate({ to: search.redirect ?? '/' });
      },
    });
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" c="blue.9">
            Kadr
          </Title>
          <LanguageSwitch size="sm" />
        </Group>
      </Box>
      <Container size={440} component="main" id="main" py="xl">
        <Title order={1} ta="center" size="h2">
          {t('signIn.title')}
        </Title>
        <Text ta="center" c="dimmed" mt={6}>
          {t('app.tagline')}
        </Text>
        <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
          <form
            onSubmit={onSubmit}
            onInput={() => void loadLoginSchema()}
            noValidate
            aria-labelledby="sign-in-title"
          >
            <Stack>
              <Text id="sign-in-title" fw={600}>
                {t('signIn.subtitle')}
              </Text>
              {signIn.error ? (
                <Alert
                  color="red"
                  icon={<IconAlertCircle aria-hidden="true" />}
                  role="alert"
                  data-testid="sign-in-error"
                >
                  {errorMessage(t, signIn.error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('signIn.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                {...form.field('email')}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                {...form.field('password')}
              />
              <Button type="submit" fullWidth loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Box>
  );
}
