export * from './cost';
export * from './endpoint-bundle';
export * from './endpoint-policy';
export * from './private-egress-vpc';
