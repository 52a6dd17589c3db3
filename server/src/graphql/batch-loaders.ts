import DataLoader from 'dataloader';

/** A loader of one row per key (or null): one query for the whole batch of a request. */
export function rowLoader<K, V>(
  find: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = new Map((await find(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key) ?? null);
  });
}

/** A loader of one row per id (or null). */
export function idLoader<V extends { id: string }>(
  find: (ids: readonly string[]) => Promise<readonly V[]>,
): DataLoader<string, V | null> {
  return rowLoader(find, (row) => row.id);
}

/** A loader of each complaint's rows (its history, notices, consents): one query for the batch. */
export function perComplaintLoader<V>(
  find: (
    complaintIds: readonly string[],
  ) => Promise<readonly (V & { complaint: { id: string } })[]>,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (complaintIds) => {
    const lists = new Map<string, V[]>();
    for (const row of await find(complaintIds)) {
      const list = lists.get(row.complaint.id) ?? [];
      list.push(row);
      lists.set(row.complaint.id, list);
    }
    return complaintIds.map((id) => lists.get(id) ?? []);
  });
}
