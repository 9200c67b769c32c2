import { App, CfnElement, Fn, Stack, Token } from 'aws-cdk-lib';
import { describeConstructProperty } from './construct-property';
import { appAndStack } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { buildNetwork, NetworkRequest, NetworkSpec, networkMistakes, networkPaths, networkSpec } from './private-service-network.arbitrary';
import { stackTemplateViolations } from './service-network-invariants';

const text = (value: unknown) => JSON.stringify(value);

/** The ID a resource configuration or service has in its association: the last part of its ARN (a token's at deploy time). */
function idOf(stack: Stack, identifier: string): string {
  return text(stack.resolve(Token.isUnresolved(identifier) ? Fn.select(1, Fn.split('/', identifier)) : identifier.split('/').pop()));
}

/**
 * The network: defined (with the name given) unless adopted, shareable exactly when shared; one resource association per
 * share and resource configuration added, and one service association per service, each of this network, with its private
 * DNS; the shares' configurations associable with a shareable network; the RAM share with exactly the principals given;
 * the ARN in the output and, when asked, in the parameter.
 */
function invariantViolations(app: App, stack: Stack, spec: NetworkSpec, request: NetworkRequest, synthesized: TemplateJson): string[] {
  // An adopted network with nothing to associate or share has only an output.
  const template = { ...synthesized, Resources: synthesized.Resources ?? {} };
  const network = request.construct;
  const resolved = (value: unknown) => text(stack.resolve(value));
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${network.node.path}/`)).map(([id]) => id));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));
  const violations: string[] = [];
  const principals = [...new Set(request.principals.map(resolved))];

  const networks = mine('AWS::VpcLattice::ServiceNetwork');
  const networkArn = resolved(network.serviceNetworkArn);
  const networkIdText = resolved(network.serviceNetworkId);
  // The associations name a network defined here by its ID, and an adopted one by its ARN (it may be another account's).
  const associatedNetworkText = spec.serviceNetworkArn === undefined ? networkIdText : networkArn;
  if (spec.serviceNetworkArn === undefined) {
    if (networks.length !== 1) {
      violations.push(`${networks.length} service networks defined, 1 expected`);
    } else {
      const [id, props] = networks[0];
      if (request.name !== undefined && text(props.Name) !== resolved(request.name)) {
        violations.push(`the service network is named ${text(props.Name)}, not ${resolved(request.name)}`);
      }
      // `enabled`, as the resource schema spells it.
      if (props.SharingConfig?.enabled !== principals.length > 0) {
        violations.push(`SharingConfig ${text(props.SharingConfig)} with ${principals.length} principals`);
      }
      if (networkIdText !== text({ 'Fn::GetAtt': [id, 'Id'] }) || networkArn !== text({ 'Fn::GetAtt': [id, 'Arn'] })) {
        violations.push(`serviceNetworkId ${networkIdText} and serviceNetworkArn ${networkArn} are not those of ${id}`);
      }
    }
  } else {
    const arn = request.construct.serviceNetworkArn;
    if (networks.length > 0) {
      violations.push(`a service network is defined beside the adopted ${arn}`);
    }
    if (networkIdText !== idOf(stack, arn)) {
      violations.push(`the adopted network's ID is ${networkIdText}, not ${idOf(stack, arn)}`);
    }
  }

  // Resource associations: each share (its configuration, from its stack) and each resource configuration by ARN once.
  const privateDns = spec.privateDnsEnabled ?? true;
  const associations = mine('AWS::VpcLattice::ServiceNetworkResourceAssociation').map(([, props]) => props);
  for (const association of associations) {
    if (text(association.ServiceNetworkId) !== associatedNetworkText) {
      violations.push(`the resource association ${text(association)} is not of ${associatedNetworkText}`);
    }
  }
  const assembly = app.synth();
  for (const share of request.shares) {
    const shareStack = Stack.of(share);
    const configuration = shareStack.resolve((share.node.findChild('ResourceConfiguration') as CfnElement).logicalId) as string;
    const ofShare = associations.filter(a => text(a.ResourceConfigurationId).includes(configuration));
    // A database's association has private DNS on, which AWS keeps and the construct leaves unset.
    const dns = request.databases.has(share) ? undefined : privateDns;
    if (ofShare.length !== 1 || ofShare[0].PrivateDnsEnabled !== dns) {
      violations.push(`the share ${share.node.path} has the resource associations ${text(ofShare)}, 1 expected with PrivateDnsEnabled ${dns}`);
    }
    const props = assembly.getStackByName(shareStack.stackName).template.Resources[configuration]?.Properties ?? {};
    if (props.AllowAssociationToSharableServiceNetwork !== true) {
      violations.push(`the share ${share.node.path}'s configuration cannot be associated with a shareable network`);
    }
  }
  for (const { id, arn } of request.configurations) {
    const ofConfiguration = associations.filter(a => text(a.ResourceConfigurationId) === idOf(stack, arn));
    if (ofConfiguration.length !== 1 || ofConfiguration[0].PrivateDnsEnabled !== privateDns) {
      violations.push(`the resource configuration ${id} (${arn}) has the resource associations ${text(ofConfiguration)}, `
        + `1 expected with PrivateDnsEnabled ${privateDns}`);
    }
  }
  if (associations.length !== request.shares.length + request.configurations.length) {
    violations.push(`${associations.length} resource associations for ${request.shares.length} shares and ${request.configurations.length} resource configurations`);
  }

  const serviceAssociations = mine('AWS::VpcLattice::ServiceNetworkServiceAssociation').map(([, props]) => props);
  for (const { id, identifier } of request.services) {
    const count = serviceAssociations
      .filter(a => text(a.ServiceIdentifier) === resolved(identifier) && text(a.ServiceNetworkIdentifier) === associatedNetworkText).length;
    if (count !== 1) {
      violations.push(`the service ${id} (${identifier}) has ${count} associations with ${associatedNetworkText}, 1 expected`);
    }
  }
  if (serviceAssociations.length !== request.services.length) {
    violations.push(`${serviceAssociations.length} service associations for ${request.services.length} services`);
  }

  // The RAM share: none without principals, else one of the network with each principal once.
  const shares = mine('AWS::RAM::ResourceShare').map(([, props]) => props);
  if (principals.length === 0 ? shares.length > 0 : shares.length !== 1) {
    violations.push(`${shares.length} RAM shares for ${principals.length} principals`);
  } else if (shares.length === 1) {
    const granted: string[] = (shares[0].Principals ?? []).map(text);
    if (granted.length !== principals.length || principals.some(p => !granted.includes(p))) {
      violations.push(`shared with ${granted}, requested ${principals}`);
    }
    if (text(shares[0].ResourceArns) !== `[${networkArn}]`) {
      violations.push(`the RAM share shares ${text(shares[0].ResourceArns)}, not the network ${networkArn}`);
    }
    if (shares[0].AllowExternalPrincipals !== (spec.allowExternalPrincipals ?? false)) {
      violations.push(`AllowExternalPrincipals ${shares[0].AllowExternalPrincipals}, ${spec.allowExternalPrincipals ?? false} asked for`);
    }
  }

  const parameters = mine('AWS::SSM::Parameter').map(([, props]) => props);
  const parameter = request.parameterName;
  if (parameter === undefined ? parameters.length > 0
    : parameters.length !== 1 || text(parameters[0].Name) !== resolved(parameter) || text(parameters[0].Value) !== networkArn) {
    violations.push(`parameters ${text(parameters)}, asked for ${parameter === undefined ? 'none' : `${resolved(parameter)} with ${networkArn}`}`);
  }
  const outputs = Object.values((template as { Outputs?: Record<string, { Value: unknown }> }).Outputs ?? {});
  if (!outputs.some(output => text(output.Value) === networkArn)) {
    violations.push(`no output of the network ARN ${networkArn}`);
  }

  // What the network tells its consumers: the shares it carries (each once), whether it carries targets it does not know.
  if (network.resourceShares.length !== request.shares.length || network.resourceShares.some((share, i) => share !== request.shares[i])) {
    violations.push(`resourceShares is [${network.resourceShares.map(s => s.node.path)}], given [${request.shares.map(s => s.node.path)}]`);
  }
  const external = request.configurations.length > 0 || request.services.length > 0;
  if (network.carriesExternalTargets !== external) {
    violations.push(`carriesExternalTargets is ${network.carriesExternalTargets}, but the network carries ${external ? '' : 'no '}resource `
      + `configurations by ARN or services\n(${request.configurations.length} by ARN, ${request.services.length} services, `
      + `${request.shares.length} shares, \`addResource()\` called ${spec.laterResources.length} times)`);
  }
  if (network.privateDnsEnabled !== privateDns) {
    violations.push(`privateDnsEnabled is ${network.privateDnsEnabled}, ${privateDns} asked for`);
  }
  return [...violations, ...stackTemplateViolations(app)];
}

describeConstructProperty('PrivateServiceNetwork', networkSpec, spec => {
  const { app, stack } = appAndStack(spec.env, spec.stackId);
  return runConfiguration(app, stack, networkPaths(stack, spec), networkMistakes(spec),
    () => buildNetwork(app, stack, spec),
    (request, template) => invariantViolations(app, stack, spec, request, template));
});
