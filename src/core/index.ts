export * from "./errors";
export * from "./excel-values";
export * from "./tolerance";
