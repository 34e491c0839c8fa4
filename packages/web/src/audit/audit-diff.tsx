import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffSnapshots } from './diff-snapshots';

/**
 * The before/after diff of one audit entry. For an update, changed fields are highlighted and come
 * first; a creation shows only "after" and a deletion only "before".
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffSnapshots(before, after);
  if (rows.length === 0) return <Text c="dimmed">{t('audit.noSnapshot')}</Text>;
  const showBefore = before !== null && before !== undefined;
  const showAfter = after !== null && after !== undefined;
  const isUpdate = showBefore && showAfter;
  const value = (text: string | undefined) =>
    text === undefined ? <Text c="dimmed">—</Text> : <Code>{text}</Code>;
  return (
    <Table withTableBorder withColumnBorders fz="sm" data-testid="audit-diff">
      <caption className="visually-hidden-caption">{t('audit.diffCaption')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={220}>{t('audit.field')}</Table.Th>
          {showBefore ? <Table.Th>{t('audit.before')}</Table.Th> : null}
          {showAfter ? <Table.Th>{t('audit.after')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const changed = isUpdate && row.changed;
          return (
            <Table.Tr key={row.field} className={changed ? 'diff-changed' : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Code>{row.field}</Code>{' '}
                {changed ? (
                  <Badge size="xs" color="yellow" variant="filled" c="dark">
                    {t('audit.changed')}
                  </Badge>
                ) : null}
              </Table.Td>
              {showBefore ? (
                <Table.Td style={{ wordBreak: 'break-word' }}>{value(row.before)}</Table.Td>
              ) : null}
              {showAfter ? <Table.Td style={{ wordBreak: 'break-word' }}>{value(row.after)}</Table.Td> : null}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
