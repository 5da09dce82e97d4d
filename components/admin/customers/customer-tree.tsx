"use client";
import { useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { messageOf, useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/client-form";
import { cn } from "@/components/ui/cn";

type Node = { id: number; name: string; enabled: boolean; group: string | null; userCount: number; childCount: number };
type Level = { items: Node[]; nextCursor: string | null };
const rootKey = "root";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The customer hierarchy, one level at a time: a node's subsidiaries are fetched when it is expanded (a page at a
 * time), so even a hundred thousand customers never load at once. `levels` holds what the server rendered.
 */
export function CustomerTree({
  levels: initialLevels,
  openIds,
  selectedId,
}: {
  levels: Record<string, Level>;
  openIds: number[];
  selectedId?: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [levels, setLevels] = useState(initialLevels);
  const [open, setOpen] = useState(() => new Set(openIds));
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());

  const load = async (key: string, cursor?: string) => {
    setLoading((current) => new Set(current).add(key));
    try {
      const page = await queryClient.fetchQuery(
        trpc.admin.customers.children.queryOptions({ parentId: key === rootKey ? null : Number(key), cursor }),
      );
      setLevels((current) => {
        // A further page adds to what is shown (once each: a node pinned by `openIds` may come round again).
        const kept = cursor ? (current[key]?.items ?? []) : [];
        const seen = new Set(kept.map((item) => item.id));
        return { ...current, [key]: { items: [...kept, ...page.items.filter((item) => !seen.has(item.id))], nextCursor: page.nextCursor } };
      });
    } catch (error) {
      toast.error(messageOf(error));
    } finally {
      setLoading((current) => {
        const next = new Set(current);
        next.delete(key);
        return next;
      });
    }
  };

  const toggle = (node: Node) => {
    const key = String(node.id);
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(node.id)) next.delete(node.id);
      else next.add(node.id);
      return next;
    });
    if (!open.has(node.id) && !levels[key]) void load(key);
  };

  const renderLevel = (key: string, depth: number) => {
    const level = levels[key];
    if (!level)
      return loading.has(key) ? (
        <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: `${depth * 1.5 + 2}rem` }}>
          Loading…
        </p>
      ) : null;
    return (
      <ul className={depth === 0 ? "divide-y divide-slate-100" : undefined}>
        {level.items.map((node) => {
          const expanded = open.has(node.id);
          return (
            <li key={node.id} data-testid="tree-node" aria-label={node.name}>
              <div
                className={cn("flex items-center gap-2 py-1.5 pr-4 text-sm", node.id === selectedId && "bg-brand-50")}
                style={{ paddingLeft: `${depth * 1.5 + 0.5}rem` }}
                aria-current={node.id === selectedId ? "true" : undefined}
              >
                {node.childCount > 0 ? (
                  <button
                    type="button"
                    disabled={!hydrated}
                    aria-expanded={expanded}
                    aria-label={`${expanded ? "Collapse" : "Expand"} ${node.name}`}
                    onClick={() => toggle(node)}
                    className="flex size-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
                  >
                    <span aria-hidden className={cn("inline-block transition-transform", expanded && "rotate-90")}>
                      ▶
                    </span>
                  </button>
                ) : (
                  <span className="size-6" aria-hidden />
                )}
                <Link href={`/admin/customers/${node.id}`} className="font-medium text-brand-700 hover:underline">
                  {node.name}
                </Link>
                {node.enabled ? null : <Badge tone="red">Disabled</Badge>}
                {node.group ? <Badge>{node.group}</Badge> : null}
                <span className="ml-auto text-xs text-slate-500">
                  {plural(node.userCount, "user")}
                  {node.childCount ? ` · ${plural(node.childCount, "subsidiary", "subsidiaries")}` : ""}
                </span>
              </div>
              {expanded ? renderLevel(String(node.id), depth + 1) : null}
            </li>
          );
        })}
        {level.nextCursor ? (
          <li style={{ paddingLeft: `${depth * 1.5 + 2}rem` }} className="py-1.5">
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              disabled={!hydrated || loading.has(key)}
              onClick={() => load(key, level.nextCursor!)}
            >
              {loading.has(key) ? "Loading…" : "Show more"}
            </Button>
          </li>
        ) : null}
      </ul>
    );
  };

  if (!levels[rootKey]?.items.length) return <p className="px-5 py-6 text-sm text-slate-500">No customers yet.</p>;
  return (
    <nav aria-label="Customer hierarchy" className="py-1">
      {renderLevel(rootKey, 0)}
    </nav>
  );
}
