import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { Field, ProblemNotice } from '../components/ui';
import { devToken } from '../lib/api';
import type { ProblemView } from '../lib/problems';
import { ROLES } from '../lib/session';

/**
 * Sign-in. With the development issuer (standalone) a person picks who they are — it says
 * plainly that this is for development. The OIDC seam (authorization code + PKCE against the
 * configured issuer) is not built; docs/web.md says so.
 */
export function SignInPage() {
  const { t, setSession, explain, config } = useApp();
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
      const token = await devToken(tenantId.trim(), userId.trim(), roles);
      setSession({ token, tenantId: tenantId.trim(), userId: userId.trim(), roles, method: 'development-issuer' });
      if (window.location.hash === '#/sign-in') window.location.hash = '#/teams';
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
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
      ) : (
        <p className="card">{t('signIn.oidcNotBuilt')}</p>
      )}
    </div>
  );
}
