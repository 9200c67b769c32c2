export * from './cost';
export * from './private-egress-vpc';
