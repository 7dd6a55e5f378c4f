// The proceedings of the meeting editor: the items in order, each with its kind, speaker (as on
// the meeting's first day, from the participants), paragraphs and recommendations; and for the
// secretariat the forms to add, edit and delete items and the buttons that move them up and down
// (plain buttons, so the keyboard re-orders as well as the mouse). A delegate gets one control:
// the summary of their own country's presentation.
import {
  PROCEEDING_KINDS, SPOKEN, WITH_RECOMMENDATIONS, badge, choicesOf, el, field, moved, namedMeetingLink, paragraphsOf, select,
  showFieldProblem,
} from './common.js';
import { recommendationsBlock } from './recommendations.js';

/** The Proceedings section for the editor's meeting (see meeting.js for the editor's members). */
export function proceedingsSection(editor) {
  const items = editor.meeting.proceedings;
  const sessions = new Map(items.filter((item) => item.kind === 'session').map((item) => [item.id, item]));
  const section = el('section', { id: 'meeting-proceedings', 'aria-labelledby': 'proceedings-heading' },
    el('h2', { id: 'proceedings-heading', tabindex: -1 }, `Proceedings (${items.length})`),
    items.length === 0 ? el('p', { class: 'muted', id: 'proceedings-empty' }, 'Nothing is recorded yet.')
      : el('ol', { id: 'proceedings', class: 'meetings-proceedings' }, items.map((item, index) => itemElement(item, index))),
    editor.mayEdit ? addForm() : null);
  return section;

  function titleOf(item) {
    if (item.title) return item.title;
    if (item.kind === 'country-presentation') return editor.countries.get(item.country) ?? item.country;
    if (SPOKEN.has(item.kind) && item.speaker) return editor.participant(item.speaker)?.name ?? item.speaker;
    return '';
  }

  /** A name for the item in button labels and announcements. */
  function nameOf(item) {
    const title = titleOf(item);
    return title ? `${PROCEEDING_KINDS[item.kind]}: ${title}` : PROCEEDING_KINDS[item.kind] ?? item.kind;
  }

  function itemElement(item, index) {
    const session = item.session != null ? sessions.get(item.session) : null;
    const li = el('li', { 'data-proceeding': item.id, 'data-kind': item.kind,
      class: `meetings-item${item.kind === 'session' ? ' meetings-session' : ''}${session ? ' meetings-in-session' : ''}` });
    const body = el('div', { class: 'meetings-item-body' },
      el('h3', { id: `proceeding-${item.id}-heading`, tabindex: -1 },
        badge('kind', item.kind, PROCEEDING_KINDS[item.kind] ?? item.kind), ' ', el('span', { class: 'meetings-item-title' }, titleOf(item))),
      item.speaker ? el('p', { class: 'meetings-speaker', 'data-speaker': item.speaker }, editor.speakerText(item.speaker)) : null,
      // The presenting institution, when it is not the speaker's own.
      item.kind === 'country-presentation' && item.institution && item.institution !== editor.participant(item.speaker)?.institution
        ? el('p', { class: 'muted meetings-presenting' }, institutionName(item.institution)) : null,
      session ? el('p', { class: 'muted' }, `In ${session.title ?? 'a session'}`) : null,
      el('div', { class: 'meetings-paragraphs' }, (item.paragraphs ?? []).map((text) => el('p', {}, text))),
      item.forthcoming?.length ? forthcoming(item.forthcoming) : null);
    li.append(body);
    // The item's own buttons come before its recommendations', which have buttons of their own.
    const controls = itemControls(item, index, li, body);
    if (controls) li.append(controls);
    if (WITH_RECOMMENDATIONS.has(item.kind) || editor.meeting.recommendations.some((r) => r.proceeding === item.id)) {
      li.append(recommendationsBlock(editor, item));
    }
    return li;
  }

  function institutionName(id) {
    const institution = editor.institutions.find((i) => i.id === id);
    return institution ? (institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name) : id;
  }

  /** The forthcoming meetings named by an "other matters" item. */
  function forthcoming(ids) {
    return el('ul', { class: 'meetings-forthcoming' }, ids.map((id) => el('li', {}, namedMeetingLink(editor.api, id, editor.meetingsRead))));
  }

  function itemControls(item, index, li, body) {
    const name = nameOf(item);
    if (editor.mayEdit) {
      const button = (action, label, text, onclick, disabled) =>
        el('button', { type: 'button', 'data-action': action, 'data-item': item.id, 'aria-label': `${label} ${name}`, onclick, disabled }, text);
      return el('div', { class: 'toolbar meetings-item-controls', role: 'group', 'aria-label': `Change ${name}` },
        button('move-up', 'Move up:', 'Move up', () => move(item, index, -1), index === 0),
        button('move-down', 'Move down:', 'Move down', () => move(item, index, 1), index === items.length - 1),
        button('edit', 'Edit', 'Edit', () => edit(item, li, body, false)),
        button('delete', 'Delete', 'Delete', () => remove(item)));
    }
    if (editor.maySummarise(item)) {
      return el('div', { class: 'toolbar meetings-item-controls' },
        el('button', { type: 'button', 'data-action': 'edit-summary', 'data-item': item.id, 'aria-label': `Edit the summary of ${name}`,
          onclick: () => edit(item, li, body, true) }, 'Edit summary'));
    }
    return null;
  }

  async function move(item, index, by) {
    const { order, to, direction, focusDirection } = moved(items.map((i) => i.id), index, by);
    try {
      await editor.change('PUT', '/proceedings/order', { order }, {
        what: 'the order', focus: `button[data-action="move-${focusDirection}"][data-item="${item.id}"]`,
        done: `${nameOf(item)} moved ${direction}, to ${to + 1} of ${order.length}.` });
    } catch (error) {
      editor.notify(`Not moved: ${error.detail || error.message}`, 'error');
    }
  }

  async function remove(item) {
    const count = editor.meeting.recommendations.filter((r) => r.proceeding === item.id).length;
    if (count > 0) {
      // The server keeps recommendations from losing the item that made them.
      editor.notify(`${nameOf(item)} made ${count} ${count === 1 ? 'recommendation' : 'recommendations'}: delete or move them first.`, 'warning');
      return;
    }
    const sure = await editor.confirm({ title: 'Delete from the proceedings', message: `Delete ${nameOf(item)}? This cannot be undone.`,
      confirmLabel: 'Delete', danger: true });
    if (!sure) return;
    try {
      await editor.change('DELETE', `/proceedings/${item.id}`, undefined, { what: 'the proceedings', focus: '#proceedings-heading',
        done: `${nameOf(item)} was deleted.` });
    } catch (error) {
      editor.notify(`Not deleted: ${error.detail || error.message}`, 'error');
    }
  }

  /** Replaces the item's text with its form; summaryOnly: the paragraphs alone (a delegate's). */
  function edit(item, li, body, summaryOnly) {
    const controlsBar = li.querySelector(':scope > .meetings-item-controls');
    const close = (focus) => {
      form.replaceWith(body);
      if (controlsBar) controlsBar.hidden = false;
      li.querySelector(`button[data-action="${focus}"][data-item="${item.id}"]`)?.focus();
    };
    const form = itemForm(item, {
      summaryOnly,
      submitLabel: 'Save',
      cancel: () => close(summaryOnly ? 'edit-summary' : 'edit'),
      send: (sent) => editor.change('PUT', `/proceedings/${item.id}`, sent, { what: nameOf(item),
        focus: `button[data-action="${summaryOnly ? 'edit-summary' : 'edit'}"][data-item="${item.id}"]`, done: `${nameOf(item)} was saved.` }),
    });
    body.replaceWith(form);
    if (controlsBar) controlsBar.hidden = true;
    form.querySelector('textarea, input, select')?.focus();
  }

  function addForm() {
    const form = itemForm(null, {
      submitLabel: 'Add',
      send: (sent) => editor.change('POST', '/proceedings', sent, { what: 'the proceedings',
        focus: (added) => `#proceeding-${added?.id}-heading`, done: `${PROCEEDING_KINDS[sent.kind]} added to the proceedings.` }),
    });
    return el('section', { class: 'card', id: 'proceeding-add', 'aria-labelledby': 'proceeding-add-heading' },
      el('h2', { id: 'proceeding-add-heading' }, 'Add to the proceedings'), form);
  }

  /**
   * The form of an item (item null: a new one). send(body) makes the change and resolves to its
   * result (null after a conflict, which the editor has shown); problems are shown at their field.
   */
  function itemForm(item, { summaryOnly = false, submitLabel, cancel, send }) {
    const prefix = item ? `proceeding-${item.id}` : 'proceeding-new';
    const participants = editor.meeting.participants.filter((p) => p.person);
    const controls = {
      kind: select(`${prefix}-kind`, null, choicesOf(PROCEEDING_KINDS), item?.kind ?? 'session'),
      title: el('input', { id: `${prefix}-title`, type: 'text', maxlength: 500 }),
      speaker: select(`${prefix}-speaker`, 'Nobody named', participants.map((p) => [p.person, `${p.name} (${p.country})`]), item?.speaker),
      country: select(`${prefix}-country`, 'Choose a country…', [...editor.countries], item?.country),
      institution: select(`${prefix}-institution`, 'None named', [], null),
      session: select(`${prefix}-session`, 'In no session', items.filter((i) => i.kind === 'session' && i.id !== item?.id)
        .map((i) => [String(i.id), i.title ?? `Session ${i.id}`]), item?.session != null ? String(item.session) : null),
      paragraphs: el('textarea', { id: `${prefix}-paragraphs`, rows: summaryOnly ? 10 : 6 }),
    };
    if (!item) {
      controls.before = select(`${prefix}-before`, 'At the end', items.map((i) => [String(i.id), `Before ${nameOf(i)}`]), null);
    }
    controls.title.value = item?.title ?? '';
    controls.paragraphs.value = (item?.paragraphs ?? []).join('\n\n');
    const fillInstitutions = (chosen) => {
      const options = editor.institutions.filter((i) => i.country === controls.country.value)
        .map((i) => el('option', { value: i.id }, i.acronym ? `${i.name} (${i.acronym})` : i.name));
      controls.institution.replaceChildren(el('option', { value: '' }, 'None named'), ...options);
      controls.institution.value = chosen ?? '';
    };
    fillInstitutions(item?.institution);
    controls.country.addEventListener('change', () => fillInstitutions(null));

    const rows = {
      kind: field('Kind', controls.kind), title: field('Title', controls.title), speaker: field('Speaker', controls.speaker,
        'Speakers are chosen among the participants, with their position on the meeting’s first day.'),
      country: field('Presenting country', controls.country), institution: field('Presenting institution', controls.institution),
      session: field('Session', controls.session), paragraphs: field(summaryOnly ? 'Summary' : 'Paragraphs', controls.paragraphs,
        'Separate paragraphs with an empty line.'),
      before: controls.before ? field('Place', controls.before) : null,
    };
    const showRowsFor = (kind) => {
      rows.speaker.hidden = !SPOKEN.has(kind);
      rows.country.hidden = kind !== 'country-presentation';
      rows.institution.hidden = kind !== 'country-presentation';
      rows.session.hidden = kind === 'session';
    };
    showRowsFor(controls.kind.value);
    controls.kind.addEventListener('change', () => showRowsFor(controls.kind.value));

    const problem = el('p', { class: 'error', role: 'alert' });
    const submit = el('button', { type: 'submit', class: 'button-primary', 'data-action': 'save-proceeding' }, submitLabel);
    const form = el('form', { class: 'meetings-item-form', id: `${prefix}-form`, 'aria-label': item ? `Edit ${nameOf(item)}` : 'New item' },
      ...(summaryOnly ? [rows.paragraphs] : Object.values(rows).filter(Boolean)), problem,
      el('div', { class: 'toolbar' }, submit, cancel ? el('button', { type: 'button', onclick: cancel }, 'Cancel') : null));
    if (cancel) {
      form.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') cancel();
      });
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await send(summaryOnly ? summary(item, controls) : written(item, controls));
      } catch (error) {
        showFieldProblem(form, controls, error, problem);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }
}

/** The item as the REST API takes it: what the form shows, and the rest of the item as it was. */
function written(item, controls) {
  const kind = controls.kind.value;
  const { id, recommendations, ...rest } = item ?? {};
  // A field the kind does not show keeps the item's value while the kind stays, and is dropped with a new kind.
  const shown = (applies, value, name) => (applies ? value || null : (item?.kind === kind ? item[name] ?? null : null));
  const presenting = kind === 'country-presentation';
  const sent = {
    ...rest,
    kind,
    title: controls.title.value.trim() || null,
    speaker: shown(SPOKEN.has(kind), controls.speaker.value, 'speaker'),
    country: shown(presenting, controls.country.value, 'country'),
    institution: shown(presenting, controls.institution.value, 'institution'),
    session: kind !== 'session' && controls.session.value ? Number(controls.session.value) : null,
    paragraphs: paragraphsOf(controls.paragraphs.value),
  };
  if (controls.before?.value) sent.before = Number(controls.before.value);
  return sent;
}

/** A delegate changes the paragraphs alone; the rest goes back as it came. */
function summary(item, controls) {
  const { id, recommendations, ...rest } = item;
  return { ...rest, paragraphs: paragraphsOf(controls.paragraphs.value) };
}
