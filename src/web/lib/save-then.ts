/**
 * Runs a mutation, then `onSaved` with its result, even when the form has remounted meanwhile.
 * Settings forms are keyed on the saved data, so they remount once the refetch after a save lands;
 * `mutate`'s own callbacks are dropped when that happens first (a lost "saved" toast, now and
 * then). A refusal is not rethrown: it is the mutation's state, which the form shows.
 */
export function saveThen<Input, Saved>(
  mutation: { mutateAsync: (input: Input) => Promise<Saved> },
  input: Input,
  onSaved: (saved: Saved) => void,
): void {
  mutation.mutateAsync(input).then(onSaved, () => undefined);
}
