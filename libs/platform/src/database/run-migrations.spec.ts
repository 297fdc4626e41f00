import { appRoleGrants } from './run-migrations';

describe('appRoleGrants', () => {
  it('gives the run-time role data rights only, now and for tables later migrations create', () => {
    const sql = appRoleGrants('catalog_app', 'techbridge_catalog');
    expect(sql).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "catalog_app"');
    expect(sql).toContain('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "catalog_app"');
    expect(sql).toContain('REVOKE ALL ON DATABASE "techbridge_catalog" FROM PUBLIC');
    expect(sql.join('\n')).not.toMatch(/CREATE|DROP|ALTER TABLE|TRUNCATE|ALL PRIVILEGES/);
  });

  it('refuses a name that would need quoting (no SQL from the environment)', () => {
    expect(() => appRoleGrants('x"; DROP TABLE offers; --', 'techbridge_catalog')).toThrow(/not a plain/);
    expect(() => appRoleGrants('catalog_app', 'Techbridge')).toThrow(/not a plain/);
  });
});
