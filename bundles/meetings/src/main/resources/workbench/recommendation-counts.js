// The home view's "Recommendations" card: how many recommendations stand at each status now (the
// last step of their timeline), each count linked to the tracker filtered by that status.
import { RECOMMENDATIONS, STEP_STATUSES, el, problemText } from './common.js';

// mount resolves once the card is filled, so that the home view counts as rendered only then.
export async function mount(element, context) {
  context.stylesheet('meetings.css');
  element.append(el('p', { class: 'muted' }, 'Loading…'));
  const statuses = Object.keys(STEP_STATUSES);
  let totals;
  try {
    // One page of one answers each status's total.
    totals = await Promise.all(statuses.map((status) => context.api.get(`${RECOMMENDATIONS}?status=${status}&limit=1`)
      .then((page) => page.total)));
  } catch (error) {
    if (!context.signal.aborted) element.replaceChildren(el('p', { class: 'error' }, `The recommendations could not be counted: ${problemText(error)}`));
    return;
  }
  element.replaceChildren(
    el('dl', { id: 'recommendation-counts', class: 'meetings-counts' }, statuses.map((status, index) => el('div', {},
      el('dt', {}, STEP_STATUSES[status]),
      el('dd', { 'data-count': status }, el('a', { href: `#/meetings/recommendations?status=${status}`,
        'aria-label': `${totals[index]} ${STEP_STATUSES[status].toLowerCase()}: show them in the tracker` }, String(totals[index])))))),
    el('p', {}, el('a', { href: '#/meetings/recommendations' }, 'Open the recommendation tracker')));
}
