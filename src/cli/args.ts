import { AppError } from '../errors.js';

/**
 * `--name=value` as two arguments, `--name value`, the form every command reads, so each of their options
 * takes both. A switch (an option that takes no value, such as `--json`) given one is refused by name.
 */
export function splitInlineValues(
  args: readonly string[],
  switches: readonly string[],
  command: string,
): string[] {
  return args.flatMap((arg) => {
    const inline = /^(--[^=]+)=(.*)$/s.exec(arg);
    if (!inline) return [arg];
    const [, name = '', value = ''] = inline;
    if (switches.includes(name))
      throw new AppError(
        'bad_usage',
        `${name} takes no value; write it alone (run 'sme-interview ${command} --help')`,
      );
    return [name, value];
  });
}
