/**
 * Splits cell addresses into comma-joined lists of at most `maxChars` each, so that one call marks many
 * areas: Excel's `getRanges` (a long list is slow to parse) and WPS's VBA-shaped `Range` (255 characters).
 */
export function areaLists(addresses: readonly string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + address.length + 1 > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}
