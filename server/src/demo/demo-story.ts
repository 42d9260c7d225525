/**
 * The demo's calendar as of a day: which academic year is running, which cohort graduated last June,
 * which one graduates next, and which terms have ended (their results are in). The demo is made as
 * of the server's today, so what it shows is what a registrar would see on that day.
 */
export interface DemoStory {
  today: string;
  /** The first year of the running academic year: 2026 for 2026-2027 (from July on, the new year's intake is in). */
  year: number;
  /** The grades in the record before the intake: the oldest graduated last June. */
  grades: number[];
  /** The freshmen admitted this summer (录取名单). */
  intake: number;
  /** The cohort that graduated on `${graduated}-06-30`, its audit executed. */
  graduated: number;
  /** The cohort whose graduation audit is open (`${open}-06-30`). */
  open: number;
  /** Every term of the years in the record, and the ones that ended before today (their results imported). */
  terms: Array<{ code: string; startDate: string; endDate: string }>;
  endedTerms: string[];
}

export function demoStory(today: string): DemoStory {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const year = m >= 7 ? y : y - 1;
  const first = year - 4;
  const terms = [];
  for (let t = first; t <= year; t++) {
    terms.push({ code: `${t}-${t + 1}-1`, startDate: `${t}-09-01`, endDate: `${t + 1}-01-17` });
    terms.push({ code: `${t}-${t + 1}-2`, startDate: `${t + 1}-02-23`, endDate: `${t + 1}-07-10` });
  }
  return {
    today,
    year,
    grades: [first, first + 1, first + 2, first + 3],
    intake: year,
    graduated: year,
    open: year + 1,
    terms,
    endedTerms: terms.filter((t) => t.endDate < today).map((t) => t.code),
  };
}

/** The day `n` working days (Monday to Friday) before `day`. */
export function workingDaysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
