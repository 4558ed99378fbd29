import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Api, ApiProblem } from '../lib/api';
import { isMessageKey, pickLanguage, translate, type Language, type MessageKey, type MessageParams, type Translate } from '../lib/i18n';
import { describeProblem, type ProblemView } from '../lib/problems';
import { completeSignIn, discover, endSessionUrl, isAuthorizationResponse, OidcError, type OidcSettings } from '../lib/oidc';
import { isExpired, loadSession, saveSession, type Session } from '../lib/session';

export interface WebConfig {
  readonly traceUrlTemplate: string | null;
  readonly devIssuer: boolean;
  /** The deployment's OpenID provider, or null (then only the development issuer, if it is on). */
  readonly oidc: OidcSettings | null;
  /** Whether `/web-config.json` has been read (until then the sign-in page waits). */
  readonly loaded: boolean;
}

/** Why the sign-in page is shown again, in a sentence. */
export interface SignInNotice {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** `/web-config.json` read defensively: anything malformed is off. */
export function readWebConfig(value: unknown): WebConfig {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const oidc = (raw['oidc'] && typeof raw['oidc'] === 'object' ? raw['oidc'] : null) as Record<string, unknown> | null;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const issuer = text(oidc?.['issuer']);
  const clientId = text(oidc?.['clientId']);
  return {
    traceUrlTemplate: text(raw['traceUrlTemplate']),
    devIssuer: raw['devIssuer'] === true,
    oidc: issuer && clientId ? { issuer, clientId, scope: text(oidc?.['scope']) ?? 'openid', resource: text(oidc?.['resource']) } : null,
    loaded: true,
  };
}

// The provider's answer is used once: StrictMode runs effects twice, and the second run must not see a spent `state`.
let completing: { search: string; result: Promise<{ session: Session; returnTo: string }> } | null = null;

interface AppContextValue {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: Translate;
  /** A label for a value from the API (`phase.pilot`), or the value itself when the catalogue has none. */
  readonly label: (key: string, fallback?: string) => string;
  readonly session: Session | null;
  readonly setSession: (session: Session | null) => void;
  /** Ends the session (at the provider too, when it offers an end-session endpoint); `because` is said on the sign-in page. */
  readonly signOut: (because?: SignInNotice) => void;
  readonly notice: SignInNotice | null;
  /** True while the provider's answer is being exchanged for tokens. */
  readonly completingSignIn: boolean;
  readonly api: Api;
  readonly config: WebConfig;
  readonly explain: (error: unknown) => ProblemView;
}

const AppContext = createContext<AppContextValue | null>(null);
const LANGUAGE_KEY = 'leerzone.language';

export function AppProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => pickLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language]));
  const [initial] = useState(() => loadSession(sessionStorage));
  const [session, setSessionState] = useState<Session | null>(() => (initial && !isExpired(initial, Date.now()) ? initial : null));
  const [notice, setNotice] = useState<SignInNotice | null>(() => (initial && isExpired(initial, Date.now()) ? { key: 'signIn.notice.expired' } : null));
  const [config, setConfig] = useState<WebConfig>({ traceUrlTemplate: null, devIssuer: false, oidc: null, loaded: false });
  const [completingSignIn, setCompleting] = useState(() => isAuthorizationResponse(window.location.search));

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // A session that expired while the tab was away is gone from storage too.
  useEffect(() => {
    if (initial && isExpired(initial, Date.now())) saveSession(sessionStorage, null);
  }, [initial]);

  useEffect(() => {
    fetch('/web-config.json')
      .then((response) => (response.ok ? response.json() : null))
      .then((value: unknown) => setConfig(readWebConfig(value)))
      .catch(() => setConfig(readWebConfig(null)));
  }, []);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const setSession = useCallback((next: Session | null) => {
    saveSession(sessionStorage, next);
    setSessionState(next);
    if (next) {
      setNotice(null);
      sessionStorage.removeItem('leerzone.oidc.pending');
    }
  }, []);
  const signOut = useCallback(
    (because?: SignInNotice) => {
      const ending = session;
      setSession(null);
      setNotice(because ?? null);
      // A person who signs out ends the provider's session too; an expired or refused token just comes back here.
      if (!because && ending?.method === 'oidc' && config.oidc) {
        const settings = config.oidc;
        void discover(settings)
          .then((metadata) => endSessionUrl(metadata, settings, ending.idToken, window.location.origin))
          .then((url) => url && window.location.assign(url))
          .catch(() => undefined);
      }
    },
    [session, setSession, config.oidc],
  );

  // Back from the provider (`?code=…&state=…`): exchange the code, then continue where the person was.
  useEffect(() => {
    if (!config.loaded || !isAuthorizationResponse(window.location.search)) return;
    const search = window.location.search;
    const done = (hash: string) => {
      window.history.replaceState(null, '', `/${hash}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      setCompleting(false);
    };
    if (!config.oidc) {
      setNotice({ key: 'signIn.refused.state' });
      done('#/sign-in');
      return;
    }
    if (completing?.search !== search) completing = { search, result: completeSignIn(config.oidc, search, sessionStorage) };
    let live = true;
    completing.result.then(
      ({ session: next, returnTo }) => {
        if (!live) return;
        setSession(next);
        done(returnTo);
      },
      (error: unknown) => {
        if (!live) return;
        const reason = error instanceof OidcError ? error.reason : 'token';
        setNotice({ key: `signIn.refused.${reason}`, params: { detail: error instanceof OidcError ? error.detail : '' } });
        done('#/sign-in');
      },
    );
    return () => {
      live = false;
    };
  }, [config, setSession]);

  // A token that expires ends the session then, with a sentence saying so.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const left = Math.min(session.expiresAt - Date.now(), 2_147_483_647);
    const timer = setTimeout(() => signOut({ key: 'signIn.notice.expired' }), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const t = useCallback<Translate>((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language]);
  const label = useCallback((key: string, fallback?: string) => (isMessageKey(key) ? translate(language, key) : (fallback ?? key)), [language]);
  const api = useMemo(() => new Api(session?.token ?? null, () => signOut({ key: 'signIn.notice.rejected' })), [session, signOut]);
  const explain = useCallback(
    (error: unknown) => describeProblem(error instanceof ApiProblem ? error.problem : { status: 500 }, t),
    [t],
  );
  const value = useMemo(
    () => ({ language, setLanguage, t, label, session, setSession, signOut, notice, completingSignIn, api, config, explain }),
    [language, setLanguage, t, label, session, setSession, signOut, notice, completingSignIn, api, config, explain],
  );
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
