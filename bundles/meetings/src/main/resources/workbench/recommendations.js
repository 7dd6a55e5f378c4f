// The recommendations under one proceeding of the meeting editor: those a presentation proposed
// (lettered a, b, c…) or the meeting's own (numbered 1, 2, 3…), in order, each with its
// addressees, topics, the presentations' recommendations it came from and its status; for the
// secretariat the forms to add and edit them, delete them, and move them within the proceeding.
import { ADDRESSEES, KNOWN_TOPICS, STEP_STATUSES, badge, el, field, moved, showFieldProblem } from './common.js';

/** The block under item (a proceeding) of the editor's meeting (see meeting.js). */
export function recommendationsBlock(editor, item) {
  const all = editor.meeting.recommendations;
  const recommendations = all.filter((r) => r.proceeding === item.id);
  const own = item.kind === 'recommendations';
  const headingId = `proceeding-${item.id}-recommendations-heading`;
  const addButton = editor.mayEdit ? el('button', { type: 'button', 'data-action': 'add-recommendation', 'data-item': item.id,
    onclick: () => add() }, 'Add a recommendation') : null;
  const block = el('div', { class: 'meetings-recommendations-block', role: 'group', 'aria-labelledby': headingId },
    el('h4', { id: headingId }, own ? 'The meeting’s recommendations' : 'Recommendations proposed'),
    recommendations.length === 0 ? el('p', { class: 'muted' }, 'None recorded.')
      : el('ol', { class: 'meetings-recommendations', 'data-recommendations-of': item.id }, recommendations.map(element)),
    addButton);
  return block;

  /** "BN c" for a recommendation a presentation proposed: where it came from, by its letter. */
  function sourceName(id) {
    const source = all.find((r) => r.id === id);
    if (!source) return id;
    const from = editor.meeting.proceedings.find((p) => p.id === source.proceeding);
    return `${from?.country ?? from?.title ?? 'item'} ${source.label}`;
  }

  function element(rec, index) {
    const li = el('li', { 'data-recommendation': rec.id, class: 'meetings-recommendation' });
    const body = el('div', { class: 'meetings-recommendation-body' },
      el('p', {}, el('span', { class: 'meetings-label', 'data-label-of': rec.id }, `${rec.label}.`), ' ', el('span', { class: 'meetings-text' }, rec.text)),
      el('p', { class: 'meetings-meta' },
        rec.addressees?.length ? el('span', {}, `To ${rec.addressees.join(', ')}`) : null,
        rec.topics?.length ? el('span', {}, rec.topics.map((topic) => el('span', { class: 'meetings-topic' }, topic))) : null,
        rec.sources?.length ? el('span', {}, `From ${rec.sources.map(sourceName).join(', ')}`) : null,
        badge('recommendation-status', rec.status, STEP_STATUSES[rec.status]),
        el('a', { href: `#/meetings/recommendations?rid=${encodeURIComponent(rec.id)}` }, 'Timeline')));
    li.append(body);
    if (editor.mayEdit) {
      const name = `recommendation ${rec.label}`;
      const button = (action, label, text, onclick, disabled) => el('button', { type: 'button', 'data-action': action,
        'data-recommendation-id': rec.id, 'aria-label': `${label} ${name}`, onclick, disabled }, text);
      const controls = el('div', { class: 'toolbar meetings-item-controls', role: 'group', 'aria-label': `Change ${name}` },
        button('move-recommendation-up', 'Move up:', 'Move up', () => move(rec, index, -1), index === 0),
        button('move-recommendation-down', 'Move down:', 'Move down', () => move(rec, index, 1), index === recommendations.length - 1),
        button('edit-recommendation', 'Edit', 'Edit', () => edit(rec, li, body, controls)),
        button('delete-recommendation', 'Delete', 'Delete', () => remove(rec)));
      li.append(controls);
    }
    return li;
  }

  async function move(rec, index, by) {
    const { order, to, direction, focusDirection } = moved(recommendations.map((r) => r.id), index, by);
    try {
      await editor.change('PUT', '/recommendations/order', { proceeding: item.id, order }, { what: 'the recommendations’ order',
        focus: `button[data-action="move-recommendation-${focusDirection}"][data-recommendation-id="${rec.id}"]`,
        done: `Recommendation ${rec.label} moved ${direction}; it is now number ${to + 1} of ${order.length}.` });
    } catch (error) {
      editor.notify(`Not moved: ${error.detail || error.message}`, 'error');
    }
  }

  async function remove(rec) {
    const sure = await editor.confirm({ title: 'Delete recommendation', message: `Delete recommendation ${rec.label}, "${rec.text}",`
      + ' with its follow-up history? The others under it are lettered again.', confirmLabel: 'Delete', danger: true });
    if (!sure) return;
    try {
      await editor.change('DELETE', `/recommendations/${encodeURIComponent(rec.id)}`, undefined, { what: 'the recommendations',
        focus: `#${headingId}`, done: `Recommendation ${rec.label} was deleted.` });
    } catch (error) {
      editor.notify(`Not deleted: ${error.detail || error.message}`, 'error');
    }
  }

  function edit(rec, li, body, controls) {
    const close = () => {
      form.replaceWith(body);
      controls.hidden = false;
      controls.querySelector('[data-action="edit-recommendation"]').focus();
    };
    const form = recommendationForm(rec, close, (sent) => editor.change('PUT', `/recommendations/${encodeURIComponent(rec.id)}`, sent, {
      what: `recommendation ${rec.label}`, focus: `button[data-action="edit-recommendation"][data-recommendation-id="${rec.id}"]`,
      done: `Recommendation ${rec.label} was saved.` }));
    body.replaceWith(form);
    controls.hidden = true;
    form.querySelector('textarea').focus();
  }

  function add() {
    const close = () => {
      form.replaceWith(addButton);
      addButton.focus();
    };
    const form = recommendationForm(null, close, (sent) => editor.change('POST', '/recommendations', sent, {
      what: 'the recommendations', focus: (added) => `button[data-action="edit-recommendation"][data-recommendation-id="${added?.id}"]`,
      done: 'The recommendation was added.' }));
    addButton.replaceWith(form);
    form.querySelector('textarea').focus();
  }

  /** The form of a recommendation (rec null: a new one under item); send(body) as in proceedings.js. */
  function recommendationForm(rec, cancel, send) {
    const prefix = rec ? `recommendation-${rec.id}` : `recommendation-new-${item.id}`;
    const text = el('textarea', { id: `${prefix}-text`, rows: 3, required: true });
    text.value = rec?.text ?? '';
    const topics = el('input', { id: `${prefix}-topics`, type: 'text', value: (rec?.topics ?? []).join(', '), autocomplete: 'off' });
    const addressees = checkboxes(`${prefix}-addressees`, 'Addressed to', ADDRESSEES.map((a) => [a, a]), rec?.addressees ?? []);
    // The meeting's own recommendations name the presentations' recommendations they came from.
    const proposed = all.filter((r) => r.proceeding !== item.id && editor.meeting.proceedings
      .some((p) => p.id === r.proceeding && p.kind !== 'recommendations'));
    const sources = own && proposed.length
      ? checkboxes(`${prefix}-sources`, 'Came from', proposed.map((r) => [r.id, `${sourceName(r.id)}: ${r.text}`]), rec?.sources ?? [])
      : null;
    const controls = { text, topics, addressees: addressees.fieldset, sources: sources?.fieldset };
    const problem = el('p', { class: 'error', role: 'alert' });
    const form = el('form', { class: 'meetings-item-form', id: `${prefix}-form`, 'aria-label': rec ? `Edit recommendation ${rec.label}` : 'New recommendation' },
      field('Text', text), addressees.fieldset,
      field('Topics', topics, `Separated by commas, e.g. ${KNOWN_TOPICS.slice(0, 4).join(', ')}.`),
      sources?.fieldset, problem,
      el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary', 'data-action': 'save-recommendation' }, 'Save'),
        el('button', { type: 'button', onclick: cancel }, 'Cancel')));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const sent = { proceeding: item.id, text: text.value.trim(), addressees: addressees.chosen(),
        topics: topics.value.split(',').map((topic) => topic.trim().toLowerCase()).filter(Boolean),
        sources: sources ? sources.chosen() : rec?.sources ?? [] };
      try {
        await send(sent);
      } catch (error) {
        showFieldProblem(form, controls, error, problem);
      }
    });
    return form;
  }
}

/** A fieldset of checkboxes for [[value, label]]; chosen() answers the checked values. */
function checkboxes(id, legend, options, checked) {
  const boxes = options.map(([value, label], index) => {
    const box = el('input', { type: 'checkbox', id: `${id}-${index}`, value, checked: checked.includes(value) });
    return el('div', { class: 'meetings-checkbox' }, box, el('label', { for: box.id }, label));
  });
  const fieldset = el('fieldset', { id, tabindex: -1, class: 'meetings-checkboxes' }, el('legend', {}, legend), boxes,
    el('p', { class: 'error meetings-field-problem', role: 'alert', 'data-field-problem': id }));
  return { fieldset, chosen: () => [...fieldset.querySelectorAll('input:checked')].map((box) => box.value) };
}
