import { Dropdown, Field, Input, Option, SpinButton, Switch } from "@fluentui/react-components";
import type { FieldProps } from "./field-props";
import { useForm } from "./form-context";
import { enumLabel, fieldId } from "./schema";

const DATE = String.raw`^\d{4}-\d{2}-\d{2}$`;

/** Wraps a control in a Fluent Field: visible label (or labelled by its column), hint, and the message at the field. */
export function FieldFrame({
  label,
  path,
  children,
  extraMessages = [],
}: Pick<FieldProps, "label" | "path"> & { children: React.ReactElement; extraMessages?: string[] }) {
  const form = useForm();
  const messages = [...form.messagesAt(path), ...extraMessages];
  const id = fieldId(form.idPrefix, path);
  const common = {
    validationMessage: messages.length ? messages.join(" ") : undefined,
    validationState: messages.length ? ("error" as const) : ("none" as const),
  };
  if ("text" in label)
    return (
      <Field label={{ children: label.text, htmlFor: id }} hint={label.hint} {...common}>
        {children}
      </Field>
    );
  return <Field {...common}>{children}</Field>;
}

function controlLabelling(label: FieldProps["label"]) {
  return "labelledBy" in label ? { "aria-labelledby": label.labelledBy } : {};
}

export function EnumField({ schema, path, value, onChange, label, required }: FieldProps) {
  const form = useForm();
  const options = schema.enum ?? [];
  const selected = value === undefined || value === null ? [] : [String(value)];
  return (
    <FieldFrame label={label} path={path}>
      <Dropdown
        id={fieldId(form.idPrefix, path)}
        {...controlLabelling(label)}
        disabled={form.readOnly}
        placeholder={form.strings.choose}
        selectedOptions={selected}
        value={selected.length ? enumLabel(schema, value) : ""}
        onOptionSelect={(_, data) => {
          if (data.optionValue === "") return onChange(undefined);
          onChange(options.find((o) => String(o) === data.optionValue));
        }}
      >
        {required ? null : (
          <Option value="" text={form.strings.empty}>
            {form.strings.empty}
          </Option>
        )}
        {options.map((o) => (
          <Option key={String(o)} value={String(o)} text={enumLabel(schema, o)}>
            {enumLabel(schema, o)}
          </Option>
        ))}
      </Dropdown>
    </FieldFrame>
  );
}

export function NumberField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const parse = (text: string | undefined) => {
    if (text === undefined || text.trim() === "") return undefined;
    const n = Number(text.trim());
    return Number.isNaN(n) ? text : n; // a non-number goes to the server check, which says so at the field
  };
  return (
    <FieldFrame label={label} path={path}>
      <SpinButton
        id={fieldId(form.idPrefix, path)}
        {...controlLabelling(label)}
        readOnly={form.readOnly}
        min={schema.minimum}
        max={schema.maximum}
        step={1}
        value={typeof value === "number" ? value : null}
        // Shown as typed, so 10.5 credits is not rounded by the step.
        displayValue={value === undefined || value === null ? "" : String(value)}
        onChange={(_, data) => {
          if (data.value !== undefined && data.value !== null) onChange(data.value);
          else onChange(parse(data.displayValue));
        }}
      />
    </FieldFrame>
  );
}

export function BooleanField({ path, value, onChange, label }: FieldProps) {
  const form = useForm();
  return (
    <FieldFrame label={label} path={path}>
      <Switch
        id={fieldId(form.idPrefix, path)}
        {...controlLabelling(label)}
        disabled={form.readOnly}
        checked={value === true}
        onChange={(_, data) => onChange(data.checked)}
      />
    </FieldFrame>
  );
}

export function StringField({ schema, path, value, onChange, label, required }: FieldProps) {
  const form = useForm();
  const isDate = schema.pattern === DATE;
  return (
    <FieldFrame label={label} path={path}>
      <Input
        id={fieldId(form.idPrefix, path)}
        {...controlLabelling(label)}
        readOnly={form.readOnly}
        type={isDate ? "date" : "text"}
        maxLength={schema.maxLength}
        value={typeof value === "string" ? value : value === undefined || value === null ? "" : String(value)}
        // An emptied optional field is left out of the value rather than kept as "".
        onChange={(_, data) => onChange(data.value === "" && !required ? undefined : data.value)}
      />
    </FieldFrame>
  );
}
