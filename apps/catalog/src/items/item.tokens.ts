export const OFFERS = Symbol('OFFERS');
export const NEEDS = Symbol('NEEDS');
