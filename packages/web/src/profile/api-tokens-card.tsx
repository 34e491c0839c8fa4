import type { ApiToken, TokenScope } from '@kadr/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreatedToken, useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/auth';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '@kadr/contracts/vocabularies';
import { lazySchema, useLazySchema } from '../components/lazy-schema';
import { useSchemaForm } from '../components/use-schema-form';
import { currentLocale } from '../i18n';

function tokenStatus(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) < Date.now()) return 'expired';
  return 'active';
}

/** Shows a newly created token's secret once, with a copy button. */
function SecretModal({ created, onClose }: { created: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={created !== null} onClose={onClose} title={t('tokens.createdTitle')} size="lg">
      {created ? (
        <Stack>
          <Alert color="yellow">{t('tokens.shownOnce')}</Alert>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
            {created.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** What the create form holds: the expiry stays a string while the field is empty. */
// The contract's schema, with zod, loads when the person first types or submits (ADR 0019).
const loadSchema = lazySchema(() => import('@kadr/contracts/auth').then((m) => m.createTokenBodySchema));

type TokenDraft = { name: string; scope: TokenScope; days: number | string; password: string };

/** Personal API tokens: list, create (the secret shown once) and revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const lazy = useLazySchema(loadSchema);
  const form = useSchemaForm({
    opened: true,
    init: (): TokenDraft => ({ name: '', scope: 'read', days: TOKEN_DEFAULT_DAYS, password: '' }),
    schema: lazy.schema,
    body: (d) => ({
      name: d.name,
      scope: d.scope,
      expiresInDays: d.days === '' ? undefined : Number(d.days),
      password: d.password,
    }),
    onOpen: create.reset,
    serverError: create.error,
  });

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const schema = await lazy.ensure();
    const body = schema && form.validBody(schema);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (token) => {
        setCreated(token);
        form.reset();
      },
    });
  };

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tokens.intro')}
        </Text>
        <form onSubmit={onCreate} onInput={lazy.onInput} noValidate>
          <Group align="flex-end">
            <TextInput label={t('tokens.name')} required {...form.field('name')} maxLength={100} />
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresHint')}
              required
              min={1}
              max={TOKEN_MAX_DAYS}
              allowDecimal={false}
              hideControls
              {...form.field('days', 'expiresInDays')}
              w={200}
            />
            <PasswordInput
              label={t('tokens.password')}
              description={t('tokens.passwordHint')}
              required
              autoComplete="current-password"
              value={form.draft.password}
              onChange={(e) => form.set('password', e.currentTarget.value)}
              error={form.error('password')}
              w={240}
            />
          </Group>
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={500} id="token-scope-label">
              {t('tokens.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="token-scope-label"
              value={form.draft.scope}
              onChange={(value) => form.set('scope', value as TokenScope)}
              data={[
                { value: 'read', label: t('tokens.scopeRead') },
                { value: 'read-write', label: t('tokens.scopeReadWrite') },
              ]}
              w="fit-content"
            />
            <Text size="xs" c="dimmed">
              {t('tokens.scopeHint')}
            </Text>
          </Stack>
          <Group mt="sm">
            <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} />}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        {create.error || revoke.error || tokens.error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, create.error ?? revoke.error ?? tokens.error)}
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder>
            <caption className="visually-hidden-caption">{t('tokens.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.prefix')}</Table.Th>
                <Table.Th>{t('tokens.scope')}</Table.Th>
                <Table.Th>{t('tokens.createdAt')}</Table.Th>
                <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                <Table.Th>{t('tokens.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tokens.data ?? []).map((token) => {
                const status = tokenStatus(token);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      {t(token.scope === 'read' ? 'tokens.scopeRead' : 'tokens.scopeReadWrite')}
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt, locale)}</Table.Td>
                    <Table.Td>
                      {token.expiresAt ? formatDateTime(token.expiresAt, locale) : t('tokens.never')}
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.lastUsedAt, locale)}</Table.Td>
                    <Table.Td>
                      <Badge color={status === 'active' ? 'green' : 'gray'} variant="light">
                        {t(`tokens.${status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {status === 'active' ? (
                        <Button size="xs" variant="light" color="red" onClick={() => setToRevoke(token)}>
                          {t('tokens.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {tokens.data?.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center">
                      {t('tokens.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <SecretModal created={created} onClose={() => setCreated(null)} />
      <Modal opened={toRevoke !== null} onClose={() => setToRevoke(null)} title={t('tokens.revokeTitle')}>
        <Stack>
          <Text>{t('tokens.revokeConfirm', { name: toRevoke?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToRevoke(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => toRevoke && revoke.mutate(toRevoke.id, { onSuccess: () => setToRevoke(null) })}
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
