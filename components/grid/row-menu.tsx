"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/client-form";

export type RowMenuItem =
  { label: string; href: string; danger?: boolean } | { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

/**
 * The "More options" menu of a grid row (WAI-ARIA menu button): opens on click, Enter or arrow keys; arrows move
 * between items; Escape or a click elsewhere closes it and returns focus to the button. The menu is rendered at the
 * end of the page and placed by the button (below it, or above it near the bottom of the window), so neither a
 * table's scroll container nor a sticky column clips or covers it; scrolling closes it.
 */
export function RowMenu({ label, items }: { label: string; items: RowMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<React.CSSProperties>({});
  const hydrated = useHydrated();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]:not([aria-disabled=true])") ?? [])];
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const openMenu = () => {
    const rect = button.current?.getBoundingClientRect();
    if (rect) {
      const right = window.innerWidth - rect.right;
      const below = window.innerHeight - rect.bottom;
      const height = items.length * 32 + 16;
      setPlace(below < height && rect.top > below ? { bottom: window.innerHeight - rect.top + 4, right } : { top: rect.bottom + 4, right });
    }
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const onMove = () => setOpen(false);
    document.addEventListener("pointerdown", onPointer);
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("scroll", onMove, true);
      window.removeEventListener("resize", onMove);
    };
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      list[event.key === "Home" ? 0 : list.length - 1]?.focus();
    }
  };

  const itemClass = (danger?: boolean, disabled?: boolean) =>
    cn(
      "block w-full px-3 py-1.5 text-left text-sm outline-none focus:bg-slate-100",
      danger ? "text-red-700" : "text-slate-800",
      disabled && "cursor-not-allowed text-slate-400",
    );

  return (
    <div className="relative inline-block text-left">
      <button
        ref={button}
        type="button"
        disabled={!hydrated}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openMenu())}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            openMenu();
          }
        }}
        className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
      >
        <span aria-hidden>⋯</span>
      </button>
      {open
        ? createPortal(
            <div
              ref={menu}
              id={menuId}
              role="menu"
              aria-label={label}
              onKeyDown={onMenuKey}
              style={place}
              className="fixed z-30 min-w-44 rounded-md border border-slate-200 bg-white py-1 text-left shadow-lg"
            >
              {items.map((item) =>
                "href" in item ? (
                  <Link
                    key={item.label}
                    role="menuitem"
                    tabIndex={-1}
                    href={item.href}
                    className={itemClass(item.danger)}
                    onClick={() => close(false)}
                  >
                    {item.label}
                  </Link>
                ) : (
                  <button
                    key={item.label}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    aria-disabled={item.disabled || undefined}
                    className={itemClass(item.danger, item.disabled)}
                    onClick={() => {
                      if (item.disabled) return;
                      close();
                      item.onSelect();
                    }}
                  >
                    {item.label}
                  </button>
                ),
              )}
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
