/**
 * Bad input, generated (fast-check): random and malformed frontmatter for the schemas,
 * random bytes and broken documents for the importer. Every case ends in a clear Chinese
 * error or a valid result: never an exception of another kind, never a half-written year.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { reportSchema, sectionSchema } from '../../src/domain/schema';
import { toChineseNumeral } from '../../src/domain/numerals';
import { prepare } from '../../src/importer/index';
import { ImportError } from '../../src/importer/errors';
import { astroEnv, ROOT } from '../helpers/build';

const CJK = /[\u4e00-\u9fff]/;
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  fc.constantFrom('二〇二三', '2023', '2024-13-01', '2024-01-08', '一', '七', '主要举措和成效', ''),
);

type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** A schema without its optional/default/pipe wrappers: what a value must be. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as Schema | undefined;
    if (!inner) return s;
    s = inner;
  }
}

/** The keys of an object schema, each with the schema of its value. */
const shapeOf = (schema: Schema) => (unwrap(schema)._zod.def.shape ?? {}) as Record<string, Schema>;

/**
 * Frontmatter that is sometimes right, mostly wrong: the schema's own keys (read from it, so a
 * new field is fuzzed too) with random values, stray keys; a list of objects (figures,
 * corrections) gets lists of such objects as well as random values.
 */
function frontmatter(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const shape = shapeOf(schema);
  const keys = Object.keys(shape);
  const valueFor = (key: string): fc.Arbitrary<unknown> => {
    const inner = Object.hasOwn(shape, key) ? unwrap(shape[key]!) : undefined;
    const element = inner?._zod.def.type === 'array' ? unwrap(inner._zod.def.element as Schema) : undefined;
    return element?._zod.def.type === 'object' ? fc.oneof(anyValue, fc.array(frontmatter(element), { maxLength: 3 })) : anyValue;
  };
  return fc
    .array(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), { maxLength: keys.length + 2 })
    .chain((chosen) => fc.record(Object.fromEntries([...new Set(chosen)].map((k) => [k, valueFor(k)]))));
}

describe('schemas under random frontmatter', () => {
  it('fuzzes every field, nested ones included', () => {
    expect(Object.keys(shapeOf(sectionSchema as unknown as Schema))).toContain('figures');
    const figures = unwrap(shapeOf(sectionSchema as unknown as Schema).figures!);
    expect(Object.keys(shapeOf(figures._zod.def.element as Schema))).toEqual(['key', 'label', 'value', 'unit', 'qualifier']);
  });

  for (const [name, schema] of [
    ['report', reportSchema],
    ['section', sectionSchema],
  ] as const) {
    it(`${name}: a valid result, or every issue names its field in Chinese`, () => {
      fc.assert(
        fc.property(frontmatter(schema as unknown as Schema), (fm) => {
          const r = (schema as typeof reportSchema).safeParse(fm);
          if (r.success) return;
          for (const issue of r.error.issues) {
            expect(issue.message).toMatch(CJK);
            // The innermost key the issue is about (figures.0.value: value); unknown-key
            // issues sit on the object and name the keys instead.
            const field = [...issue.path].reverse().find((p) => typeof p === 'string');
            if (field && issue.code !== 'unrecognized_keys') expect(issue.message).toContain(field);
          }
        }),
        { numRuns: 500 },
      );
    });
  }
});

const LINES = [
  '一、示例举措', '二、测试不足和原因', '三、示例第一责任人职责', '四、2025年度测试安排', '十一、示例',
  '（一）示例小标题', '(二)测试小标题。正文', '示例局', '2025年1月10日', '2024年,示例局开展测试工作。',
  '1. 测试', '# 示例', '- 测试', '> 示例', '{测试}', '<示例>', '*测试*', '_示例_', '[测试](x)', '| a | b |',
  'import x from "y"', 'export const a = 1', 'https://example.test/测试', '\\', '`code`', '&amp;', '', '   ',
];
const line = fc.oneof(fc.constantFrom(...LINES), fc.string({ unit: 'grapheme', maxLength: 20 }));
/** Lines in any order: mostly not a report at all. */
const shuffled = fc.array(line, { maxLength: 25 });
/** Shaped like a report (preface, numbered parts, signature) with hostile text inside. */
const shaped = fc
  .record({
    preface: fc.array(line, { maxLength: 3 }),
    sections: fc.array(
      fc.record({ heading: fc.oneof(fc.constantFrom('示例举措', '测试不足和原因', '2026年度测试安排', '示例{x}<y>*z*'), line), body: fc.array(line, { maxLength: 4 }) }),
      { minLength: 1, maxLength: 8 },
    ),
    signed: fc.boolean(),
  })
  .map((d) => [
    '2025年,示例局开展测试工作。',
    ...d.preface,
    ...d.sections.flatMap((s, i) => [`${toChineseNumeral(i + 1)}、${s.heading}`, ...s.body]),
    ...(d.signed ? ['示例局', '2026年1月10日'] : []),
  ]);
const textDocument = fc
  .tuple(fc.oneof(shuffled, shaped), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol));

async function outcome(bytes: Uint8Array, ext: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-prop-'));
  const file = join(dir, `input${ext}`);
  writeFileSync(file, bytes);
  try {
    const prepared = await prepare(file, `input${ext}`, join(dir, 'content'));
    return { prepared };
  } catch (e) {
    if (e instanceof ImportError) return { error: e.message };
    throw e;
  }
}

async function compiles(text: string) {
  const { content } = parseFrontmatter(text);
  await compile(content, { remarkPlugins: [remarkGfm] });
}

describe('the importer under random and broken input', () => {
  it('random bytes: a clear error or a valid result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('.txt', '.docx', '.doc', '.pdf', '.md'), async (bytes, ext) => {
        const r = await outcome(bytes, ext);
        if ('error' in r) expect(r.error).toMatch(CJK);
      }),
      { numRuns: 150 },
    );
  });

  it('generated documents: every valid result passes the schemas and compiles as MDX', async () => {
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(textDocument, async (text) => {
        const r = await outcome(new TextEncoder().encode(text), '.txt');
        if ('error' in r) {
          expect(r.error).toMatch(CJK);
          return;
        }
        valid++;
        const { planned } = r.prepared!;
        expect(reportSchema.safeParse(parseFrontmatter(planned.reportText).frontmatter).success).toBe(true);
        await compiles(planned.reportText);
        for (const s of planned.sections) {
          const parsed = sectionSchema.safeParse(parseFrontmatter(s.text).frontmatter);
          expect(parsed.error?.issues ?? []).toEqual([]);
          await compiles(s.text);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the valid side too, or this property would prove little.
    expect(valid).toBeGreaterThan(10);
  });

  it('through the command: one Chinese line, exit 1, no stack trace, nothing written', () => {
    const samples = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), { numRuns: 6, seed: 2026 });
    for (const [i, bytes] of samples.entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'fznb-prop-cli-'));
      const file = join(dir, i % 2 ? 'report.docx' : 'report.txt');
      writeFileSync(file, bytes);
      const content = join(dir, 'content');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), file], {
        env: astroEnv({ CONTENT_DIR: content }),
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(CJK);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(content) ? readdirSync(content, { recursive: true }).filter((f) => String(f).endsWith('.mdx')) : []).toEqual([]);
    }
  });
});
