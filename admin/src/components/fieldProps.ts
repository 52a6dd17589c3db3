/** A labelled field's props: FormField's, and so FormControl's too. */
export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
  optionalText?: string;
}
