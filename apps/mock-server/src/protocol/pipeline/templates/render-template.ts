/**
 * Fills `${name}` placeholders the way the platforms' templates do. An unknown placeholder stays as written,
 * so a missing variable is visible in the rendered text rather than silently blank.
 */
const placeholder = /\$\{([^}]*)\}/g;

export function renderTemplate(template: string, variables: Readonly<Record<string, unknown>>): string {
  return template.replace(placeholder, (whole, name: string) => {
    if (!Object.hasOwn(variables, name)) return whole;
    const value = variables[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
