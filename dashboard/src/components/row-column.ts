import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";

/**
 * A `VirtualTable` column that shows what `cell` makes of the whole row. Not sortable: these lists come ordered
 * from the server a page at a time, so sorting the rows loaded so far would mislead.
 */
export function rowColumn<T>(id: string, header: string, size: number, cell: (row: T) => ReactNode): ColumnDef<T, unknown> {
  return { id, header, size, enableSorting: false, accessorFn: (row) => row, cell: ({ row }) => cell(row.original) };
}
