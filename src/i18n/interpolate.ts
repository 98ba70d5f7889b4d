/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed. */
export function interpolate(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}
