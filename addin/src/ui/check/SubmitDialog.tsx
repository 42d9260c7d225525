import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import type { SheetKind } from "@xueji/shared";
import { useTranslation } from "react-i18next";

/** 提交's confirmation: which sheet, how many rows, for which term and as which kind, and its errors if it has any. */
export function SubmitDialog(props: {
  sheet: string;
  rows: number;
  term: string;
  kind: SheetKind;
  errors: number;
  onCancel: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("submit.title")}</DialogTitle>
          <DialogContent>
            <Text block>
              {t("submit.confirm", { sheet: props.sheet, rows: props.rows, term: props.term, kind: t(`kinds.${props.kind}`) })}
            </Text>
            {props.errors ? <Text block>{t("submit.hasErrors", { errors: props.errors })}</Text> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onCancel}>{t("common.cancel")}</Button>
            <Button appearance="primary" onClick={props.onSubmit}>
              {t("submit.go")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
