import { Field, Select } from "@fluentui/react-components";

/**
 * An academic year from a short list, as a native select (Fluent's Select): the keyboard and screen
 * readers know it, and it needs no popup.
 */
export function YearSelect({
  label,
  hint,
  value,
  years,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  years: string[];
  onChange: (year: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
    </Field>
  );
}
