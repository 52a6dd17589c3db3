/** The text of `admin/src/graphql/<file>` with every fragment it uses appended. */
export function spaOperation(file: string): string;
