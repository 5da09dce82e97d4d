import { z } from "zod";
import { id } from "./common";

export const consentIdInput = z.object({ consentId: id });
