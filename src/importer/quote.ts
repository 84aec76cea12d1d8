/** A line of the original as messages quote it: whole up to `max` characters, else cut with …. */
export function short(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
