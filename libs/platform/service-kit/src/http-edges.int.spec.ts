import { Body, Controller, Module, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { reject, type Decider } from '@leerzone/kernel';
import { Roles, parseRequest } from '@leerzone/nest-platform';
import { NameText, RootId, ServiceCommands, Write, commandAnswer, type ServiceDefinition, type WriteRequest } from './index';
import { expectProblem, expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from './testing';

type NoteCommand = { type: 'WriteNote'; data: { text: string } };
type NoteEvent = { type: 'NoteWritten'; data: { text: string } };
const noteDecider: Decider<NoteCommand, NoteEvent, { notes: number }> = {
  initialState: { notes: 0 },
  decide: (command) => (command.data.text === 'refuse' ? reject('invalid', 'NOTE.REFUSED', 'Refused.', { field: 'text' }) : [{ type: 'NoteWritten', data: command.data }]),
  evolve: (state) => ({ notes: state.notes + 1 }),
};
const WriteNoteRequest = z.strictObject({ text: NameText(20) });

@Controller('api/kit-test/notes')
class WriteNoteController {
  constructor(private readonly commands: ServiceCommands) {}

  @Post(':noteId')
  @Roles('member')
  async write(@Param('noteId') noteId: string, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const id = parseRequest(z.strictObject({ noteId: RootId }), { noteId }, 'params').noteId;
    const { text } = parseRequest(WriteNoteRequest, body);
    const result = await this.commands.run(noteDecider, `kit-test-note-${id}`, { type: 'WriteNote', data: { text } }, write.context(), { ifMatch: write.ifMatch });
    return commandAnswer(response, result, { noteId: id, reason: result.events[0]?.reason ?? null });
  }
}

@Module({ controllers: [WriteNoteController], providers: [ServiceCommands] })
class KitTestModule {}

const kitTestService: ServiceDefinition = { name: 'kit-test', streamPrefixes: ['kit-test-'], module: KitTestModule, defaultPort: 0, title: 'kit test', description: 'kit test' };
const NOTE = '01900000-0000-7000-8000-000000000001';

/** The HTTP edges every service inherits from the kit and the platform: none of these may end in a 500 or write anything. */
describe('HTTP edges of a service', () => {
  let t: ServiceTestApp;
  let member: Caller;

  beforeAll(async () => {
    t = await startServiceTestApp([kitTestService]);
    member = await t.as('mia', ['member']);
  });
  afterAll(() => t.close());

  it('writes a note from a JSON body, with the reason from X-Reason', async () => {
    const response = await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'Hello' }, { 'X-Reason': encodeURIComponent('Weekly café') });
    expectStatus(response, 201);
    expect(response.body).toMatchObject({ noteId: NOTE, reason: 'Weekly café', version: 1 });
    expect(response.headers['etag']).toBe('"1"');
  });

  it('refuses a body over the limit with 413 and writes nothing', async () => {
    const before = await t.head();
    const response = await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'x'.repeat(5 * 1024 * 1024) });
    expectProblem(response, 413, 'HTTP.PAYLOAD_TOO_LARGE');
    expect(await t.head()).toBe(before);
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'text=Renamed'],
    ['plain text', 'text/plain', '{"text":"Renamed"}'],
    ['XML', 'application/xml', '<text>Renamed</text>'],
  ])('refuses a %s body with 415 on Content-Type and writes nothing', async (_, type, body) => {
    const before = await t.head();
    const response = await member.post(`/api/kit-test/notes/${NOTE}`).set('Content-Type', type).send(body);
    expectProblem(response, 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', 'Content-Type');
    expect(await t.head()).toBe(before);
  });

  it('refuses a malformed X-Reason with 400 on X-Reason', async () => {
    const before = await t.head();
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'Hi' }, { 'X-Reason': '%E0%A4%A' }), 400, 'REQUEST.INVALID_REASON_HEADER', 'X-Reason');
    expect(await t.head()).toBe(before);
  });

  it('refuses malformed JSON, controls and bidi overrides in text, naming the field', async () => {
    const before = await t.head();
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`).set('Content-Type', 'application/json').send('{"text": '), 400, 'HTTP.MALFORMED_REQUEST');
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'a\u0000b' }), 400, 'VALIDATION.FAILED', 'text');
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: '\u202Egnp.exe' }), 400, 'VALIDATION.FAILED', 'text');
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: '\u200B' }), 400, 'VALIDATION.FAILED', 'text');
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'refuse' }), 400, 'NOTE.REFUSED', 'text');
    expect(await t.head()).toBe(before);
  });

  it('checks If-Match against the stream version', async () => {
    const before = await t.head();
    expectProblem(await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'Late' }, { 'If-Match': '"0"' }), 412, 'STREAM.VERSION_MISMATCH', 'If-Match');
    expect(await t.head()).toBe(before);
    expectStatus(await member.post(`/api/kit-test/notes/${NOTE}`, { text: 'On time' }, { 'If-Match': '"1"' }), 201);
  });
});
