/**
 * `npm run create-admin -- --email you@smakom.se --name "Your Name"`: creates an
 * admin account. The password comes from ADMIN_PASSWORD, else it is asked for.
 * Uses the running installation's database when `npm start` runs, else DATABASE_URL or
 * the embedded PostgreSQL in DATA_DIR.
 */
import "reflect-metadata";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { createDataSource } from "@remissbanken/schema";
import { EngineStartError } from "@remissbanken/schema/engines/postgres";
import { connectEngines } from "@remissbanken/indexer";
import { ConfigError, loadConfig } from "../config.js";
import { DomainError } from "../common/errors.js";
import { AdminExistsError, adminCreator } from "../auth/admin-creator.js";
import { PASSWORD_MIN_LENGTH } from "../auth/passwords.js";

const USAGE = 'Usage: npm run create-admin -- --email you@smakom.se --name "Your Name"   (password from ADMIN_PASSWORD or asked for)';

function fail(message: string, code = 1): never {
  console.error(`\n${message}\n`);
  process.exit(code);
}

/** Reads a line without echoing it, when a person is at the terminal. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void });
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    write._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
  });
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) fail(`No terminal to ask for a password: set ADMIN_PASSWORD.\n${USAGE}`, 2);
  const password = await askHidden(`Password for the new admin (at least ${PASSWORD_MIN_LENGTH} characters): `);
  const again = await askHidden("The same password again: ");
  if (password !== again) fail("The passwords differ; nothing was created.", 2);
  return password;
}

let args;
try {
  args = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (!args.email || !args.name) fail(USAGE, 2);

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 2);
  throw error;
}

const password = await readPassword();
let stopPostgres = async () => {};
try {
  const engines = await connectEngines(process.env, { search: false });
  stopPostgres = () => engines.stop();
  const ds = createDataSource(engines.databaseUrl);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
    const admin = await ds.transaction((m) => adminCreator(m, { email: args.email!, name: args.name!, password }));
    console.log(`\nCreated admin ${admin.name} <${admin.email}> (id ${admin.id}).\nSign in at ${config.publicUrl} with this email and the password you chose.\n`);
  } finally {
    await ds.destroy();
  }
} catch (error) {
  await stopPostgres();
  if (error instanceof AdminExistsError || error instanceof EngineStartError) fail(error.message);
  if (error instanceof DomainError) fail(`Nothing was created: ${error.message}`, 2);
  throw error;
}
await stopPostgres();
