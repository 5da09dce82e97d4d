/**
 * The customer realm's capabilities: yes/no permissions that are not about one entity's records (levels NONE or
 * GRANTED). Part of the permission catalogue (permissions.ts); isomorphic data.
 */
export const customerCapabilities = {
  "profile.update": { label: "Update own profile", description: "Edit one's own name, birthday, phone, language." },
  "oauthApp.manage": {
    label: "Manage own OAuth applications",
    description: "Create, deactivate and delete API applications acting as oneself.",
  },
  "audit.view": { label: "View the company audit log", description: "See who changed what in one's company." },
  "gridView.share": { label: "Share grid views", description: "Publish saved grid views to colleagues." },
  "quickOrder.use": { label: "Use the quick order form", description: "Order by SKU from the quick order form." },
  "checkout.billingAddress.manual": {
    label: "Enter the billing address manually",
    description: "Type a new billing address at checkout instead of choosing a saved one.",
  },
  "checkout.shippingAddress.manual": {
    label: "Enter the shipping address manually",
    description: "Type a new shipping address at checkout instead of choosing a saved one.",
  },
  "checkout.addresses.customer": {
    label: "Use the customer's addresses at checkout",
    description: "Choose any address of the company's address book at checkout.",
  },
  "checkout.addresses.customerUser": {
    label: "Use the customer users' addresses at checkout",
    description: "Choose addresses of colleagues' address books at checkout.",
  },
  "quote.addresses.customer": {
    label: "Use the customer's addresses on quotes",
    description: "Choose company addresses when requesting a quote.",
  },
  "quote.addresses.manual": {
    label: "Enter quote addresses manually",
    description: "Type a new address when requesting a quote.",
  },
} as const satisfies Record<string, { label: string; description: string }>;
