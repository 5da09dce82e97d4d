import { z } from "zod";
import { id, requiredText } from "./common";

export const exportPersonalDataInput = z.object({ id });
export const eraseCustomerUserInput = z.object({
  id,
  reason: requiredText(500, "Say why the data is erased (for example, the person's request and its date)."),
});
