export * from './private-egress-vpc';
