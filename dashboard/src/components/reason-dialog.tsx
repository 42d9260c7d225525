import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorBar } from "./page-state";

export interface ReasonDialogProps<T> {
  title: string;
  /** What the action does and what follows from it, above the field. */
  explain?: ReactNode;
  /** The field's label (shown, and its accessible name). */
  label: string;
  /** What to write there, under the field. */
  hint?: string;
  /** The primary button's words. */
  confirm: string;
  maxLength: number;
  /** One line (an `Input`, where Enter sends) rather than a paragraph (a `Textarea`, where Ctrl+Enter sends). */
  singleLine?: boolean;
  /** What the field holds when the dialog opens. */
  initial?: string;
  /** The action, given the text trimmed; its error is shown in the dialog, whose text is kept to try again. */
  submit: (text: string) => Promise<T>;
  /** Once it succeeded (awaited while the button stays disabled): refresh what it changed, close, say so. */
  onDone?: (result: T, text: string) => unknown;
  /** Where the dialog stays open after success: what to say there. */
  done?: (text: string) => ReactNode;
  onClose: () => void;
}

/**
 * The one dialog that asks for a text — a reason, a list's title — before an action that needs it: the text is
 * required (the button waits for a non-blank one), the field takes the focus on open, Escape and 取消 close,
 * and the server's refusal is shown, localised, without losing what was typed.
 */
export function ReasonDialog<T>({
  title,
  explain,
  label,
  hint,
  confirm,
  maxLength,
  singleLine = false,
  initial = "",
  submit,
  onDone,
  done,
  onClose,
}: ReasonDialogProps<T>) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The field, not the first button, takes the focus: what the dialog is for is typing there.
  useEffect(() => field.current?.focus(), []);
  const action = useMutation({
    mutationFn: submit,
    onSuccess: (result, sent) => onDone?.(result, sent),
  });
  const ready = text.trim() !== "" && !action.isPending;
  const send = () => {
    if (ready) action.mutate(text.trim());
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {explain ? <Text block>{explain}</Text> : null}
              <Field label={label} required hint={hint}>
                {singleLine ? (
                  <Input ref={field} value={text} onChange={(_, d) => setText(d.value)} maxLength={maxLength} />
                ) : (
                  <Textarea
                    ref={field}
                    value={text}
                    onChange={(_, d) => setText(d.value)}
                    maxLength={maxLength}
                    onKeyDown={(e) => {
                      // Enter is a new line in a paragraph; Ctrl+Enter (⌘+Enter) sends, as in a mail client.
                      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                        e.preventDefault();
                        send();
                      }
                    }}
                  />
                )}
              </Field>
              {done && action.isSuccess ? (
                <Text block role="status">
                  {done(action.variables)}
                </Text>
              ) : null}
              {action.error ? <ErrorBar error={action.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!ready}>
                {confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
