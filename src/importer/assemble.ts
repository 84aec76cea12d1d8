/** From the parts found in the text to the report as it will be written, with its guesses checked. */
import { formatChineseDate } from '../domain/dates.ts';
import { missingMandatoryItems } from '../domain/items.ts';
import { isReportYear } from '../domain/layout.ts';
import { ImportError } from './errors.ts';
import { decideYear, guessItem, yearInPreface } from './guess.ts';
import type { Parsed, Report } from './model.ts';

/** The report to write: year decided, items guessed, and a warning for each guess that looks wrong. */
export function assemble(parsed: Parsed, yearOption?: number): Report {
  const { agency, dateText, signedOn } = parsed.signature;
  const { year, source } = decideYear(yearOption, parsed.preface, signedOn);
  if (!isReportYear(year)) {
    throw new ImportError(`推测出的报告年度 ${year} 不是四位阿拉伯数字年份（成文日期 ${signedOn}）。请核对落款日期，或用 --year 指定年度。`);
  }
  const sections = parsed.sections.map((s) => ({ ...s, items: [guessItem(s.heading, year)] }));
  const warnings = [...parsed.warnings];

  const prefaceYear = yearInPreface(parsed.preface);
  if (source === 'option' && prefaceYear !== undefined && prefaceYear !== year) {
    warnings.push(`前言中的年份是 ${prefaceYear}，但 --year 指定了 ${year}。请确认年度无误。`);
  }
  const titleYear = parsed.title && /(\d{4})\s*年/.exec(parsed.title)?.[1];
  if (titleYear && Number(titleYear) !== year) {
    warnings.push(`标题中的年份是 ${titleYear}，报告年度却是 ${year}。请核对；需要时用 --year 指定年度。`);
  }
  if (Number(signedOn.slice(0, 4)) !== year + 1) {
    warnings.push(`成文日期 ${signedOn} 不在报告年度 ${year} 的次年。请核对年度和落款日期。`);
  }
  const missing = missingMandatoryItems(sections.flatMap((s) => s.items));
  if (missing.length) {
    warnings.push(`按标题推测，没有哪一部分报告：${missing.join('、')}。规定要求报告这几项：请核对各部分的 item。`);
  }
  return {
    year,
    yearSource: source,
    title: parsed.title ?? `${agency}${year}年法治政府建设年度报告`,
    titleFromSource: parsed.title !== undefined,
    ...(parsed.documentNumber && { documentNumber: parsed.documentNumber }),
    agency,
    signedOn,
    signature: dateText === formatChineseDate(signedOn) ? undefined : [agency, dateText],
    preface: parsed.preface,
    sections,
    warnings,
  };
}
