import { createPortal } from "react-dom";

/**
 * What Ctrl+P prints instead of the page: a plain table beside the app's root (not inside its scrolling
 * shell, which would cut it at one screen), shown only in print, with the rest of the document hidden.
 * Printed lists repeat their header on every sheet and never split a row.
 */
const PRINT_CSS = `
.xueji-print-copy { display: none; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body > *:not(.xueji-print-copy) { display: none !important; }
  .xueji-print-copy { display: block; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #000; }
  .xueji-print-copy h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  .xueji-print-copy p { font-size: 9pt; margin: 0 0 3mm; text-align: right; }
  .xueji-print-copy table { width: 100%; border-collapse: collapse; font-size: 9pt; }
  .xueji-print-copy thead { display: table-header-group; }
  .xueji-print-copy tr { break-inside: avoid; }
  .xueji-print-copy th, .xueji-print-copy td { border: 0.5pt solid #000; padding: 1mm 1.5mm; text-align: left; white-space: nowrap; }
  .xueji-print-copy td:first-child { font-family: "Consolas", "Courier New", monospace; }
}`;

export function PrintCopy({ title, header, rows, note }: { title: string; header: string[]; rows: string[][]; note?: string }) {
  return createPortal(
    <div className="xueji-print-copy" data-testid="print-copy">
      <style>{PRINT_CSS}</style>
      <h1>{title}</h1>
      {note ? <p>{note}</p> : null}
      <table>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a cell is its position
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
