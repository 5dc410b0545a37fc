export * from "./entities/index.js";
export * from "./enums.js";
export * from "./designation.js";
export * from "./limits.js";
export * from "./scalars.js";
export { createDataSource } from "./data-source.js";
export * from "./read-rules.js";
