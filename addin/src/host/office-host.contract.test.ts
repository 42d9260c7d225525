import { SEVERITY_FILL } from "@xueji/theme/severity";
import { type MockCell, MockWorkbook } from "../../test/mock-excel";
import { CONTRACT_PREFIX, describeHostContract, type SeedCell } from "./host-contract";
import { OfficeHost } from "./office-host";

/** The Office.js host on the Excel mock at ExcelApi 1.10 (messages as comments, as in WPS). */
describeHostContract("OfficeHost on the Excel mock (ExcelApi 1.10)", (sheet, cells) => {
  const book = new MockWorkbook(sheet, "1.10");
  for (const [address, seed] of Object.entries(cells)) {
    const cell: MockCell = seed.error ? { value: seed.error, type: "error" } : { value: seed.value ?? null, type: typeOf(seed) };
    if (seed.format) cell.format = seed.format;
    if (seed.fill) cell.fill = seed.fill;
    if (seed.formula) cell.formula = seed.formula;
    book.set(address, cell);
    if (seed.comment) book.comment(address, seed.comment);
  }
  let refusal: string | null = null;
  const api = book.api();
  const host = new OfficeHost(
    {
      run: (batch) => (refusal ? Promise.reject(new Error(refusal)) : api.run(batch)),
      isSetSupported: api.isSetSupported,
    },
    { fills: SEVERITY_FILL, notePrefix: CONTRACT_PREFIX },
  );
  return {
    host,
    fill: (address) => book.fillOf(address)?.toUpperCase() ?? null,
    comment: (address) => book.cells.get(address)?.comment?.content ?? null,
    // The mock has one grid: a sheet added is written over it.
    value: (address) => book.cells.get(address)?.value ?? null,
    format: (address) => book.cells.get(address)?.format,
    selected: () => book.selected,
    sheetNames: () => [sheet, ...book.sheetsAdded],
    editComment(address, text) {
      const cell = book.cells.get(address) as MockCell;
      book.set(address, { ...cell, comment: { ...(cell.comment as NonNullable<MockCell["comment"]>), content: text } });
    },
    edit: (address, value) => book.set(address, { ...book.cells.get(address), value, type: "string" }),
    refuse(message) {
      refusal = message;
      return message;
    },
  };
});

function typeOf(seed: SeedCell): MockCell["type"] {
  if (seed.value === undefined) return "empty";
  return typeof seed.value === "number" ? "number" : typeof seed.value === "boolean" ? "boolean" : "string";
}
