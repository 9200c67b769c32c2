import * as fs from 'fs';
import * as path from 'path';

/** A CloudFormation template, as the proof reads it: resources and outputs, each kept as JSON. */
export interface Template {
  readonly Resources?: Record<string, TemplateResource>;
  readonly Outputs?: Record<string, { readonly Value?: unknown; readonly Export?: { readonly Name?: unknown } }>;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** A stack of the assembly, with the environment its manifest gives (undefined where it is environment-agnostic). */
export interface AssemblyStack {
  /** The stack's artifact ID, qualified by its nested assemblies: `Stage/Stack`. */
  readonly id: string;
  /** The name CloudFormation deploys it under. */
  readonly stackName: string;
  readonly account?: string;
  readonly region?: string;
  /** The template's file. */
  readonly templatePath: string;
  readonly template: Template;
  /** The construct metadata of the stack's manifest: entries of a type, by construct path, with their logical IDs resolved. */
  readonly metadata: StackMetadata[];
  /** The construct path of each resource, by logical ID, as the manifest records it (without the leading `/`). */
  readonly constructPaths: Record<string, string>;
}

/** A construct metadata entry of a stack, with the logical ID of the construct at that path (where it is a resource). */
export interface StackMetadata {
  readonly path: string;
  readonly type: string;
  readonly data: unknown;
  readonly logicalId?: string;
}

/** A cloud assembly directory that cannot be read: the CLI's exit code 2. */
export class UnreadableAssemblyError extends Error {}

interface MetadataEntry {
  readonly type: string;
  readonly data?: unknown;
}

interface ManifestArtifact {
  readonly type: string;
  readonly metadata?: Record<string, MetadataEntry[]>;
  /** A file beside the manifest with more metadata (aws-cdk-lib writes the construct metadata there since 2.27x). */
  readonly additionalMetadataFile?: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly directoryName?: string;
    readonly displayName?: string;
  };
}

/**
 * Reads every stack template of a cloud assembly (`cdk.out`), those of nested assemblies (stages) included, in the
 * order of the manifests. The manifest format is the cloud assembly schema's (`manifest.json`, artifacts of type
 * `aws:cloudformation:stack` and `cdk:cloud-assembly`).
 */
export function readAssembly(directory: string): AssemblyStack[] {
  return readManifest(directory, '');
}

function readManifest(directory: string, prefix: string): AssemblyStack[] {
  const manifest = readJson(path.join(directory, 'manifest.json')) as { artifacts?: Record<string, ManifestArtifact> };
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const { account, region } = environmentOf(artifact.environment);
      stacks.push({
        id: `${prefix}${id}`,
        stackName: artifact.properties.stackName ?? id,
        account,
        region,
        templatePath: path.join(directory, artifact.properties.templateFile),
        template: readJson(path.join(directory, artifact.properties.templateFile)) as Template,
        ...metadataOf(mergeMetadata(artifact.metadata ?? {}, additionalMetadata(directory, artifact.additionalMetadataFile))),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      // A stage's display name is its full path (`Outer/Inner`); without one, its ID under the enclosing assembly.
      const name = artifact.properties.displayName ?? artifact.displayName ?? `${prefix}${id}`;
      stacks.push(...readManifest(path.join(directory, artifact.properties.directoryName), `${name}/`));
    }
  }
  return stacks;
}

/** The entries of both, path by path. */
function mergeMetadata(a: Record<string, MetadataEntry[]>, b: Record<string, MetadataEntry[]>): Record<string, MetadataEntry[]> {
  const merged: Record<string, MetadataEntry[]> = { ...a };
  for (const [constructPath, entries] of Object.entries(b)) {
    merged[constructPath] = [...merged[constructPath] ?? [], ...entries];
  }
  return merged;
}

function additionalMetadata(directory: string, file: string | undefined): Record<string, MetadataEntry[]> {
  return file === undefined ? {} : readJson(path.join(directory, file)) as Record<string, MetadataEntry[]>;
}

/** The stack's metadata entries other than logical IDs, each with the logical ID recorded at its path; and the paths by logical ID. */
function metadataOf(metadata: Record<string, MetadataEntry[]>): Pick<AssemblyStack, 'metadata' | 'constructPaths'> {
  const entries = Object.entries(metadata);
  const logicalIds = new Map(entries.flatMap(([constructPath, list]) =>
    list.filter(entry => entry.type === 'aws:cdk:logicalId').map(entry => [constructPath, String(entry.data)] as const)));
  return {
    metadata: entries.flatMap(([constructPath, list]) => list.filter(entry => entry.type !== 'aws:cdk:logicalId')
      .map(entry => ({ path: constructPath, type: entry.type, data: entry.data, logicalId: logicalIds.get(constructPath) }))),
    constructPaths: Object.fromEntries([...logicalIds].map(([constructPath, logicalId]) => [logicalId, constructPath.replace(/^\//, '')])),
  };
}

/** `aws://<account>/<region>`, where `unknown-account` and `unknown-region` stand for an environment-agnostic stack. */
function environmentOf(environment: string | undefined): { account?: string; region?: string } {
  const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment ?? '');
  if (!match) {
    return {};
  }
  return {
    account: match[1] === 'unknown-account' ? undefined : match[1],
    region: match[2] === 'unknown-region' ? undefined : match[2],
  };
}

/** A JSON object from a file of the assembly; anything else makes the assembly unreadable. */
function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new UnreadableAssemblyError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UnreadableAssemblyError(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UnreadableAssemblyError(`${file} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}
