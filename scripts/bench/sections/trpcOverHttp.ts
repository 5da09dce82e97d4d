import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "../../../server/api/root";
import { listCustomerUsersInput } from "../../../server/schemas/customerUser";
import { listCustomerUsers } from "../../../server/services/customerUsers/grid";
import { staffCaller, staffContext } from "../caller";
import { ms, printTable, sampling, timeTogether, type Timing } from "../measure";
import type { BenchContext } from "../context";

/**
 * What the API layer costs: admin.customerUsers.list over HTTP on loopback (the fetch adapter the Next route
 * handler uses, behind a plain Node server in this process) against the service call it wraps. Each request loads
 * the staff principal the way a session does (one indexed query); only the cookie's JWT decoding is left out.
 */
export async function trpcOverHttp(ctx: BenchContext) {
  const { target, runs } = ctx;
  const db = target.prisma;
  let acting = ctx.admin;
  /** How long the server spent on each request, from its arrival to the last byte of the answer. */
  let handled: number[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
    );
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url, { method: req.method, headers }),
      router: appRouter,
      createContext: () => staffContext(db, acting, headers, url.origin),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()), () => handled.push(performance.now() - started));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const rows: string[][] = [];
  for (const who of [ctx.admin, ctx.sales]) {
    acting = who;
    const label = who === ctx.admin ? "admin" : "sales";
    const input = listCustomerUsersInput.parse({});
    const query = encodeURIComponent(JSON.stringify(superjson.serialize({})));
    handled = [];
    const [service, caller, http] = (await timeTogether(runs, [
      () => listCustomerUsers(db, who, input),
      () => staffCaller(db, who).admin.customerUsers.list({}),
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/trpc/admin.customerUsers.list?input=${query}`);
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
        superjson.deserialize(body.result.data);
      },
    ])) as [Timing, Timing, Timing];
    // The warm-up requests are the first ones the server handled.
    const served = handled.slice(-http.samples).sort((a, b) => a - b)[Math.floor(http.samples / 2)]!;
    rows.push([`first page, ${label}`, ms(service.median), ms(caller.median), ms(served), ms(served - service.median), ms(http.median)]);
  }
  await new Promise((resolve) => server.close(resolve));
  printTable(["call", "service", "tRPC in-process", "HTTP, server side", "overhead", "HTTP, round trip"], rows);
  console.log(`\n${sampling(runs)}. "tRPC in-process": the server components' caller (principal load, input`);
  console.log('parsing, the permission check, the service). "HTTP, server side": a GET to /api/trpc through the fetch adapter, from');
  console.log('the request\'s arrival to the last byte of the answer (superjson and JSON included); "overhead": that minus the service.');
  console.log('"HTTP, round trip": as the client in the same process sees it, its own fetch and parsing included.');
}
