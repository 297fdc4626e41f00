export * from './labels';
export * from './enums';
export * from './sectors';
export * from './regions';
