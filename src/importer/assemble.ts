/**
 * From the parts found in the text to the report as it will be written: its date, agency and
 * year decided from what the original prints, its items guessed, and a warning for each guess
 * that looks wrong. Where each value came from is kept for the summary (Report.sources).
 *
 * - 成文日期: the 落款's date (a different date under the title is named in a warning); without
 *   a 落款, the date printed under the title; else the metadata's 成文日期; else, said in the
 *   summary and a warning, the page's 发布日期 (the latest it can be; a page's 发布时间 is never
 *   taken before any of these). Dates in Chinese numerals and full-width digits are read too
 *   (signature.ts). The signature is [] when the original prints no 落款.
 * - 发布机构: the 落款's agency; else the metadata's 发布机构; else the agency printed on a line
 *   of its own by the title; else the name before the year in the title; else, said in a
 *   warning, the site's own bureau (site.config.ts), when the caller knows it.
 * - the year: --year, else the title's, else the preface's, else the year before the 成文日期.
 * Without any date, the report is still imported, as a draft: signedOn holds 1月10日 of the
 * next year, marked 待填写 beside it (as `npm run new` marks it), so the check refuses to publish
 * it until staff write the real date; the warning quotes what was looked at. Only a report
 * whose year cannot be read either (no date, no year in the title or preface, no --year) is
 * refused.
 */
import { TO_BE_WRITTEN } from '../domain/check.ts';
import { formatChineseDate } from '../domain/dates.ts';
import { missingMandatoryItems } from '../domain/items.ts';
import { isReportYear } from '../domain/layout.ts';
import { ImportError } from './errors.ts';
import { short } from './quote.ts';
import { decideYear, guessItems, yearInPreface, firstYear } from './guess.ts';
import { isBodyName } from './signature.ts';
import type { Parsed, Report } from './model.ts';

interface Dated {
  signedOn: string;
  source: string;
  /** The 落款's lines as printed; [] for none. */
  lines: string[];
}

/** The places a 成文日期 was looked for, quoted. */
function placesLooked(parsed: Parsed): string {
  const last = parsed.lastLines.map((l) => `“${short(l, 40)}”`).join('、');
  return `文末的最后几段${last || '（没有）'}不是落款（发布机构和日期）；标题下没有单独一行的日期；也没有“成文日期”一栏`;
}

/** The refusal of a report with neither a date nor a year anywhere. */
function noDateNorYear(parsed: Parsed, file: string): ImportError {
  return new ImportError(
    `${file} 中没有找到成文日期，标题和前言中也没有年份，没有导入。看过的地方：${placesLooked(parsed)}。` +
      '请用 --year 指定报告年度（将导入为草稿，成文日期标为待填写），或导入报告的正式文本：有落款的 Word 定稿，或门户网站上列出“成文日期”的公开页面。',
  );
}

/** A 成文日期 left for staff: 1月10日 of the year after the report's, as `npm run new` fills it. */
function undated(parsed: Parsed, year: number): Dated & { note: string; warning: string } {
  const signedOn = `${year + 1}-01-10`;
  return {
    signedOn,
    source: `原文中没有找到，暂填 ${signedOn}，标为“${TO_BE_WRITTEN}”，报告存为草稿`,
    lines: [],
    note: `${TO_BE_WRITTEN}：落款日期，原文中没有`,
    warning:
      `原文中没有找到成文日期（看过的地方：${placesLooked(parsed)}）。signedOn 暂填 ${signedOn} 并标为“${TO_BE_WRITTEN}”，报告存为草稿（draft: true），不会发布。` +
      `请向起草单位核实落款日期，改正 signedOn，删掉“# ${TO_BE_WRITTEN}…”注释和 draft: true 后再运行 npm run check。`,
  };
}

/** The 成文日期 and where it was read (see the module comment); undefined when the original prints none. */
function decideDate(parsed: Parsed): Dated | undefined {
  const { signature: s, dateLine, metadata } = parsed;
  if (s) return { signedOn: s.signedOn, source: `落款“${s.dateText}”`, lines: [...s.agencyLines, s.dateText] };
  if (dateLine) return { signedOn: dateLine.signedOn, source: `标题下的日期“${dateLine.text}”；原文没有落款`, lines: [] };
  if (metadata.signedOn) return { signedOn: metadata.signedOn, source: '政务公开信息中的“成文日期”；原文没有落款', lines: [] };
  if (metadata.publishedOn) {
    return { signedOn: metadata.publishedOn, source: '原文没有落款，也没有成文日期：暂按网页上的发布日期填写，请向起草单位核实后改正 signedOn', lines: [] };
  }
  return undefined;
}

/** The agency named before the year in a title, when it reads as a body's name: 关于示例局2024年… → 示例局. */
function agencyInTitle(title: string | undefined): string | undefined {
  const name = title && /^(?:关于)?(.{2,40}?)\d{4}\s*年/.exec(title)?.[1];
  return name && isBodyName(name) ? name : undefined;
}

