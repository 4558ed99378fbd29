// The demo organisation seeder: see services/demo/README (built in issue 15).
export {};
