import { useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { isoDayOf } from '../lib/ui/date-input';

/**
 * A date field: typed text ("2024-12-08" or "8/12/2024", any digits) with a button that opens
 * the browser's calendar. Not a bare <input type="date">: Chromium draws its empty Arabic
 * placeholder ("يوم/شهر/سنة") with every word's letters reversed, whatever the CSS.
 */
export function DateField({ label, value, onValue }: { label: string; value: string; onValue: (v: string) => void }) {
  const picker = useRef<HTMLInputElement>(null);
  const bad = value.trim() !== '' && isoDayOf(value) === null;
  return (
    <label class="date-field">
      {label}
      <span class="date-row">
        <input type="text" dir="ltr" inputMode="numeric" placeholder={t('dateHint')} value={value} aria-invalid={bad} onInput={(e) => onValue(e.currentTarget.value)} />
        <button
          type="button"
          class="icon"
          aria-label={t('pickDate', label)}
          onClick={() => {
            const p = picker.current;
            if (!p) return;
            p.value = isoDayOf(value) ?? '';
            p.showPicker();
          }}
        >
          {/* A drawn calendar: no emoji font can be counted on. */}
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
            <rect x="1.75" y="3" width="12.5" height="11" rx="1.5" />
            <path d="M1.75 6.5h12.5M5 1.5v3M11 1.5v3" />
          </svg>
        </button>
        <input ref={picker} type="date" tabIndex={-1} aria-hidden="true" aria-label={label} class="date-picker" onChange={(e) => onValue(e.currentTarget.value)} />
      </span>
    </label>
  );
}
