/** PaperSift topic matcher: pure logic, no browser API. */
export type { CompiledMatcher, MatchableText, RefusedTerm, TermHit, Topic, TopicField, TopicMatch } from './types';
export { ALL_TOPIC_FIELDS } from './types';
export { FIELD_JOINER, fieldText } from './fields';
export { TOPIC_PALETTE, nextColour, contrastRatio, hasTopicContrast, PALETTE_BACKGROUNDS } from './palette';
export { compileTopics, topicFields } from './compile';
export { naiveMatch } from './naive';
export { checkRegexTerm, type RegexCheck } from './regex-safety';
export { validateTopic, type TopicDraft, type TopicValidation } from './validate';
export { parseTopicInput, type ParsedTopicInput } from './parse-input';
export { FIELD_WEIGHTS } from './score';
