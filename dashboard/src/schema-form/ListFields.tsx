import { Button, Dropdown, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { FieldProps } from "./field-props";
import { useForm } from "./form-context";
import { FieldFrame } from "./ScalarField";
import { emptyValue, enumLabel, fieldId, type JsonSchema } from "./schema";
import { fill } from "./strings";

const useStyles = makeStyles({
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

/** A set of enumerated values (materials, a unique key's fields): one multi-select list. */
export function EnumArrayField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const items = schema.items as JsonSchema;
  const options = items.enum ?? [];
  const selected = Array.isArray(value) ? value.map(String) : [];
  const under = form.messagesUnder(path).map((m) => fill(form.strings.line, { n: Number(m.rest[0]) + 1, message: m.message }));
  return (
    <FieldFrame label={label} path={path} extraMessages={under}>
      <Dropdown
        id={fieldId(form.idPrefix, path)}
        {...("labelledBy" in label ? { "aria-labelledby": label.labelledBy } : {})}
        multiselect
        disabled={form.readOnly}
        placeholder={form.strings.empty}
        selectedOptions={selected}
        value={(Array.isArray(value) ? value : []).map((v) => enumLabel(items, v)).join("、")}
        onOptionSelect={(_, data) =>
          // Keep the schema's order, so a saved value does not depend on the order of clicks.
          onChange(options.filter((o) => data.selectedOptions.includes(String(o))))
        }
      >
        {options.map((o) => (
          <Option key={String(o)} value={String(o)} text={enumLabel(items, o)}>
            {enumLabel(items, o)}
          </Option>
        ))}
      </Dropdown>
    </FieldFrame>
  );
}

const parseLines = (text: string, numeric: boolean) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => (numeric && !Number.isNaN(Number(l)) ? Number(l) : l));

const toText = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v)).join("\n") : "");

/**
 * A list of strings, dates or numbers, one per line: the registrar pastes a column from Excel
 * (the year's holidays) rather than adding rows one by one. Blank lines are dropped.
 */
export function LinesField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const numeric = schema.items?.type === "number" || schema.items?.type === "integer";
  const [text, setText] = useState(() => toText(value));
  // Follow the value when it changes from outside (a restored version), not while the user types.
  useEffect(() => {
    setText((current) => (JSON.stringify(parseLines(current, numeric)) === JSON.stringify(value ?? []) ? current : toText(value)));
  }, [value, numeric]);
  const under = form.messagesUnder(path).map((m) => fill(form.strings.line, { n: Number(m.rest[0]) + 1, message: m.message }));
  const hint = "text" in label ? [label.hint, form.strings.onePerLine].filter(Boolean).join(" · ") : undefined;
  const rows = Math.min(8, Math.max(2, (Array.isArray(value) ? value.length : 0) + 1));
  return (
    <FieldFrame label={"text" in label ? { text: label.text, hint } : label} path={path} extraMessages={under}>
      <Textarea
        id={fieldId(form.idPrefix, path)}
        {...("labelledBy" in label ? { "aria-labelledby": label.labelledBy } : {})}
        readOnly={form.readOnly}
        rows={rows}
        resize="vertical"
        value={text}
        onChange={(_, data) => {
          setText(data.value);
          onChange(parseLines(data.value, numeric));
        }}
      />
    </FieldFrame>
  );
}

/** A list of anything else (a unique key is a list of fields, and there are several keys): one editor per item. */
export function ItemListField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const styles = useStyles();
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  const canAdd = !form.readOnly && (schema.maxItems === undefined || items.length < schema.maxItems);
  const canRemove = !form.readOnly && items.length > (schema.minItems ?? 0);
  return (
    <FieldFrame label={label} path={path}>
      <div className={styles.items} id={fieldId(form.idPrefix, path)}>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place
          <div className={styles.item} key={i}>
            <div className={styles.grow}>
              <form.Field
                schema={itemSchema}
                path={[...path, i]}
                value={item}
                required
                label={{ text: fill(form.strings.item, { n: i + 1 }) }}
                onChange={(next) => onChange(items.map((old, j) => (j === i ? next : old)))}
              />
            </div>
            {canRemove ? (
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={fill(form.strings.removeItem, { n: i + 1 })}
                title={fill(form.strings.removeItem, { n: i + 1 })}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              />
            ) : null}
          </div>
        ))}
        {canAdd ? (
          <div>
            <Button icon={<AddRegular />} onClick={() => onChange([...items, emptyValue(itemSchema)])}>
              {form.strings.addItem}
            </Button>
          </div>
        ) : null}
      </div>
    </FieldFrame>
  );
}
