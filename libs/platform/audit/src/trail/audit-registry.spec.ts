import { AuditRegistry, AuditRegistryError } from './audit-registry';

describe('AuditRegistry', () => {
  it('finds the aggregate by the longest matching stream prefix, and its confidentiality', () => {
    const registry = new AuditRegistry().register(
      { streamPrefix: 'team-', name: 'team' },
      { streamPrefix: 'team-case-', name: 'team case', confidential: true },
    );
    expect(registry.resolve('team-42')?.name).toBe('team');
    expect(registry.resolve('team-case-7')?.name).toBe('team case');
    expect(registry.resolve('okr-1')).toBeUndefined();
    expect(registry.isConfidential('team-case-7')).toBe(true);
    expect(registry.isConfidential('team-42')).toBe(false);
  });

  it('refuses bad prefixes, a prefix registered twice, and evolve without an initial state', () => {
    const registry = new AuditRegistry().register({ streamPrefix: 'team-', name: 'team' });
    expect(() => registry.register({ streamPrefix: 'team-', name: 'other' })).toThrow(AuditRegistryError);
    expect(() => registry.register({ streamPrefix: ' bad', name: 'x' })).toThrow(/prefix/);
    expect(() => registry.register({ streamPrefix: 'okr-', name: 'okr', evolve: (s: unknown) => s })).toThrow(/initialState/);
  });
});
