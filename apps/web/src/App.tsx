import type { LoginResponse } from '@flow/contracts';
import { LogIn, Sparkles } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { login } from './auth/login';

/** Start page until the full app shell lands: sign in against the real server. */
export function App() {
  const [email, setEmail] = useState('sales@demo.flowcrm.dev');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<LoginResponse | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await login(email, password);
      if (result.ok) setSession(result.session);
      else setError(result.message);
    } catch {
      setError('Cannot reach the server. Is it running?');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <header className="flex items-center gap-2">
        <Sparkles aria-hidden className="h-7 w-7 text-indigo-600" />
        <h1 className="text-2xl font-semibold">Flow CRM</h1>
      </header>
      {session ? (
        <p className="rounded-lg bg-white p-4 shadow" role="status">
          Signed in as <strong>{session.user.name}</strong> ({session.user.role}).
        </p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-lg bg-white p-6 shadow">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Email
            <input
              className="rounded border border-slate-300 px-3 py-2"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Password
            <input
              className="rounded border border-slate-300 px-3 py-2"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={busy}
            className="flex items-center justify-center gap-2 rounded bg-indigo-600 px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            <LogIn aria-hidden className="h-4 w-4" /> {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="text-xs text-slate-500">Demo: sales@demo.flowcrm.dev / demo-password</p>
        </form>
      )}
    </main>
  );
}
