import { type Cell, type GridRow, toWire } from "@xueji/shared";
import { describe, expect, it } from "vitest";
import { clientIdFor } from "../check/client-id";
import type { Api } from "./client";
import { submitSheet, validateSheet } from "./sheets";

const text = (value: string): Cell => ({ value, type: "string" });

/** As Excel mode reads a used range that reaches 300 columns past the data: holes after the last value. */
function wide(): GridRow[] {
  const header: Array<Cell | undefined> = new Array(304);
  header[1] = text("学号");
  header[3] = text("姓名");
  const row: Array<Cell | undefined> = new Array(304);
  row[1] = text("2025010001");
  row[3] = text("张三");
  return [
    { row: 1, cells: header },
    { row: 2, cells: row },
  ];
}

describe("the grid as the pane sends it", () => {
  it("leaves off a row's 300 trailing empty cells, keeping the empty ones before the last value in place", () => {
    expect(toWire(wide())).toEqual([
      { row: 1, cells: [null, text("学号"), null, text("姓名")] },
      { row: 2, cells: [null, text("2025010001"), null, text("张三")] },
    ]);
    expect(toWire([{ row: 5, cells: [undefined, undefined] }])).toEqual([{ row: 5, cells: [] }]);
  });

  it("sends sheets.validate and sheets.submit the trimmed grid", async () => {
    const sent: unknown[] = [];
    // Records what the tRPC client would put on the wire (the payload is the subject, not the server).
    const api = {
      sheets: { validate: { mutate: async (i: unknown) => sent.push(i) }, submit: { mutate: async (i: unknown) => sent.push(i) } },
    };
    const sheet = { termCode: "2026-2027-1", fileName: "名单", grid: wide() };
    await validateSheet(api as unknown as Api, sheet);
    await submitSheet(api as unknown as Api, { ...sheet, clientId: "pane-x" });
    for (const input of sent) {
      const { grid } = input as { grid: Array<{ cells: unknown[] }> };
      expect(grid.map((r) => r.cells.length)).toEqual([4, 4]);
      expect(JSON.stringify(input).length).toBeLessThan(400);
    }
  });

  it("gives the same client id to the same visible content, however far the used range reaches", async () => {
    const trimmed: GridRow[] = toWire(wide()).map((r) => ({ row: r.row, cells: r.cells.map((c) => c ?? undefined) }));
    const id = await clientIdFor(wide(), "2026-2027-1", "roster-new");
    expect(await clientIdFor(trimmed, "2026-2027-1", "roster-new")).toBe(id);
    // Another value is another submission.
    const changed = wide();
    const cells = [...(changed[1] as GridRow).cells];
    cells[300] = text("备注");
    changed[1] = { row: 2, cells };
    expect(await clientIdFor(changed, "2026-2027-1", "roster-new")).not.toBe(id);
  });
});
