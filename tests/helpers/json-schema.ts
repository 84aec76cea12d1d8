/** Validating JSON against a JSON Schema (draft 2020-12, as z.toJSONSchema writes it) with ajv. */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function validator(schema: object): (data: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`));
}
