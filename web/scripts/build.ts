/** `npm run build`: builds the web app's production bundles into web/build/<source hash>. */
import path from "node:path";
import { buildWeb } from "../server/build";

const dir = await buildWeb((line) => console.log(line));
console.log(`Built the web app into ${path.relative(process.cwd(), dir)}`);
