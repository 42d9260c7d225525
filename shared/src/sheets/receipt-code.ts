/**
 * A submission's receipt as people read it out on the phone: the first eight characters of its id, in capitals
 * (2352CAC2) — what the pane shows the secretary once she submits, and the registrar's panel shows on the same sheet.
 * Two submissions may share a code (at some ten thousand submissions, a one-in-a-hundred chance): the audit log's
 * search by a code lists both, each under its own sheet, and the panel shows the code of the sheet opened.
 */
export function receiptCode(submissionId: string): string {
  return submissionId.replace(/-/g, "").slice(0, 8).toUpperCase();
}

/** Whether `text` is a whole receipt as typed back (eight characters of 0–9 and A–F, in either case). */
export function isReceiptCode(text: string): boolean {
  return /^[0-9a-f]{8}$/i.test(text);
}
