/**
 * Whether a deadline may still move: it falls in a year whose State Council holiday notice is not in the
 * calendar (`provisionalYears`), so the working days counted to it may change when the notice is entered.
 */
export function isProvisionalDeadline(date: string | null | undefined, provisionalYears: readonly number[]): boolean {
  return !!date && provisionalYears.includes(Number(date.slice(0, 4)));
}
