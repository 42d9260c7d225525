/** What a picker is given: apart from picker.tsx, so that the lazily loaded dropdown-field.tsx reads it without importing the picker that loads it. */
export interface PickerOption {
  value: string;
  label: string;
}

export interface PickerProps {
  label: string;
  /** The text shown for the current choice. */
  text: string;
  selected: string[];
  options: PickerOption[];
  disabled?: boolean;
  onSelect: (value: string) => void;
}
