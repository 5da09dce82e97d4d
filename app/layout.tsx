import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roster", template: "%s · Roster" },
  description: "Customer users for B2B commerce",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
        {/* Top centre: the page header keeps its actions at the right, and grids their pagers at the bottom. */}
        <Toaster position="top-center" richColors closeButton />
      </body>
    </html>
  );
}
