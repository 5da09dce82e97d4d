import Link from "next/link";

export default function Home() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-8 px-6">
      <div>
        <h1 className="text-3xl font-semibold">Roster</h1>
        <p className="mt-2 text-slate-600">Customer users for B2B commerce.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Link href="/login" className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs hover:border-brand-600">
          <h2 className="font-semibold">Customer account</h2>
          <p className="text-sm text-slate-600">Sign in to manage your company&apos;s users and orders.</p>
        </Link>
        <Link href="/admin/login" className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs hover:border-brand-600">
          <h2 className="font-semibold">Back office</h2>
          <p className="text-sm text-slate-600">Staff sign-in.</p>
        </Link>
      </div>
    </main>
  );
}
