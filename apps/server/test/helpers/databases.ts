export * from '../../src/db/testing/databases';
