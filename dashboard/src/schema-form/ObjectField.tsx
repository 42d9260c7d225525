import { makeStyles, tokens } from "@fluentui/react-components";
import type { FieldProps } from "./field-props";
import { useForm } from "./form-context";
import { Section } from "./Section";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Short fields side by side (中文/英文 of a name) when there is room.
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, "& > *": { flex: "1 1 14rem" } },
});

const simple = (type: string | undefined) => type === "string" || type === "number" || type === "integer" || type === "boolean";

/** An object: its properties in schema order, as a titled section unless it is the whole form. */
export function ObjectField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const styles = useStyles();
  const object = (value ?? {}) as Record<string, unknown>;
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  const allSimple = entries.every(([, child]) => simple(child.type) || child.enum);
  const fields = (
    <div className={allSimple && entries.length <= 4 ? styles.row : styles.fields}>
      {entries.map(([name, child]) => (
        <form.Field
          key={name}
          schema={child}
          path={[...path, name]}
          value={object[name]}
          required={required.has(name)}
          label={{ text: child.title ?? name, hint: child.description }}
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
  if (path.length === 0) return fields;
  const title = "text" in label ? label.text : (schema.title ?? String(path.at(-1)));
  return (
    <Section title={title} description={"text" in label ? label.hint : undefined} path={path}>
      {fields}
    </Section>
  );
}
