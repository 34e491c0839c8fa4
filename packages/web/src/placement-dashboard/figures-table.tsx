import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A right-aligned column of {@link FiguresTable}: its header and the figure of a row. */
export interface FigureColumn<F> {
  key: string;
  header: string;
  cell: (row: F) => ReactNode;
}

/** Props of {@link FiguresTable}. */
export interface FiguresTableProps<F, T extends F> {
  caption: string;
  testId: string;
  /** The first column: what each row counts (a programme, a partner, an area). */
  label: { header: string; cell: (row: T) => ReactNode };
  figures: FigureColumn<F>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** The line shown in place of rows when there are none; without it, an empty body. */
  empty?: string;
  /** A last row in bold: its label and the figures of the whole. */
  total?: { label: string; figures: F };
  /** Space above the table, where a chart stands over it. */
  mt?: string;
}

/** A table of the placement dashboard: a label column, then figures aligned right (the chart's data beside it). */
export function FiguresTable<F, T extends F>(props: FiguresTableProps<F, T>) {
  const { label, figures, total } = props;
  return (
    <Table withTableBorder mt={props.mt} data-testid={props.testId}>
      <caption className="visually-hidden-caption">{props.caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label.header}</Table.Th>
          {figures.map((f) => (
            <Table.Th key={f.key} ta="right">
              {f.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.length === 0 && props.empty !== undefined ? (
          <Table.Tr>
            <Table.Td colSpan={figures.length + 1}>{props.empty}</Table.Td>
          </Table.Tr>
        ) : (
          props.rows.map((row) => (
            <Table.Tr key={props.rowKey(row)}>
              <Table.Td>{label.cell(row)}</Table.Td>
              {figures.map((f) => (
                <Table.Td key={f.key} ta="right">
                  {f.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))
        )}
        {total ? (
          <Table.Tr fw={700}>
            <Table.Td>{total.label}</Table.Td>
            {figures.map((f) => (
              <Table.Td key={f.key} ta="right">
                {f.cell(total.figures)}
              </Table.Td>
            ))}
          </Table.Tr>
        ) : null}
      </Table.Tbody>
    </Table>
  );
}
