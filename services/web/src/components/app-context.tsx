import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Api, ApiProblem } from '../lib/api';
import { isMessageKey, pickLanguage, translate, type Language, type MessageKey, type MessageParams, type Translate } from '../lib/i18n';
import { describeProblem, type ProblemView } from '../lib/problems';
import { loadSession, saveSession, type Session } from '../lib/session';

export interface WebConfig {
  readonly traceUrlTemplate: string | null;
  readonly devIssuer: boolean;
}

interface AppContextValue {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: Translate;
  /** A label for a value from the API (`phase.pilot`), or the value itself when the catalogue has none. */
  readonly label: (key: string, fallback?: string) => string;
  readonly session: Session | null;
  readonly setSession: (session: Session | null) => void;
  readonly api: Api;
  readonly config: WebConfig;
  readonly explain: (error: unknown) => ProblemView;
}

const AppContext = createContext<AppContextValue | null>(null);
const LANGUAGE_KEY = 'leerzone.language';

export function AppProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => pickLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language]));
  const [session, setSessionState] = useState<Session | null>(() => loadSession(sessionStorage));
  const [config, setConfig] = useState<WebConfig>({ traceUrlTemplate: null, devIssuer: true });

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    fetch('/web-config.json')
      .then((response) => (response.ok ? response.json() : null))
      .then((value: Partial<WebConfig> | null) => {
        if (value) setConfig({ traceUrlTemplate: typeof value.traceUrlTemplate === 'string' ? value.traceUrlTemplate : null, devIssuer: value.devIssuer !== false });
      })
      .catch(() => undefined);
  }, []);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const setSession = useCallback((next: Session | null) => {
    saveSession(sessionStorage, next);
    setSessionState(next);
  }, []);
  const t = useCallback<Translate>((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language]);
  const label = useCallback((key: string, fallback?: string) => (isMessageKey(key) ? translate(language, key) : (fallback ?? key)), [language]);
  const api = useMemo(() => new Api(session?.token ?? null, () => setSession(null)), [session, setSession]);
  const explain = useCallback(
    (error: unknown) => describeProblem(error instanceof ApiProblem ? error.problem : { status: 500 }, t),
    [t],
  );
  const value = useMemo(() => ({ language, setLanguage, t, label, session, setSession, api, config, explain }), [language, setLanguage, t, label, session, setSession, api, config, explain]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}

/** Loads `load()` when the deps change; `reload` runs it again (after a write). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const { explain } = useApp();
  const [state, setState] = useState<{ data: T | null; error: ProblemView | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: explain(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
