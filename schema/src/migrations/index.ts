import { Initial1795450946952 } from "./1795450946952-Initial.js";

export const MIGRATIONS = [Initial1795450946952];
