import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and the API client against a fake fetch; no browser, no server.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
