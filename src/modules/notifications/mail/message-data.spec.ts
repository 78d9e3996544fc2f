import { MESSAGE_TYPES, MessageType } from './message-types';
import { messageDataFields, messageDataProblems } from './message-data';

const TYPES = Object.keys(MESSAGE_TYPES) as MessageType[];

/** Data with every declared field given: required and optional. */
const complete = (type: MessageType) =>
  Object.fromEntries(messageDataFields(type).allowed.map((field) => [field, `${field} value`]));

describe('outbox message data', () => {
  it.each(TYPES)('accepts %s data with every declared field', (type) => {
    expect(messageDataProblems(type, complete(type))).toEqual([]);
  });

  it.each(TYPES)('refuses %s data that lacks a required field, or gives it as null', (type) => {
    for (const field of messageDataFields(type).required) {
      const { [field]: _left, ...lacking } = complete(type);
      expect(messageDataProblems(type, lacking)).toEqual([`"${field}" is missing`]);
      expect(messageDataProblems(type, { ...complete(type), [field]: null })).toEqual([`"${field}" is missing`]);
    }
  });

  it('lets an optional field be left out or null', () => {
    const { note: _note, ...withoutNote } = complete('application.ineligible');
    expect(messageDataProblems('application.ineligible', withoutNote)).toEqual([]);
    expect(messageDataProblems('round.results', { ...complete('round.results'), officialScore: null })).toEqual([]);
  });

  it('refuses fields the type does not declare: personal data has no place in the outbox', () => {
    expect(
      messageDataProblems('application.not_awarded', { ...complete('application.not_awarded'), email: 'a@b.kz' }),
    ).toEqual(['"email" is not a field of application.not_awarded']);
  });

  it.each([null, 'text', 42, [1, 2]])('refuses data that is not an object (%p)', (data) => {
    expect(messageDataProblems('password.reset', data)).toEqual(['data is not a JSON object']);
  });

  it('declares a required field at most once and never as optional too', () => {
    for (const type of TYPES) {
      const { required, allowed } = messageDataFields(type);
      expect(new Set(allowed).size).toBe(allowed.length);
      expect(allowed.slice(0, required.length)).toEqual(required);
    }
  });
});
