import type { ErrorIssue } from '@kadr/contracts/errors';
import { Alert, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './error-text';
import { serverIssueText } from './issue-text';

/** Props of {@link ImportRefusal}. */
export interface ImportRefusalProps {
  /** The upload's error, if it failed. */
  error: Error | null;
  /** The columns that say where each issue is (row and column of a file, or a path), before the reason. */
  where: { heading: string; cell: (issue: ErrorIssue) => ReactNode }[];
  /** Test ids: `${testId}-error` on the message, `${testId}-issues` on the table. */
  testId: string;
}

/**
 * Why an import was refused: the error's message, then a table of every issue the server named, where it is and
 * the reason in the reader's language. Nothing when the upload did not fail.
 */
export function ImportRefusal({ error, where, testId }: ImportRefusalProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <>
      <Alert color="red" role="alert" data-testid={`${testId}-error`}>
        {errorMessage(t, error)}
      </Alert>
      {issues.length > 0 ? (
        <Table striped data-testid={`${testId}-issues`}>
          <caption className="visually-hidden-caption">{t('imports.issues')}</caption>
          <Table.Thead>
            <Table.Tr>
              {where.map((column) => (
                <Table.Th key={column.heading} scope="col">
                  {column.heading}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('imports.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
              <Table.Tr key={index}>
                {where.map((column) => (
                  <Table.Td key={column.heading}>{column.cell(issue)}</Table.Td>
                ))}
                <Table.Td>{serverIssueText(t, issue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
