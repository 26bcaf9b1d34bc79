import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../lib/api.ts';
import { formatter, type Formatter, type Lang } from '../lib/format.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import en from './en.json';
import fr from './fr.json';

/** Stable keys; French is the reference (the parity test keeps en.json in step). */
export type MessageKey = keyof typeof fr;
export type Params = Record<string, string | number>;
const MESSAGES: Record<Lang, Record<string, string>> = { fr, en };
const STORAGE_KEY = 'vigie.lang';

/**
 * "{name}" placeholders. With a numeric params.count, "key#one" (or another Intl.PluralRules form) is used when the
 * file has it, else "key" itself.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const table = MESSAGES[lang];
  let text = table[key] ?? MESSAGES.fr[key] ?? key;
  if (typeof params['count'] === 'number') {
    const form = new Intl.PluralRules(lang).select(params['count']);
    text = table[`${key}#${form}`] ?? text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export type LabelGroup = 'perpetrator' | 'harm' | 'eventType' | 'source' | 'country' | 'quality';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  /** A label for a taxonomy value (perpetrator, harm, event type, source) with a fallback to the raw value. */
  label: (group: LabelGroup, value: string | null) => string;
  fmt: Formatter;
  setLang: (lang: Lang) => void;
}

const Context = createContext<I18n | null>(null);

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'fr' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** The URL's lang=… wins, then the last choice kept in localStorage, then French. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { params } = useLocation();
  const fromUrl = params.get('lang');
  const [stored, setStored] = useState<Lang | null>(storedLang);
  const lang: Lang = fromUrl === 'en' || fromUrl === 'fr' ? fromUrl : (stored ?? 'fr');
  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLanguage(lang);
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, p?: Params) => translate(lang, key, p);
    return {
      lang,
      t,
      fmt: formatter(lang),
      label: (group, v) => {
        if (v === null) return t(`${group}.none` as MessageKey);
        const key = `${group}.${v}`;
        return key in MESSAGES[lang] ? translate(lang, key as MessageKey) : v;
      },
      setLang: (next) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the URL still carries the choice
        }
        setStored(next);
        updateParams({ lang: next === 'fr' ? undefined : next }, { replace: true });
      },
    };
  }, [lang]);
  setApiLanguage(lang);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