/** The 发布机构 and where it was read (see the module comment); the site's own bureau when the original names none. */
function decideAgency(parsed: Parsed, file: string, bureau?: string): { agency: string; source: string; warning?: string } {
  const fromSignature = parsed.signature?.agencyLines[0];
  if (fromSignature) return { agency: fromSignature, source: '取自落款' };
  if (parsed.metadata.agency) return { agency: parsed.metadata.agency, source: '取自政务公开信息中的“发布机构”' };
  if (parsed.agencyLine) return { agency: parsed.agencyLine, source: '取自标题旁单独一行的机构名' };
  const fromTitle = agencyInTitle(parsed.title);
  if (fromTitle) return { agency: fromTitle, source: '取自标题中年份之前的机构名' };
  if (bureau) {
    return {
      agency: bureau,
      source: '原文中没有读出，按网站设置（site.config.ts 的 bureau）填写',
      warning: `原文中没有读出发布机构（落款中没有机构名，标题${parsed.title ? `“${parsed.title}”` : ''}中也读不出）：agency 按网站设置填写为“${bureau}”。如果报告是别的单位发布的，请改正 agency。`,
    };
  }
  throw new ImportError(
    `${file} 中没有找到发布机构，没有导入：落款中没有机构名，标题${parsed.title ? `“${parsed.title}”` : ''}中也读不出。请导入报告的正式文本（有落款的 Word 定稿）。`,
  );
}

/** Warnings where the year, the title and the date disagree, or a mandatory item is not guessed. */
function consistency(parsed: Parsed, r: Pick<Report, 'year' | 'yearSource' | 'signedOn' | 'sections'>): string[] {
  const warnings: string[] = [];
  const prefaceYear = yearInPreface(parsed.preface);
  if (r.yearSource === 'option' && prefaceYear !== undefined && prefaceYear !== r.year) {
    warnings.push(`前言中的年份是 ${prefaceYear}，但 --year 指定了 ${r.year}。请确认年度无误。`);
  }
  const titleYear = parsed.title === undefined ? undefined : firstYear(parsed.title);
  if (titleYear !== undefined && titleYear !== r.year) {
    warnings.push(`标题中的年份是 ${titleYear}，报告年度却是 ${r.year}。请核对；需要时用 --year 指定年度。`);
  }
  if (Number(r.signedOn.slice(0, 4)) !== r.year + 1) warnings.push(`成文日期 ${r.signedOn} 不在报告年度 ${r.year} 的次年。请核对年度和成文日期。`);
  const { metadata, signature, dateLine } = parsed;
  if (signature && dateLine && dateLine.signedOn !== signature.signedOn) {
    warnings.push(`标题下的日期“${dateLine.text}”与落款日期“${signature.dateText}”不同：成文日期已按落款填写为 ${r.signedOn}。请核对。`);
  }
  if (metadata.signedOn && metadata.signedOn !== r.signedOn) {
    warnings.push(`政务公开信息中的成文日期是 ${metadata.signedOn}，${signature ? '落款' : '标题下'}却是 ${r.signedOn}：已按后者。请核对。`);
  }
  const missing = missingMandatoryItems(r.sections.flatMap((s) => s.items));
  if (missing.length) warnings.push(`按标题和正文推测，没有哪一部分报告：${missing.join('、')}。规定要求报告这几项：请核对各部分的 items。`);
  return warnings;
}

/** The report to write: dates, agency and year decided, items guessed, warnings for what looks wrong. */
export function assemble(parsed: Parsed, yearOption?: number, file = '原文', bureau?: string): Report {
  const printed = decideDate(parsed);
  const decided = decideYear(yearOption, parsed.title, parsed.preface, printed?.signedOn);
  if (!decided) throw noDateNorYear(parsed, file);
  const { year, source } = decided;
  const dated: Dated & { note?: string; warning?: string } = printed ?? undated(parsed, year);
  if (!isReportYear(year)) {
    throw new ImportError(`推测出的报告年度 ${year} 不是四位阿拉伯数字年份（成文日期 ${dated.signedOn}）。请核对落款日期，或用 --year 指定年度。`);
  }
  const { agency, source: agencySource, warning: agencyWarning } = decideAgency(parsed, file, bureau);
  const guesses = guessItems(parsed.sections, year);
  const sections = parsed.sections.map((s, i) => ({ ...s, items: guesses[i]!.map((g) => g.item), reasons: guesses[i]! }));
  const standard = dated.lines.length === 2 && dated.lines[0] === agency && dated.lines[1] === formatChineseDate(dated.signedOn);
  const m = parsed.metadata;
  const report: Report = {
    year,
    yearSource: source,
    title: parsed.title ?? `${agency}${year}年法治政府建设年度报告`,
    titleFromSource: parsed.title !== undefined,
    documentNumber: parsed.documentNumber ?? m.documentNumber,
    indexNumber: m.indexNumber,
    publishedOn: m.publishedOn,
    validity: m.validity,
    topic: m.topic,
    agency,
    signedOn: dated.signedOn,
    signature: standard ? undefined : dated.lines,
    sources: { agency: agencySource, signedOn: dated.source },
    ...(dated.note ? { draft: true, notes: { signedOn: dated.note, draft: '填好成文日期、核对后删除这一行即发布' } } : {}),
    preface: parsed.preface,
    prefaceFootnotes: parsed.prefaceFootnotes,
    sections,
    leftOut: parsed.leftOut,
    warnings: [...parsed.warnings],
  };
  report.warnings.push(...consistency(parsed, report));
  if (agencyWarning) report.warnings.push(agencyWarning);
  if (dated.warning) report.warnings.push(dated.warning);
  else if (!parsed.signature && !parsed.dateLine && !parsed.metadata.signedOn) {
    report.warnings.push(`原文没有落款，也没有成文日期：signedOn 暂按发布日期 ${report.signedOn} 填写。请向起草单位核实成文日期后改正。`);
  }
  return report;
}
