import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { Field, ProblemNotice } from '../components/ui';
import { devToken } from '../lib/api';
import type { ProblemView } from '../lib/problems';
import { beginSignIn, OidcError } from '../lib/oidc';
import { ROLES } from '../lib/session';

/**
 * Sign-in. Through the deployment's OpenID provider when one is configured (authorization code
 * + PKCE, `lib/oidc.ts`); with the development issuer (standalone) a person picks who they are —
 * it says plainly that this is for development. Why the person is here again (expired, refused)
 * is said first.
 */
export function SignInPage() {
  const { t, setSession, explain, config, notice, completingSignIn } = useApp();
  const [leaving, setLeaving] = useState(false);
  const [oidcProblem, setOidcProblem] = useState<string | null>(null);
  const [tenantId, setTenantId] = useState('demo');
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<string[]>(['member']);
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { token, expiresAt } = await devToken(tenantId.trim(), userId.trim(), roles);
      setSession({ token, tenantId: tenantId.trim(), userId: userId.trim(), roles, method: 'development-issuer', ...(expiresAt ? { expiresAt } : {}) });
      if (window.location.hash === '#/sign-in') window.location.hash = '#/teams';
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  };

  const signInWithProvider = async () => {
    if (!config.oidc) return;
    setLeaving(true);
    setOidcProblem(null);
    try {
      await beginSignIn(config.oidc, sessionStorage, window.location);
    } catch (error) {
      setOidcProblem(error instanceof OidcError ? t(`signIn.refused.${error.reason}`, { detail: error.detail }) : t('signIn.refused.discovery', { detail: '' }));
      setLeaving(false);
    }
  };

  if (!config.loaded || completingSignIn) {
    return (
      <div className="narrow">
        <h1>{t('signIn.title')}</h1>
        <p role="status">{completingSignIn ? t('signIn.completing') : t('common.loading')}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {notice ? <p className="notice notice-warn" role="alert" data-testid="sign-in-notice">{t(notice.key, notice.params)}</p> : null}
      {config.oidc ? (
        <div className="card">
          <p>{t('signIn.oidcExplain')}</p>
          {oidcProblem ? <p className="notice notice-error" role="alert">{oidcProblem}</p> : null}
          <button type="button" onClick={() => void signInWithProvider()} disabled={leaving}>{t('signIn.oidc')}</button>
        </div>
      ) : null}
      {config.devIssuer ? (
        <form className="card" onSubmit={submit} noValidate aria-describedby="dev-warning">
          <p id="dev-warning" className="notice notice-warn"><strong>{t('signIn.devOnly')}</strong> {t('signIn.devExplain')}</p>
          <ProblemNotice problem={problem} />
          <Field label={t('signIn.tenant')} name="tenantId" problem={problem}>
            {(props) => <input {...props} value={tenantId} onChange={(e) => setTenantId(e.target.value)} autoComplete="organization" required />}
          </Field>
          <Field label={t('signIn.user')} name="userId" problem={problem} hint={t('signIn.userHint')}>
            {(props) => <input {...props} value={userId} onChange={(e) => setUserId(e.target.value)} autoComplete="username" required />}
          </Field>
          <fieldset>
            <legend>{t('signIn.roles')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={(e) => setRoles((current) => (e.target.checked ? [...current, role] : current.filter((r) => r !== role)))} />
                {t(`role.${role}`)}
              </label>
            ))}
            {problem?.fields['roles'] ? <p className="field-error">{problem.fields['roles']}</p> : null}
          </fieldset>
          <button type="submit" disabled={busy}>{t('signIn.submit')}</button>
        </form>
      ) : null}
      {!config.devIssuer && !config.oidc ? <p className="card">{t('signIn.unavailable')}</p> : null}
    </div>
  );
}
