import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { PickerProps } from "./picker-props";

/** The picker itself (loaded by picker.tsx on first use). */
export function DropdownField({ label, text, selected, options, disabled, onSelect }: PickerProps) {
  return (
    <Field label={label}>
      <Dropdown
        value={text}
        selectedOptions={selected}
        disabled={disabled}
        onOptionSelect={(_, data) => data.optionValue !== undefined && onSelect(data.optionValue)}
      >
        {options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
