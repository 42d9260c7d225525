import { Button } from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import { SCAN_ACCEPT } from "./scan-file";

/**
 * A button that picks a scan: the browser's own file input says "Choose File / No file chosen" in the
 * browser's language, so it stays hidden behind a button in the reader's words.
 */
export function ScanPicker({
  label,
  text,
  disabled,
  onPick,
  accept = SCAN_ACCEPT,
}: {
  /** The input's accessible name (上传申请表扫描件). */
  label: string;
  /** The button's words. */
  text: string;
  disabled?: boolean;
  onPick: (file: File) => void;
  /** The file types offered (scans by default). */
  accept?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={label}
        tabIndex={-1}
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden", pointerEvents: "none" }}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) onPick(file);
        }}
      />
      <Button
        size="small"
        icon={<ArrowUploadRegular />}
        disabled={disabled}
        title={label}
        style={{ whiteSpace: "nowrap" }}
        onClick={() => input.current?.click()}
      >
        {text}
      </Button>
    </>
  );
}
