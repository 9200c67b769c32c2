import { buildExampleApp } from './example-app';
import { synthesizeAndSummarize } from './summary';

synthesizeAndSummarize(buildExampleApp('cdk.out'));
