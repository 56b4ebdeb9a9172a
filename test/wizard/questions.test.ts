import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { input, password } from '@inquirer/prompts';
import { apiKeyQuestion, clientIdQuestion, computerQuestion, protectionPasswordQuestion, unlockCodeQuestion } from '../../src/wizard/questions.js';

/** Validation runs asynchronously: let the prompt render its answer to it. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the wizard prompts, rendered by @inquirer/testing', () => {
  it('the unlock code is masked on screen and refused when malformed, before any attempt', async () => {
    const { answer, events, getScreen } = await render(password, unlockCodeQuestion());
    events.type('fw q8');
    expect(getScreen()).toContain('*****');
    expect(getScreen()).not.toContain('fw q8');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toMatch(/An unlock code is 1-24 letters, digits/);
    for (let i = 0; i < 5; i++) events.keypress('backspace');
    events.type('fwq8qw');
    events.keypress('enter');
    await expect(answer).resolves.toBe('fwq8qw');
  });

  it('an empty code is accepted: it means skip', async () => {
    const { answer, events } = await render(password, unlockCodeQuestion());
    events.keypress('enter');
    await expect(answer).resolves.toBe('');
  });

  it('a code with shell metacharacters is refused', async () => {
    const { events, getScreen } = await render(password, unlockCodeQuestion());
    events.type('x&del');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toMatch(/no attempt was used/);
  });

  it('the API key is masked; the client ID must be one word', async () => {
    const key = await render(password, apiKeyQuestion());
    key.events.type('s3cr3t-KEY');
    expect(key.getScreen()).not.toContain('s3cr3t');
    key.events.keypress('enter');
    await expect(key.answer).resolves.toBe('s3cr3t-KEY');

    const id = await render(input, clientIdQuestion());
    id.events.type('two words');
    id.events.keypress('enter');
    await settle();
    expect(id.getScreen()).toMatch(/one word/);
  });

  it('the protection password is masked and may hold any printable character', async () => {
    const { answer, events, getScreen } = await render(password, protectionPasswordQuestion());
    events.type('p@ss "w0rd" & more');
    expect(getScreen()).not.toContain('w0rd');
    events.keypress('enter');
    await expect(answer).resolves.toBe('p@ss "w0rd" & more');
  });
});

describe('which computer (from a workstation)', () => {
  it('takes a host name or a GUID and refuses anything else', async () => {
    const { answer, events, getScreen } = await render(input, computerQuestion());
    events.type('pc 042; rm');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toMatch(/A host name .* or a GUID/);
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('pc-042');
    events.keypress('enter');
    await expect(answer).resolves.toBe('pc-042');
  });
});

describe('wrapping for the terminal', () => {
  it('counts Japanese as two columns and breaks between its characters; cuts a path too long for a line', async () => {
    const { displayWidth, wrap } = await import('../../src/wizard/style.js');
    expect(displayWidth('分離中')).toBe(6);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
    const text = 'コネクタのサービスを停止し、unlock_code の値だけを削除して、サービスを起動します。'.repeat(3);
    for (const line of wrap(text, 40, 2).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    const path = 'C:\\ProgramData\\isolation-rescue\\backups\\20261203-171951-c362\\immunet-protect.reg';
    const lines = wrap(`→ ${path}`, 40, 4).split('\n');
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(lines.map((l) => l.trim()).join('').replace('→ ', '')).toBe(path);
  });
});
