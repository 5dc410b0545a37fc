import { Initial1795450946952 } from "./1795450946952-Initial.js";
import { AddAuth1795451489346 } from "./1795451489346-AddAuth.js";
import { AddSearch1795451665148 } from "./1795451665148-AddSearch.js";

export const MIGRATIONS = [Initial1795450946952, AddAuth1795451489346, AddSearch1795451665148];
