import { makeStyles, tokens } from "@fluentui/react-components";
import { type RefObject, useLayoutEffect, useRef, useState } from "react";

/** An A4 sheet at 96 dpi: the server's page lays itself out at this size on screen. */
const A4 = { width: 794, height: 1123 } as const;

const useStyles = makeStyles({
  // The frame is as wide as the card; the sheet is scaled to fit it, whole, with no scrolling.
  box: {
    width: "100%",
    overflow: "hidden",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    boxSizing: "border-box",
  },
  frame: { display: "block", border: "none", transformOrigin: "0 0" },
});

/**
 * The printed certificate shown as it prints: the whole A4 sheet, scaled down to the card's width.
 * Only the preview is scaled (a CSS transform on the frame); printing prints the frame's own page,
 * which stays A4 with its @page margins. No scripts run in it (sandbox without allow-scripts).
 */
export function CertificatePreview({
  html,
  title,
  frameRef,
}: {
  html: string;
  title: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => setScale(Math.min(1, element.clientWidth / A4.width) || 0.5);
    fit();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={styles.box}
      style={{ height: Math.ceil(A4.height * scale) + 2 /* the two thin borders */ }}
      data-testid="certificate-preview"
    >
      <iframe
        ref={frameRef}
        className={styles.frame}
        style={{ width: A4.width, height: A4.height, transform: `scale(${scale})` }}
        title={title}
        sandbox="allow-same-origin allow-modals"
        srcDoc={html}
      />
    </div>
  );
}
