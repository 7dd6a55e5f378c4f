// The home view's "Upcoming meetings" card: the next three meetings, soonest first, each linked
// to its editor, and a link to the whole list.
import { MEETINGS, datesElement, el, meetingLink, problemText } from './common.js';

// mount resolves once the card is filled, so that the home view counts as rendered only then.
export async function mount(element, context) {
  context.stylesheet('meetings.css');
  element.append(el('p', { class: 'muted' }, 'Loading…'));
  let meetings;
  try {
    meetings = await context.api.get(`${MEETINGS}?when=upcoming&limit=3`);
  } catch (error) {
    if (!context.signal.aborted) element.replaceChildren(el('p', { class: 'error' }, `The meetings could not be read: ${problemText(error)}`));
    return;
  }
  element.replaceChildren(
    meetings.length === 0 ? el('p', { class: 'muted', id: 'upcoming-meetings' }, 'No meeting is planned.')
      : el('ul', { class: 'meetings-upcoming', id: 'upcoming-meetings' }, meetings.map((meeting) => el('li', { 'data-meeting': meeting.id },
        datesElement(meeting), el('br'), meetingLink(meeting.id, meeting.theme),
        meeting.city ? el('span', { class: 'muted' }, ` in ${meeting.city}`) : null))),
    el('p', {}, el('a', { href: '#/meetings/list' }, 'All meetings')));
}
