import { createTRPCRouter, staffProcedure } from "../../trpc";
import { updateWebsiteSettingsInput, websiteSettingsInput } from "../../../schemas/settings";
import { createConsentInput, consentDefinitionIdInput, updateConsentInput } from "../../../schemas/consent";
import { getWebsiteSettings, updateWebsiteSettings } from "../../../services/settings/websiteSettings";
import {
  createConsentDefinition,
  deleteConsentDefinition,
  listConsentDefinitions,
  updateConsentDefinition,
} from "../../../services/settings/consents";

export const settingsRouter = createTRPCRouter({
  get: staffProcedure("settings.view")
    .input(websiteSettingsInput)
    .query(({ ctx, input }) => getWebsiteSettings(ctx.db, input.websiteId)),
  update: staffProcedure("settings.edit")
    .input(updateWebsiteSettingsInput)
    .mutation(({ ctx, input }) => updateWebsiteSettings(ctx.db, ctx.actor, input)),
});

export const consentDefinitionsRouter = createTRPCRouter({
  list: staffProcedure("consent.view").query(({ ctx }) => listConsentDefinitions(ctx.db)),
  create: staffProcedure("consent.create")
    .input(createConsentInput)
    .mutation(({ ctx, input }) => createConsentDefinition(ctx.db, ctx.actor, input)),
  update: staffProcedure("consent.edit")
    .input(updateConsentInput)
    .mutation(({ ctx, input }) => updateConsentDefinition(ctx.db, ctx.actor, input)),
  delete: staffProcedure("consent.delete")
    .input(consentDefinitionIdInput)
    .mutation(({ ctx, input }) => deleteConsentDefinition(ctx.db, ctx.actor, input)),
});
