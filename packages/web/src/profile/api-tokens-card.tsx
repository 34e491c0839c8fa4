import { type ApiToken, createTokenBodySchema } from '@kadr/contracts';
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

/** Personal API tokens: list, create (the secret shown once) and revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const form = useSchemaForm({
    opened: true,
    init: (): { name: string; days: number | string } => ({ name: '', days: '' }),
    schema: createTokenBodySchema,
    body: (d) => ({ name: d.name, expiresInDays: d.days === '' ? undefined : Number(d.days) }),
    onOpen: create.reset,
    serverError: create.error,
  });

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validBody();
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
        <form onSubmit={onCreate} noValidate>
          <Group align="flex-end">
            <TextInput label={t('tokens.name')} required {...form.field('name')} maxLength={100} />
            <NumberInput
              label={t('tokens.expiresInDays')}
              placeholder={t('tokens.never')}
              title={t('tokens.expiresHint')}
              min={1}
              max={3650}
              allowDecimal={false}
              hideControls
              {...form.field('days', 'expiresInDays')}
              w={200}
            />
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
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder>
            <caption className="visually-hidden-caption">{t('tokens.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.prefix')}</Table.Th>
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
                  <Table.Td colSpan={7}>
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
