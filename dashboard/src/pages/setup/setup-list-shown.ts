import { useEffect, useSyncExternalStore } from "react";

/**
 * Whether the page on screen lists what the set-up still lacks (开始使用, or the landing page's reminder). The
 * shell's warnings then leave out the set-up items the page lists already, each with its way there: on day one
 * the same seven items stood twice, as banners above the list.
 */
let showing = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

/** Marks the set-up list as on screen while the calling component is mounted and `shows` holds. */
export function useShowsSetupList(shows: boolean): void {
  useEffect(() => {
    if (!shows) return;
    showing += 1;
    changed();
    return () => {
      showing -= 1;
      changed();
    };
  }, [shows]);
}

/** Whether some component on screen lists the set-up's missing items. */
export function useSetupListShown(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => showing > 0,
  );
}
