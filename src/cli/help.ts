import { peFunctions, signatureOf, type FunctionMetadata } from "../engine/function-metadata";
import { COMMANDS, type CommandEntry } from "./commands";

/**
 * Help text. The function reference is derived from functions.json (the JSDoc of
 * src/functions/functions.ts), never retyped here.
 */
const WIDTH = 100;

function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((wrapped) => " ".repeat(indent) + wrapped);
}

function usageLines(command: CommandEntry): string[] {
  const invocations = command.usage.map(([args]) => `pe-calc ${command.name}${args ? ` ${args}` : ""}`);
  const width = Math.max(...invocations.map((invocation) => invocation.length));
  return invocations.map((invocation, index) => `  ${invocation.padEnd(width)}   ${command.usage[index][1]}`);
}

function functionReference(fn: FunctionMetadata): string[] {
  const nameWidth = Math.max(...fn.parameters.map((parameter) => parameter.name.length));
  return [
    `  ${signatureOf(fn)}`,
    ...wrap(fn.description, 6),
    ...fn.parameters.flatMap((parameter) => {
      const [first, ...rest] = wrap(parameter.description, 6 + nameWidth + 2);
      return [`      ${parameter.name.padEnd(nameWidth)}  ${first.trimStart()}`, ...rest];
    }),
  ];
}

function functionsSection(): string[] {
  return ["PE functions:", ...peFunctions.flatMap((fn) => ["", ...functionReference(fn)])];
}

function usageSection(): string[] {
  return ["Usage:", ...COMMANDS.flatMap(usageLines), "  pe-calc <command> --help   help on one command"];
}

/** What `pe-calc` alone prints: how to call it, without the function reference. */
export function shortUsage(): string {
  return [...usageSection(), "  pe-calc --help             the commands and the PE functions", ""].join("\n");
}

export function mainHelp(): string {
  return ["pe-calc: Partner Economics functions without Excel.", "", ...usageSection(), "", ...functionsSection(), ""].join("\n");
}

export function commandHelp(command: CommandEntry): string {
  return [
    "Usage:",
    ...usageLines(command),
    "",
    ...command.details.flatMap((paragraph) => [...wrap(paragraph, 0), ""]),
    ...(command.listsFunctions ? [...functionsSection(), ""] : []),
  ].join("\n");
}
