/**
 * A submission's receipt as people read it out on the phone: the first eight characters of its id, in capitals
 * (2352CAC2) — what the pane shows the secretary once she submits, and the registrar's panel shows on the same sheet.
 * A school's submissions over its years are far fewer than the 4 billion codes of eight hexadecimal characters.
 */
export function receiptCode(submissionId: string): string {
  return submissionId.replace(/-/g, "").slice(0, 8).toUpperCase();
}
