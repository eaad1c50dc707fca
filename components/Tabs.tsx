import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { uiDir } from '../lib/i18n';
import { tabKeyTarget } from './tablist';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

/**
 * An accessible tablist: one tab in the tab order (roving tabindex), arrows follow the reading
 * direction, Home/End; only the selected panel is rendered.
 */
export function Tabs<Id extends string>({ tabs, selected, onSelect, label, children }: {
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const onKeyDown = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e.key, index, tabs.length, uiDir());
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown} class="tablist">
        {tabs.map((t) => (
          <button
            type="button"
            role="tab"
            key={t.id}
            id={`tab-${t.id}`}
            aria-controls={`tabpanel-${t.id}`}
            aria-selected={t.id === selected}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${selected}`} aria-labelledby={`tab-${selected}`} tabIndex={0} class="tabpanel">
        {children}
      </div>
    </div>
  );
}
