export * from './cost';
export * from './endpoint-bundle';
export * from './endpoint-consumer';
export * from './endpoint-policy';
export * from './endpoint-service-provider';
export * from './private-egress-vpc';
