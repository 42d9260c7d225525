/**
 * Terms as the server names them (2025-2026-1). The autumn term runs from August to January and the
 * spring term from February to July (seed 004's calendar), so the pane can preselect the term a
 * secretary is most likely submitting for.
 */
export function currentTerm(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  if (month >= 8) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}

/** The terms around today's, newest first, for the picker. */
export function nearbyTerms(today: string): string[] {
  const now = currentTerm(today);
  const [a, , t] = now.split("-").map(Number) as [number, number, number];
  const list: string[] = [];
  let year = a;
  let term = t;
  // One term ahead (sheets are prepared early), the current one, and three before.
  if (term === 1) term = 2;
  else {
    year += 1;
    term = 1;
  }
  for (let i = 0; i < 5; i++) {
    list.push(`${year}-${year + 1}-${term}`);
    if (term === 2) term = 1;
    else {
      year -= 1;
      term = 2;
    }
  }
  return list;
}

/** Today in China (UTC+8), as the server counts days. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
