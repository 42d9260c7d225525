import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, type TableRowProps } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** A column: its label in the header and how a row's value in it reads. */
export interface LabelValueColumn<T> {
  id: string;
  label: ReactNode;
  value: (row: T) => ReactNode;
  /** For the column's header and value cells (a width, no wrapping). */
  className?: string;
}

/** What a row may add: selection, a click or key to open it, a test id. */
export type LabelValueRowProps = Pick<TableRowProps, "className" | "onClick" | "onKeyDown" | "tabIndex" | "aria-selected"> & {
  "data-testid"?: string;
};

/**
 * The dashboard's small table: labelled columns over the few rows of a card, a dialog or a short list
 * (a student's history, before/after of a change, a bulk batch's outcomes, accounts). Not virtualised —
 * a list that can run to thousands of rows belongs in `VirtualTable`. A column given as `false` is left
 * out, so a column shown only to some roles is written inline.
 */
export function LabelValueTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowProps,
  className,
}: {
  /** The table's accessible name. */
  label: string;
  columns: ReadonlyArray<LabelValueColumn<T> | false>;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  rowProps?: (row: T) => LabelValueRowProps;
  className?: string;
}) {
  const shown = columns.filter((c): c is LabelValueColumn<T> => c !== false);
  return (
    <Table size="small" aria-label={label} className={className}>
      <TableHeader>
        <TableRow>
          {shown.map((c) => (
            <TableHeaderCell key={c.id} className={c.className}>
              {c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={rowKey(row, i)} {...rowProps?.(row)}>
            {shown.map((c) => (
              <TableCell key={c.id} className={c.className}>
                {c.value(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
