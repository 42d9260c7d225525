/**
 * A draft lives in the browser until it is published: a registrar can leave the page and come back to
 * it, and nobody else sees it (publishing is the one act that changes what others work under).
 */
const keyOf = (kind: string, key: string) => `xueji.settings-draft.${kind}.${key}`;

export interface StoredDraft {
  /** The version the draft started from, to say so (and to notice that someone has published since). */
  baseVersion: number;
  value: unknown;
}

export function loadDraft(kind: string, key: string): StoredDraft | null {
  try {
    const text = globalThis.localStorage?.getItem(keyOf(kind, key));
    return text ? (JSON.parse(text) as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(kind: string, key: string, draft: StoredDraft): void {
  try {
    globalThis.localStorage?.setItem(keyOf(kind, key), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft then lasts as long as the page.
  }
}

export function dropDraft(kind: string, key: string): void {
  try {
    globalThis.localStorage?.removeItem(keyOf(kind, key));
  } catch {
    // Nothing stored.
  }
}
