import {
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from "@fluentui/react-icons";
import type { FieldProps } from "./field-props";
import { useForm } from "./form-context";
import { Section } from "./Section";
import { emptyValue, fieldId, type JsonSchema, type Path, setIn } from "./schema";
import { fill } from "./strings";

const useStyles = makeStyles({
  scroller: { overflowX: "auto" },
  number: { width: "3.5rem", color: tokens.colorNeutralForeground3 },
  actions: { width: "8.5rem" },
  cell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXXS },
});

interface Column {
  id: string;
  title: string;
  /** Where the cell's value is inside a row: ["from"], or ["name", "zh-CN"] for a flattened name. */
  at: Path;
  schema: JsonSchema;
  required: boolean;
}

const scalar = (s: JsonSchema) =>
  Boolean(s.enum) || s.type === "string" || s.type === "number" || s.type === "integer" || s.type === "boolean";

/** A row's columns: its properties, with a small object of scalars (a 中文/英文 name) spread over one column each. */
function columnsOf(items: JsonSchema): Column[] {
  const required = new Set(items.required ?? []);
  return Object.entries(items.properties ?? {}).flatMap(([name, child]): Column[] => {
    const inner = Object.entries(child.properties ?? {});
    if (child.type === "object" && inner.length > 0 && inner.length <= 3 && inner.every(([, s]) => scalar(s))) {
      const innerRequired = new Set(child.required ?? []);
      return inner.map(([sub, s]) => ({
        id: `${name}-${sub}`,
        title: `${child.title ?? name} · ${s.title ?? sub}`,
        at: [name, sub],
        schema: s,
        required: required.has(name) && innerRequired.has(sub),
      }));
    }
    return [{ id: name, title: child.title ?? name, at: [name], schema: child, required: required.has(name) }];
  });
}

const get = (row: unknown, at: Path): unknown =>
  at.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k as string], row);

/**
 * A list of objects as an editable table: a column per field (headed by its title, which labels
 * every cell), rows added, removed and moved with buttons, and each message in its cell.
 */
export function TableField({ schema, path, value, onChange, label }: FieldProps) {
  const form = useForm();
  const styles = useStyles();
  const items = schema.items as JsonSchema;
  const rows = Array.isArray(value) ? value : [];
  const columns = columnsOf(items);
  const base = fieldId(form.idPrefix, path);
  const editable = !form.readOnly;
  const canAdd = editable && (schema.maxItems === undefined || rows.length < schema.maxItems);
  const canRemove = editable && rows.length > (schema.minItems ?? 0);
  const move = (from: number, to: number) => {
    const copy = [...rows];
    const [moved] = copy.splice(from, 1);
    copy.splice(to, 0, moved);
    onChange(copy);
  };
  // A row's own messages (not a cell's) are said under the table with the row's number.
  const rowMessages = rows.flatMap((_, i) => form.messagesAt([...path, i]).map((m) => fill(form.strings.line, { n: i + 1, message: m })));
  const title = "text" in label ? label.text : (schema.title ?? String(path.at(-1)));
  return (
    <Section title={title} description={"text" in label ? label.hint : undefined} path={path} extraMessages={rowMessages}>
      <div className={styles.scroller}>
        <Table size="small" style={{ minWidth: `${columns.length * 11 + 12}rem` }} aria-labelledby={`${base}-title`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.number}>#</TableHeaderCell>
              {columns.map((c) => (
                <TableHeaderCell key={c.id} id={`${base}-col-${c.id}`}>
                  {c.title}
                </TableHeaderCell>
              ))}
              {editable ? <TableHeaderCell className={styles.actions}>{form.strings.actions}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, i) => {
              const rowId = `${base}-row-${i}`;
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <TableRow key={i}>
                  <TableCell className={mergeClasses(styles.cell, styles.number)} id={rowId}>
                    {fill(form.strings.row, { n })}
                  </TableCell>
                  {columns.map((c) => (
                    <TableCell key={c.id} className={styles.cell}>
                      <form.Field
                        schema={c.schema}
                        path={[...path, i, ...c.at]}
                        value={get(row, c.at)}
                        required={c.required}
                        label={{ labelledBy: `${base}-col-${c.id} ${rowId}` }}
                        onChange={(next) => onChange(rows.map((old, j) => (j === i ? setIn(old, c.at, next) : old)))}
                      />
                    </TableCell>
                  ))}
                  {editable ? (
                    <TableCell className={styles.cell}>
                      <div className={styles.buttons}>
                        <Button
                          appearance="subtle"
                          icon={<ArrowUpRegular />}
                          disabled={i === 0}
                          aria-label={fill(form.strings.moveUp, { n })}
                          title={fill(form.strings.moveUp, { n })}
                          onClick={() => move(i, i - 1)}
                        />
                        <Button
                          appearance="subtle"
                          icon={<ArrowDownRegular />}
                          disabled={i === rows.length - 1}
                          aria-label={fill(form.strings.moveDown, { n })}
                          title={fill(form.strings.moveDown, { n })}
                          onClick={() => move(i, i + 1)}
                        />
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          disabled={!canRemove}
                          aria-label={fill(form.strings.remove, { n })}
                          title={fill(form.strings.remove, { n })}
                          onClick={() => onChange(rows.filter((_, j) => j !== i))}
                        />
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {canAdd ? (
        <div>
          <Button icon={<AddRegular />} onClick={() => onChange([...rows, emptyValue(items)])}>
            {form.strings.addRow}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
