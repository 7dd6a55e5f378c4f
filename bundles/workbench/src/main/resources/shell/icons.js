// The shell's icon set: line icons on a 24-unit grid, drawn with the text colour. The first
// names are those a contribution may use (docs/contributions.schema.json); the rest are the
// shell's own.

const SVG = 'http://www.w3.org/2000/svg';

const PATHS = {
  home: ['M3 11.5 12 4l9 7.5', 'M5.5 9.5V20h13V9.5', 'M10 20v-5.5h4V20'],
  modules: ['M12 3 4 7.5v9L12 21l8-4.5v-9z', 'M4 7.5 12 12l8-4.5', 'M12 12v9'],
  note: ['M5 4h14v10l-6 6H5z', 'M13 20v-6h6', 'M8.5 8.5h7', 'M8.5 12h4'],
  users: ['M12.5 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0', 'M3 20c0-3.6 2.7-6 6-6s6 2.4 6 6',
    'M15.5 4.8a3.3 3.3 0 0 1 0 6.4', 'M17.5 14.4c2.1.7 3.5 2.7 3.5 5.6'],
  calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3.5v5', 'M16 3.5v5', 'M8 14h2', 'M14 14h2', 'M8 17h2'],
  meeting: ['M3.5 5h11v8H8.5l-5 3.5z', 'M14.5 9h6v7.5L17 14h-5.5v-1'],
  report: ['M6 3h9l4 4v14H6z', 'M14.5 3v4.5H19', 'M9.5 17.5v-3', 'M12.5 17.5v-6', 'M15.5 17.5v-4'],
  audit: ['M9 3.5h6v3H9z', 'M9 5H6v16h12V5h-3', 'M9 13.5l2.2 2.2L15.5 11'],
  settings: ['M4 6h8', 'M16 6h4', 'M4 12h2', 'M10 12h10', 'M4 18h10', 'M18 18h2',
    'M14 4v4', 'M8 10v4', 'M16 16v4'],
  graph: ['M8 6a2 2 0 1 1-4 0 2 2 0 0 1 4 0', 'M20 6a2 2 0 1 1-4 0 2 2 0 0 1 4 0',
    'M14 18a2 2 0 1 1-4 0 2 2 0 0 1 4 0', 'M8 6h8', 'M7 7.8l4 8.4', 'M17 7.8l-4 8.4'],
  list: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6h1.5', 'M4 12h1.5', 'M4 18h1.5'],
  document: ['M6 3h9l4 4v14H6z', 'M14.5 3v4.5H19', 'M9 12h7', 'M9 15.5h7', 'M9 8.5h3'],
  globe: ['M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0', 'M3 12h18',
    'M12 3c2.4 2.5 3.7 5.5 3.7 9s-1.3 6.5-3.7 9c-2.4-2.5-3.7-5.5-3.7-9S9.6 5.5 12 3'],
  shield: ['M12 3 19.5 6v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6z', 'M9 12l2 2 4-4'],
  plug: ['M9 3v5', 'M15 3v5', 'M6 8h12v3a6 6 0 0 1-12 0z', 'M12 17v4'],
  people: ['M14.5 7.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0', 'M8 9.5a2 2 0 1 1-4 0 2 2 0 0 1 4 0',
    'M20 9.5a2 2 0 1 1-4 0 2 2 0 0 1 4 0', 'M7.5 19.5c0-3 2-5 4.5-5s4.5 2 4.5 5',
    'M2.5 18.5c0-2.2 1.3-3.8 3.5-3.8', 'M21.5 18.5c0-2.2-1.3-3.8-3.5-3.8'],
  building: ['M5 21V4h10v17', 'M15 9h4v12', 'M3 21h18', 'M8 7.5h1', 'M11 7.5h1', 'M8 11h1', 'M11 11h1',
    'M8 14.5h1', 'M11 14.5h1', 'M9.5 21v-3h1v3'],
  flag: ['M5 21V4', 'M5 4h12l-2.5 4.5L17 13H5'],
  // The shell's own.
  menu: ['M4 6.5h16', 'M4 12h16', 'M4 17.5h16'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  search: ['M17 10.5a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0', 'M15.5 15.5 20 20'],
  'sign-out': ['M14 4h5v16h-5', 'M10 8l-4 4 4 4', 'M6 12h10'],
};

/** An inline SVG icon, hidden from assistive technology (its label is the text beside it). */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of PATHS[name] || PATHS.document) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** A contribution's icon: a name from the set above, or the address of an .svg file of its module. */
export function contributionIcon(value) {
  if (typeof value === 'string' && value.startsWith('/')) {
    const image = document.createElement('img');
    image.src = value;
    image.alt = '';
    image.className = 'icon';
    return image;
  }
  return icon(value);
}
