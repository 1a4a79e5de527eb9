/** What other workspaces (the web app's store tests) use to run the real server in-process. */
export { createTestDatabase, testDatabaseKinds, type TestDatabaseKind } from './databases';
export { TEST_PASSWORD, createOrganization, createTeam, createUser } from './factories';
export { startTestApp, type TestApp } from './test-app';
