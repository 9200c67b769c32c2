import { ContextProvider, Stack, Token } from 'aws-cdk-lib';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { IConstruct } from 'constructs';
import { Lookup, LookupKind } from '../rules/context-lookups';

const PROVIDERS: Record<LookupKind, string> = {
  'availability-zones': cxschema.ContextProvider.AVAILABILITY_ZONE_PROVIDER,
  'endpoint-service-availability-zones': cxschema.ContextProvider.ENDPOINT_SERVICE_AVAILABILITY_ZONE_PROVIDER,
};

/** The context values each construct asked for, or caused aws-cdk-lib to ask for (the AZs of a VPC it defines). */
const lookupsByConstruct = new WeakMap<IConstruct, Array<{ kind: LookupKind; serviceName?: string }>>();

/**
 * Records that `owner` depends on a context value of its stack's account and Region, so that its rules can report the
 * value if the CDK CLI cannot look it up. Nothing is recorded for an environment-agnostic stack, which looks nothing up.
 */
export function recordLookup(owner: IConstruct, kind: LookupKind, serviceName?: string): void {
  const stack = Stack.of(owner);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) {
    return;
  }
  const lookups = lookupsByConstruct.get(owner) ?? [];
  lookups.push({ kind, serviceName });
  lookupsByConstruct.set(owner, lookups);
}

/** The context values `owner` recorded, with the CDK CLI's error for each it could not look up. */
export function recordedLookups(owner: IConstruct): Lookup[] {
  const stack = Stack.of(owner);
  return (lookupsByConstruct.get(owner) ?? []).map(({ kind, serviceName }) => {
    const { key } = ContextProvider.getKey(owner, {
      provider: PROVIDERS[kind],
      props: serviceName === undefined ? {} : { serviceName },
    });
    const value = owner.node.tryGetContext(key);
    const providerError = typeof value === 'object' && value !== null ? value[cxapi.PROVIDER_ERROR_KEY] : undefined;
    return { kind, key, account: stack.account, region: stack.region, serviceName, providerError };
  });
}
