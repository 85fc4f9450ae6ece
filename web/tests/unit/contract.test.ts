// The client's view of the API against the server's OpenAPI document (src/Pipeline/Contract/openapi.json), so a
// field added or renamed on the server fails here instead of silently missing from the form.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { densityNames, generationStates, layoutNames, regenerateFields, requestFields, sheetRequestFields } from '../../src/contract';
import { controlFor, initialValues } from '../../src/form';

const openApi = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/Pipeline/Contract/openapi.json'), 'utf8'));
const schemas = openApi.components.schemas;

describe('the client follows the OpenAPI document', () => {
  it('knows every field of a generation request, and every one it offers has an input', () => {
    expect([...requestFields, ...sheetRequestFields].sort()).toEqual(Object.keys(schemas.GenerationRequest.properties).sort());
    for (const field of requestFields) {
      expect(controlFor(field, { valenceMode: 'single', densityMode: 'single' }), field).toBeDefined();
    }
  });

  it('writes a regenerate request with the fields of its schema', () => {
    expect(schemas.GenerationRequest.properties.regenerate.$ref).toBe('#/components/schemas/Regenerate');
    expect([...regenerateFields].sort()).toEqual(Object.keys(schemas.Regenerate.properties).sort());
    expect(schemas.Regenerate.required.sort()).toEqual(['bars', 'generation']);
  });

  it('knows every generation status and density', () => {
    expect([...generationStates]).toEqual(schemas.GenerationStatus.properties.status.enum);
    expect([...densityNames]).toEqual(schemas.Density.enum);
    expect([...layoutNames]).toEqual(schemas.GenerationRequest.properties.layout.enum);
  });

  it('starts the layout control at the server default', () => {
    expect(initialValues().layout).toBe(schemas.GenerationRequest.properties.layout.default);
  });

  it('reads the documents by the names the server writes', () => {
    const names = (schema: string) => Object.keys(schemas[schema].properties).sort();
    expect(names('GenerationStatus')).toEqual(['createdAt', 'detail', 'error', 'id', 'lastUpdatedAt', 'progress', 'seed', 'stage', 'status', 'timings', 'variations']);
    expect(names('Variation')).toEqual(['analysis', 'files', 'seed', 'variation']);
    expect(names('VariationFiles')).toEqual(['midi', 'musicXml', 'report']);
    expect(names('FileLink')).toEqual(['contentType', 'expiresAt', 'fileName', 'url']);
    expect(names('Problem')).toEqual(['detail', 'errors', 'instance', 'status', 'title', 'type']);
    expect(names('Model')).toEqual(expect.arrayContaining(['name', 'architecture', 'description', 'minBars', 'maxBars', 'timeSignatures']));
  });
});
