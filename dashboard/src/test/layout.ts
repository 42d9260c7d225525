import { afterAll, beforeAll } from "vitest";

/**
 * happy-dom lays nothing out: every box is 0×0, so the virtual table's virtualizer (which reads its
 * scrolling box's clientWidth/clientHeight) would see no room for any row. The scrolling box — and only
 * it — is given the size a browser would give it: 600 px high, 1024 wide.
 */
export function layOutVirtualTables(height = 600, width = 1024) {
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
  const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth");
  beforeAll(() => {
    const sized = (size: number, real: PropertyDescriptor | undefined) => ({
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset?.testid === "virtual-scroller" ? size : (real?.get?.call(this) ?? 0);
      },
    });
    Object.defineProperty(HTMLElement.prototype, "clientHeight", sized(height, clientHeight));
    Object.defineProperty(HTMLElement.prototype, "clientWidth", sized(width, clientWidth));
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, "clientHeight", clientHeight);
    if (clientWidth) Object.defineProperty(HTMLElement.prototype, "clientWidth", clientWidth);
  });
}
