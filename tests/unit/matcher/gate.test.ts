import { describe, expect, it } from 'vitest';
import { TablesBuilder } from '../../../src/matcher';
import { parseGate } from '../../../src/matcher/gate';

const terms = (id: string, form: string) => [{ id, forms: [form] }];

describe('frame gates', () => {
  it('are built of the forms added so far, whatever tables follow', () => {
    const later = new TablesBuilder().add(terms('nato', 'NATO')).tables();
    const builder = new TablesBuilder().add(terms('z', 'Zephyr task group'));
    const gate = parseGate(JSON.stringify(builder.gate()));
    builder.addTables(later);
    expect(gate?.('The zephyr task group sailed.')).toBe(true);
    expect(gate?.('NATO ministers met.')).toBe(false);
    expect(parseGate(JSON.stringify(builder.gate()))?.('NATO ministers met.')).toBe(true);
  });

  it('parse from their JSON, and are null when there is none', () => {
    expect(parseGate(null)).toBeNull();
    expect(parseGate(undefined)).toBeNull();
    expect(parseGate('null')).toBeNull();
    expect(new TablesBuilder().gate()).toBeNull();
  });
});
