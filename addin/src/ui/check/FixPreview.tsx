import type { FixPlan } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Fix } from "../../check/fixes";
import type { SheetHost } from "../../host/sheet-host";
import { FixDialog } from "../FixDialog";
import { hostName } from "../host-name";

/**
 * 一键修正 in two steps: `open` plans the fixes (file mode first fetches the whole grid) and asks the
 * host which of those cells hold formulas, listed apart; the dialog then shows the plan until she applies it.
 */
export function useFixPreview(host: SheetHost | null, plan: () => Promise<FixPlan | null>) {
  const [preview, setPreview] = useState<FixPlan | null>(null);
  const [preparing, setPreparing] = useState(false);
  const open = async () => {
    setPreparing(true);
    try {
      const fixes = await plan();
      if (!fixes || !host) return;
      let formulas = new Set<string>();
      try {
        formulas = new Set(await host.formulaCells([...fixes.safe, ...fixes.fromRecord]));
      } catch {
        // Unknown: the writer still leaves formula cells alone and names them afterwards.
      }
      const free = (f: { column: string; row: number }) => !formulas.has(`${f.column}${f.row}`);
      setPreview({
        safe: fixes.safe.filter(free),
        fromRecord: fixes.fromRecord.filter(free),
        formulaCells: [...new Set([...fixes.formulaCells, ...formulas])],
      });
    } finally {
      setPreparing(false);
    }
  };
  return { preview, preparing, open, close: () => setPreview(null) };
}

/** The plan shown before anything is written: where the fixes go says the host's strategy (in place, or a copy). */
export function FixPreview(props: { preview: FixPlan; host: SheetHost | null; onClose: () => void; onApply: (fixes: Fix[]) => void }) {
  const { t } = useTranslation();
  const copy = props.host?.fixStrategy === "copy";
  return (
    <FixDialog
      safe={props.preview.safe}
      fromRecord={props.preview.fromRecord}
      formulaCells={props.preview.formulaCells}
      host={hostName(props.host, t)}
      {...(copy ? { note: t("fix.fileNote"), applyLabel: t("fix.applyFile") } : {})}
      onClose={props.onClose}
      onApply={props.onApply}
    />
  );
}
