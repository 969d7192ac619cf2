import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS } from './default-answers.ts';
import { decisionAnswersSchema } from './decision-answers.ts';

describe('default answers', () => {
  it('are exactly what the schema fills in for no answers, each parse with its own lists', () => {
    const parsed = decisionAnswersSchema.parse({});
    expect(parsed).toEqual(DEFAULT_ANSWERS);
    parsed.hiddenOptions.push('ecs-ec2');
    expect(decisionAnswersSchema.parse({}).hiddenOptions).toEqual([]);
    expect(DEFAULT_ANSWERS.hiddenOptions).toEqual([]);
  });
});
