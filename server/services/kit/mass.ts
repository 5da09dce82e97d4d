import { AppError } from "../../errors";
import type { MassResult } from "../../schemas/grid";

/**
 * Runs a mass action row by row, each through the same service (and so the same rules) as the single action.
 * A row a rule refuses is skipped with the rule's message; anything unexpected still fails the whole call.
 */
export async function forEachRow(
  ids: readonly number[],
  labelOf: (id: number) => string,
  action: (id: number) => Promise<unknown>,
): Promise<MassResult> {
  const result: MassResult = { done: [], skipped: [] };
  for (const id of new Set(ids)) {
    try {
      await action(id);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "UNAUTHORIZED") throw error;
      result.skipped.push({ id, label: labelOf(id), reason: error.message });
    }
  }
  return result;
}
