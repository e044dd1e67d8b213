import { expect, test } from './fixtures.ts';

// Who is writing: a first start asks for the user's name (and unit) before anything is signed with
// the operating system's account name; highlights, edits and the export's byline carry it, and
// File > Preferences changes it.

test.describe('on a first start', () => {
  test.use({ preferences: null });

  test('the app asks for a name before anything is signed, refuses a blank one, and signs the user’s work with it', async ({
    page,
    workspace,
  }) => {
    const welcome = page.getByRole('dialog', { name: 'Welcome to Briefing Desk' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    // The question must be answered: Escape, even twice, does not dismiss it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(welcome).toBeVisible();
    await welcome.getByRole('button', { name: 'Start' }).click();
    await expect(welcome.getByRole('alert')).toHaveText('Give your name, as colleagues should see it on your highlights and notes.');
    await expect(welcome.getByRole('textbox', { name: 'Your name' })).toHaveAttribute('aria-invalid', 'true');
    await expect(welcome.getByRole('button', { name: /Use my account name/ })).toBeVisible();

    await welcome.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
    await welcome.getByRole('textbox', { name: /Unit/ }).fill('Rare Earths Desk');
    await welcome.getByRole('button', { name: 'Start' }).click();
    await expect(welcome).toBeHidden();

    await workspace.claim('2.1').highlight('28 million tons', 'Key fact');
    await workspace.highlights.open();
    await expect(workspace.highlights.items.first()).toContainText('Ada Lovelace');
    await workspace.claim('2.2').edit((text) => `${text} (checked)`);
    await expect(workspace.claim('2.2').root).toContainText('Edited by Ada Lovelace');

    await workspace.composer.open();
    await expect(page.getByRole('textbox', { name: 'Author' })).toHaveValue('Ada Lovelace, Rare Earths Desk');
    await page.getByRole('button', { name: 'Back to the brief' }).click();

    // Asked once: the next start goes straight to the brief.
    await workspace.reload();
    await expect(page.getByRole('dialog', { name: 'Welcome to Briefing Desk' })).toBeHidden();
  });
});

test('File > Preferences changes the name the next edits are signed with', async ({ page, workspace }) => {
  await expect(page.getByRole('dialog')).toBeHidden();
  await workspace.fileMenu.choose('Preferences…');
  const preferences = page.getByRole('dialog', { name: 'Preferences' });
  await expect(preferences.getByRole('textbox', { name: 'Your name' })).toHaveValue('Test Analyst');
  await preferences.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper\u0007');
  await preferences.getByRole('button', { name: 'Save' }).click();
  await expect(preferences.getByRole('alert')).toHaveText('A name cannot hold control characters.');
  await preferences.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper');
  await preferences.getByRole('button', { name: 'Save' }).click();
  await expect(preferences).toBeHidden();
  await workspace.claim('1.1').edit((text) => `${text} (seen)`);
  await expect(workspace.claim('1.1').root).toContainText('Edited by Grace Hopper');
});
