/*
 * TEST DOUBLE of Excel for the end-to-end test — not Office.js. Served in place of Microsoft's
 * office.js so the real task pane (and its real OfficeHost) runs against an in-page worksheet.
 * It implements only what OfficeHost calls, with ExcelApi 1.9 light-ups (RangeAreas, screen
 * updating) and no notes (1.18) — or, seeded with `apiSet: [1, 10]`, comment threads too — and
 * draws the worksheet on the left of the page so screenshots show the cells beside the pane. The
 * test reads `window.__excelDouble` to see fills, values, comments and the selection, and replies
 * to a comment through it as the secretary would.
 */
(() => {
  const seed = window.__doubleSeed ?? { name: "Sheet1", cells: {} };
  const model = { name: seed.name, cells: new Map(Object.entries(seed.cells)), selected: null, syncs: 0, changed: new Set() };
  const API_SET = seed.apiSet ?? [1, 9];
  let commentIds = 0;

  const colIndex = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const colLetter = (index) => {
    let n = index + 1;
    let out = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      out = String.fromCharCode(65 + rem) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  };
  const parse = (a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a.replace(/^.*!/, "").replaceAll("$", ""));
    return { col: colIndex(m[1]), row: Number(m[2]) };
  };
  const bounds = (address) => {
    const [from, to = from] = address.replace(/^.*!/, "").split(":");
    const a = parse(from);
    const b = parse(to);
    return { r0: a.row, r1: b.row, c0: a.col, c1: b.col };
  };
  const cellsIn = (address) => {
    const { r0, r1, c0, c1 } = bounds(address);
    const out = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(`${colLetter(c)}${r}`);
    return out;
  };
  const cell = (a) => model.cells.get(a) ?? { value: null, type: "empty" };
  const put = (a, change) => model.cells.set(a, { ...cell(a), ...change });
  const serial = (iso) =>
    Math.round((Date.UTC(...iso.split("-").map((n, i) => Number(n) - (i === 1 ? 1 : 0))) - Date.UTC(1899, 11, 30)) / 86400000);

  /** What Excel does with a typed value: text stays text in a text cell; numbers and dates become numbers. */
  const typed = (a, value) => {
    const format = cell(a).format;
    if (value === "" || value === null) return { value: null, type: "empty" };
    if (typeof value !== "string") return { value, type: typeof value === "boolean" ? "boolean" : "number" };
    if (format === "@") return { value, type: "string" };
    if (/^\d{4}-\d{2}-\d{2}$/.test(value))
      return { value: serial(value), type: "number", format: format && format !== "General" ? format : "yyyy-mm-dd" };
    if (/^-?\d{1,15}(\.\d+)?$/.test(value)) return { value: Number(value), type: "number" };
    return { value, type: "string" };
  };

  let queue = [];
  const later = (fn) => queue.push(fn);

  function fillOf(addresses) {
    return {
      load() {},
      get color() {
        return cell(addresses[0]).fill ?? "#FFFFFF";
      },
      set color(colour) {
        later(() => {
          for (const a of addresses) put(a, { fill: colour.toUpperCase() });
        });
      },
      clear() {
        later(() => {
          for (const a of addresses) put(a, { fill: null });
        });
      },
    };
  }

  function range(address) {
    const { r0, r1, c0, c1 } = bounds(address);
    const grid = (pick) => {
      const rows = [];
      for (let r = r0; r <= r1; r++) {
        const line = [];
        for (let c = c0; c <= c1; c++) line.push(pick(cell(`${colLetter(c)}${r}`)));
        rows.push(line);
      }
      return rows;
    };
    const TYPES = { string: "String", number: "Double", boolean: "Boolean", empty: "Empty", error: "Error" };
    return {
      address: `${model.name}!${address}`,
      load() {},
      get values() {
        return grid((x) => x.value ?? "");
      },
      set values(rows) {
        later(() => {
          rows.forEach((line, i) => {
            line.forEach((v, j) => {
              const a = `${colLetter(c0 + j)}${r0 + i}`;
              // A value written over a formula replaces it, as in Excel.
              put(a, { ...typed(a, v), formula: undefined });
            });
          });
        });
      },
      // Range.formulas (ExcelApi 1.1): a constant reads back as its value, a formula as its text.
      get formulas() {
        return grid((x) => x.formula ?? x.value ?? "");
      },
      get valueTypes() {
        return grid((x) => TYPES[x.type] ?? "String");
      },
      get numberFormat() {
        return grid((x) => x.format ?? "General");
      },
      set numberFormat(rows) {
        later(() => {
          rows.forEach((line, i) => {
            line.forEach((f, j) => {
              put(`${colLetter(c0 + j)}${r0 + i}`, { format: f });
            });
          });
        });
      },
      format: { fill: fillOf(cellsIn(address)), font: {}, autofitColumns() {} },
      dataValidation: {},
      select() {
        later(() => {
          model.selected = address;
        });
      },
    };
  }

  function worksheet() {
    return {
      name: model.name,
      load() {},
      activate() {},
      getUsedRange() {
        let r1 = 1;
        let c1 = 0;
        for (const [a, x] of model.cells) {
          if (x.value === null) continue;
          const p = parse(a);
          r1 = Math.max(r1, p.row);
          c1 = Math.max(c1, p.col);
        }
        return { address: `${model.name}!A1:${colLetter(c1)}${r1}`, load() {} };
      },
      getRange: range,
      /** ExcelApi 1.7: handlers called when the secretary edits a cell (`__excelDouble.edit`). */
      onChanged: {
        add(handler) {
          model.changed.add(handler);
          return { remove: () => model.changed.delete(handler), context };
        },
      },
      getRanges(list) {
        return { format: { fill: fillOf(list.split(",").flatMap(cellsIn)) } };
      },
      comments: comments(),
    };
  }

  /** Comment threads (ExcelApi 1.10): one per cell, each with its replies; read live after a sync. */
  function comments() {
    const where = (id) => [...model.cells].find(([, x]) => x.comment?.id === id)?.[0];
    const thread = (a) => {
      const { id, content, replies } = cell(a).comment;
      return {
        id,
        content,
        replies: { items: replies.map((text, i) => ({ id: `${id}-${i}`, content: text })) },
        getLocation: () => ({ load() {}, address: `'${model.name}'!$${a.replace(/(\d+)$/, "$$$1")}` }),
        delete: () => later(() => put(where(id), { comment: undefined })),
      };
    };
    return {
      load() {},
      get items() {
        return [...model.cells].filter(([, x]) => x.comment).map(([a]) => thread(a));
      },
      add(address, content) {
        const a = address.replace(/^.*!/, "");
        const id = `c${++commentIds}`;
        later(() => {
          if (cell(a).comment) throw new Error(`InvalidArgument: ${a} already has a comment`);
          put(a, { comment: { id, content, replies: [] } });
        });
        return { load() {}, id };
      },
      getItem: (id) => ({
        set content(content) {
          later(() => put(where(id), { comment: { ...cell(where(id)).comment, content } }));
        },
        delete: () => later(() => put(where(id), { comment: undefined })),
      }),
    };
  }

  const context = {
    workbook: {
      worksheets: {
        getActiveWorksheet: worksheet,
        getItem: worksheet,
        add() {
          return worksheet();
        },
        load() {},
        items: [],
      },
    },
    application: { suspendScreenUpdatingUntilNextSync() {} },
    async sync() {
      model.syncs++;
      const run = queue;
      queue = [];
      for (const fn of run) fn();
      draw();
    },
  };

  window.Excel = { run: (batch) => batch(context) };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: seed.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported(name, version) {
          const [a, b] = version.split(".").map(Number);
          return name === "ExcelApi" && (a < API_SET[0] || (a === API_SET[0] && b <= API_SET[1]));
        },
      },
    },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  };
  window.__excelDouble = {
    cells: () => Object.fromEntries(model.cells),
    selected: () => model.selected,
    syncs: () => model.syncs,
    /** She types a value into a cell: it changes as Excel would store it, and onChanged fires. */
    edit(address, value) {
      put(address, typed(address, value));
      draw();
      for (const handler of model.changed)
        void handler({ address: `${model.name}!${address}`, changeType: "RangeEdited", source: "Local" });
    },
    reply(address, text) {
      const { comment } = cell(address);
      put(address, { comment: { ...comment, replies: [...comment.replies, text] } });
      draw();
    },
  };

  /** The worksheet, drawn on the left like Excel beside its task pane (first 30 rows). */
  function draw() {
    let view = document.getElementById("excel-double");
    if (!view) {
      if (!document.body) return;
      view = document.createElement("div");
      view.id = "excel-double";
      view.setAttribute("aria-hidden", "true");
      view.style.cssText =
        "position:fixed;left:0;top:0;bottom:0;width:760px;overflow:auto;background:#fff;border-right:2px solid #bbb;font:12px 'Noto Sans CJK SC',sans-serif";
      document.body.prepend(view);
      document.body.style.marginLeft = "762px";
    }
    let maxCol = 0;
    for (const a of model.cells.keys()) maxCol = Math.max(maxCol, parse(a).col);
    const rows = [];
    const head = ["<th></th>"];
    for (let c = 0; c <= maxCol; c++) head.push(`<th style="background:#f3f3f3;border:1px solid #ddd">${colLetter(c)}</th>`);
    rows.push(`<tr>${head.join("")}</tr>`);
    for (let r = 1; r <= 30; r++) {
      const line = [`<th style="background:#f3f3f3;border:1px solid #ddd">${r}</th>`];
      for (let c = 0; c <= maxCol; c++) {
        const a = `${colLetter(c)}${r}`;
        const x = cell(a);
        const outline = model.selected === a ? "outline:2px solid #107c41;" : "";
        // A comment shows as Excel's purple corner; hovering shows the thread.
        const corner = x.comment
          ? `<span title="${[x.comment.content, ...x.comment.replies].join("\n").replace(/[<&"]/g, "")}" style="float:right;color:#7719aa">◥</span>`
          : "";
        const shown =
          x.type === "number" && /y/.test(x.format ?? "")
            ? new Date(Date.UTC(1899, 11, 30) + x.value * 86400000).toISOString().slice(0, 10)
            : x.value;
        const text = String(shown ?? "").replace(/[<&]/g, (ch) => (ch === "<" ? "&lt;" : "&amp;"));
        line.push(
          `<td style="border:1px solid #e1e1e1;padding:1px 3px;white-space:nowrap;background:${x.fill ?? "#fff"};${outline}">${text}${corner}</td>`,
        );
      }
      rows.push(`<tr>${line.join("")}</tr>`);
    }
    view.innerHTML = `<div style="padding:4px 6px;background:#107c41;color:#fff">Excel 测试替身 / test double — ${model.name}</div><table style="border-collapse:collapse">${rows.join("")}</table>`;
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
