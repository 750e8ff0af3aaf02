// Test helper: answers mocked invoke calls from a table of command → result (or a CommandError to reject with).
import type { InvokeArgs } from "@tauri-apps/api/core";
import type { CommandError } from "./bindings/CommandError";

export type CommandAnswer = { ok: unknown } | { refuse: CommandError } | ((args?: InvokeArgs) => unknown);

/** An invoke stand-in: known commands answer from the table, unknown ones are refused so a test notices. */
export function answerCommands(answers: Record<string, CommandAnswer>) {
  return async (command: string, args?: InvokeArgs): Promise<unknown> => {
    const answer = answers[command];
    if (answer === undefined) throw { code: "unexpected", message: `no answer for ${command} in this test`, details: {} };
    if (typeof answer === "function") return answer(args);
    if ("refuse" in answer) throw answer.refuse;
    return answer.ok;
  };
}
