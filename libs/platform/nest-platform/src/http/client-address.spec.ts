import { clientAddressResolver, trustedProxyProblem } from './client-address';

describe('the client address behind trusted proxies', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    const resolve = clientAddressResolver([]);
    expect(resolve('10.0.0.7', '203.0.113.9')).toBe('10.0.0.7');
    expect(resolve('::ffff:10.0.0.7', undefined)).toBe('10.0.0.7');
  });

  it('takes the address the trusted proxy saw, walking from the right past every trusted hop', () => {
    const resolve = clientAddressResolver(['172.28.0.0/16', '::1']);
    expect(resolve('172.28.0.5', '203.0.113.9')).toBe('203.0.113.9');
    // A caller who sends their own X-Forwarded-For cannot choose their address: only what the proxy appended counts.
    expect(resolve('172.28.0.5', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(resolve('::1', ['1.2.3.4', '203.0.113.9, 172.28.0.9'])).toBe('203.0.113.9');
    expect(resolve('::ffff:172.28.0.5', '2001:db8::1')).toBe('2001:db8::1');
  });

  it('ignores X-Forwarded-For from a peer it does not trust, and stops at garbage', () => {
    const resolve = clientAddressResolver(['172.28.0.0/16']);
    expect(resolve('198.51.100.1', '203.0.113.9')).toBe('198.51.100.1');
    expect(resolve('172.28.0.5', 'not-an-address')).toBe('172.28.0.5');
    expect(resolve('172.28.0.5', '')).toBe('172.28.0.5');
  });

  it('names what is wrong with a configured entry', () => {
    expect(trustedProxyProblem('10.0.0.0/8')).toBeNull();
    expect(trustedProxyProblem('::1')).toBeNull();
    expect(trustedProxyProblem('fd00::/8')).toBeNull();
    expect(trustedProxyProblem('10.0.0.0/33')).toMatch(/prefix length outside 0–32/);
    expect(trustedProxyProblem('nginx')).toMatch(/not an IP address/);
    expect(trustedProxyProblem('10.0.0.0/8/1')).toMatch(/not an IP address/);
  });
});
