import { SEVERITY_FILL } from "@xueji/theme/severity";
import { createWpsDouble, type DoubleCell } from "../../test/wps-double";
import { CONTRACT_PREFIX, describeHostContract } from "../host/host-contract";
import { bgr, hexOf, type WpsApplication, WpsHost } from "./wps-host";

/** The WPS host on the WPS double: the same cases the Office.js host passes. */
describeHostContract("WpsHost on the WPS double", (sheet, cells) => {
  const seeded: Record<string, DoubleCell> = {};
  for (const [address, seed] of Object.entries(cells)) {
    const cell: DoubleCell = {};
    if (seed.error) cell.error = seed.error;
    else if (seed.value !== undefined) cell.value = seed.value;
    if (seed.format) cell.format = seed.format;
    if (seed.fill) cell.fill = bgr(seed.fill);
    if (seed.formula) cell.formula = seed.formula;
    if (seed.comment) cell.comment = seed.comment;
    seeded[address] = cell;
  }
  const wps = createWpsDouble({ sheets: [{ name: sheet, cells: seeded }] });
  const host = new WpsHost(wps.application as unknown as WpsApplication, { fills: SEVERITY_FILL, notePrefix: CONTRACT_PREFIX });
  return {
    host,
    fill: (address) => {
      const fill = wps.cell(address, sheet).fill;
      return fill === undefined ? null : hexOf(fill);
    },
    comment: (address) => wps.cell(address, sheet).comment ?? null,
    value: (address, other) => wps.cell(address, other ?? sheet).value ?? null,
    format: (address) => wps.cell(address, sheet).format,
    selected: () => wps.selected?.address ?? null,
    sheetNames: () => wps.sheetNames(),
    editComment: (address, text) => wps.set(address, { ...wps.cell(address, sheet), comment: text }, sheet),
    edit: (address, value) => wps.set(address, { ...wps.cell(address, sheet), value }, sheet),
    refuse: (message) => {
      wps.protect(message, sheet);
      return message;
    },
  };
});
