/** A radio or checkbox option: its value, its label and its control's id. */
export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  id: string;
}

/** The options of a radio or checkbox group, one a value, in the values' order. */
export function choiceOptions<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
  id: (value: T, index: number) => string,
): ChoiceOption<T>[] {
  return values.map((value, index) => ({ value, label: label(value), id: id(value, index) }));
}

/**
 * The options of an enum's radio or checkbox group, labelled by the enum's texts (`enum.<name>.*`)
 * and with their ids from `id`.
 */
export function enumOptions<T extends string>(
  t: (key: string) => string,
  name: string,
  values: readonly T[],
  id: (value: T, index: number) => string,
): ChoiceOption<T>[] {
  return choiceOptions(values, (value) => t(`enum.${name}.${value}`), id);
}
