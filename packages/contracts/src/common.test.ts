import { describe, expect, it } from 'vitest';
import { BooleanQuerySchema, MAX_PAGE_LIMIT, PageQuerySchema, ScoreSchema, sortOf } from './common';

describe('PageQuerySchema', () => {
  it('defaults page 1 and limit 25 and coerces query-string numbers', () => {
    expect(PageQuerySchema.parse({})).toEqual({ page: 1, limit: 25 });
    expect(PageQuerySchema.parse({ page: '3', limit: '50' })).toEqual({ page: 3, limit: 50 });
  });

  it('caps limit at 100', () => {
    expect(MAX_PAGE_LIMIT).toBe(100);
    expect(PageQuerySchema.safeParse({ limit: '100' }).success).toBe(true);
    const over = PageQuerySchema.safeParse({ limit: '101' });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.path).toEqual(['limit']);
  });

  it('rejects page 0, fractional limits and unknown parameters', () => {
    expect(PageQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(PageQuerySchema.safeParse({ limit: '2.5' }).success).toBe(false);
    expect(PageQuerySchema.safeParse({ offset: '10' }).success).toBe(false);
  });
});

describe('sortOf', () => {
  const sort = sortOf(['name', 'createdAt']);

  it('accepts each listed field ascending and descending', () => {
    for (const value of ['name', '-name', 'createdAt', '-createdAt']) {
      expect(sort.safeParse(value).success).toBe(true);
    }
  });

  it('rejects fields that are not listed', () => {
    for (const value of ['passwordHash', '-email', '--name', 'name,createdAt', '']) {
      expect(sort.safeParse(value).success).toBe(false);
    }
  });
});

describe('BooleanQuerySchema', () => {
  it("turns only 'true' and 'false' into booleans", () => {
    expect(BooleanQuerySchema.parse('true')).toBe(true);
    expect(BooleanQuerySchema.parse('false')).toBe(false);
    for (const value of ['1', 'yes', 'TRUE', true]) {
      expect(BooleanQuerySchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('ScoreSchema', () => {
  it('holds whole numbers from 0 to 100', () => {
    expect(ScoreSchema.safeParse(0).success).toBe(true);
    expect(ScoreSchema.safeParse(100).success).toBe(true);
    expect(ScoreSchema.safeParse(101).success).toBe(false);
    expect(ScoreSchema.safeParse(-1).success).toBe(false);
    expect(ScoreSchema.safeParse(50.5).success).toBe(false);
  });
});
