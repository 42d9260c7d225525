import { Dropdown, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { FieldProps } from "./field-props";
import { useForm } from "./form-context";
import { FieldFrame } from "./ScalarField";
import { branchOf, discriminatorOf, emptyValue, fieldId, type JsonSchema } from "./schema";
import { fill } from "./strings";

const useStyles = makeStyles({
  union: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end", "& > *": { flex: "1 1 8rem" } },
});

/**
 * One of several shapes told apart by a property (a sheet column's parser: 日期 with min and max,
 * 文本 with a length…): choose the shape, then fill in its own fields. Changing the shape starts it afresh.
 */
export function UnionField(props: FieldProps & { branches: JsonSchema[] }) {
  const { branches, path, value, onChange, label } = props;
  const form = useForm();
  const styles = useStyles();
  const discriminator = discriminatorOf(branches) as string;
  const index = branchOf(branches, discriminator, value);
  const branch = branches[index];
  const object = (value ?? {}) as Record<string, unknown>;
  const others = Object.entries(branch?.properties ?? {}).filter(([name]) => name !== discriminator);
  const required = new Set(branch?.required ?? []);
  const title = (b: JsonSchema) => b.title ?? String(b.properties?.[discriminator]?.const);
  return (
    <div className={styles.union}>
      <FieldFrame label={label} path={[...path, discriminator]} extraMessages={form.messagesAt(path)}>
        <Dropdown
          id={fieldId(form.idPrefix, path)}
          {...("labelledBy" in label ? { "aria-labelledby": label.labelledBy } : {})}
          disabled={form.readOnly}
          placeholder={form.strings.choose}
          selectedOptions={index >= 0 ? [String(index)] : []}
          value={branch ? title(branch) : ""}
          onOptionSelect={(_, data) => {
            const chosen = branches[Number(data.optionValue)];
            if (chosen) onChange(emptyValue(chosen));
          }}
        >
          {branches.map((b, i) => (
            <Option key={title(b)} value={String(i)} text={title(b)}>
              {title(b)}
            </Option>
          ))}
        </Dropdown>
      </FieldFrame>
      {others.map(([name, child]) => (
        <form.Field
          key={name}
          schema={child}
          path={[...path, name]}
          value={object[name]}
          required={required.has(name)}
          label={{ text: child.title ?? name }}
          onChange={(next) => {
            const copy = { ...object };
            if (next === undefined) delete copy[name];
            else copy[name] = next;
            onChange(copy);
          }}
        />
      ))}
    </div>
  );
}

/** A shape the editor has no form for (a kind added later with an unusual union): its JSON, checked as it is typed. */
export function JsonField({ path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? null)) return current;
      } catch {
        return current;
      }
      return JSON.stringify(value ?? null, null, 2);
    });
  }, [value]);
  return (
    <FieldFrame label={label} path={path} extraMessages={error ? [fill(form.strings.notJson, { message: error })] : []}>
      <Textarea
        id={fieldId(form.idPrefix, path)}
        {...("labelledBy" in label ? { "aria-labelledby": label.labelledBy } : {})}
        readOnly={form.readOnly}
        resize="vertical"
        value={text}
        onChange={(_, data) => {
          setText(data.value);
          try {
            onChange(JSON.parse(data.value));
            setError(null);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      />
    </FieldFrame>
  );
}
