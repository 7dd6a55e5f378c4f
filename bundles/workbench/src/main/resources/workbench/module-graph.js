// The module dependency graph: who is affected by enabling or disabling a module, and the
// picture of the graph as SVG, laid out in layers from left to right. A module with no
// requirements is in the first column; every other module is one column to the right of the
// furthest module it requires (longest path), and an arrow goes from it to each of its
// requirements.
import { svg } from './dom.js';

const NODE_WIDTH = 156;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 64;
const ROW_GAP = 18;
const MARGIN = 12;
const CHARS_PER_NODE = 18; // what fits in a node at the stylesheet's font size
const ORDERING_SWEEPS = 4;

/** Every module reachable from `id` by following `next(module)` ids, without `id` itself. */
function reachable(modules, id, next) {
  const byId = new Map(modules.map((module) => [module.id, module]));
  const seen = new Set([id]);
  const found = [];
  const pending = [id];
  while (pending.length > 0) {
    const module = byId.get(pending.pop());
    for (const other of next(module) ?? []) {
      if (seen.has(other) || !byId.has(other)) continue;
      seen.add(other);
      found.push(byId.get(other));
      pending.push(other);
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** The enabled modules that need `id`, directly or through others: disabling it disables them too. */
export function enabledDependents(modules, id) {
  return reachable(modules, id, (module) => module?.requiredBy).filter((module) => module.state === 'ENABLED');
}

/** The modules that `id` needs, directly or through others, that are not enabled: enabling it enables them too. */
export function missingRequirements(modules, id) {
  return reachable(modules, id, (module) => module?.requires).filter((module) => module.state !== 'ENABLED');
}

/**
 * Each module's column: 0 for a module that requires nothing, otherwise one more than the
 * furthest of its requirements. A requirement on a module that is not listed is ignored, and
 * so is the edge that would close a cycle.
 */
export function columnsOf(modules) {
  const byId = new Map(modules.map((module) => [module.id, module]));
  const column = new Map();
  const visiting = new Set();
  const place = (id) => {
    if (column.has(id)) return column.get(id);
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let own = 0;
    for (const required of byId.get(id).requires ?? []) {
      if (byId.has(required)) own = Math.max(own, place(required) + 1);
    }
    visiting.delete(id);
    column.set(id, own);
    return own;
  };
  [...byId.keys()].sort().forEach(place);
  return column;
}

/**
 * The modules' ids column by column, each column ordered to reduce crossing arrows a little:
 * a few sweeps of the barycentre heuristic (a module moves towards the average position of
 * its neighbours in the other columns).
 */
export function layout(modules) {
  const columnOf = columnsOf(modules);
  const columns = [];
  for (const module of [...modules].sort((a, b) => a.id.localeCompare(b.id))) {
    const index = columnOf.get(module.id);
    (columns[index] ??= []).push(module.id);
  }
  const byId = new Map(modules.map((module) => [module.id, module]));
  // Positions are centred per column, as they are drawn, so that columns of different heights compare.
  const position = new Map();
  const measure = () => columns.forEach((ids) => ids.forEach((id, row) => position.set(id, row - (ids.length - 1) / 2)));
  const reorder = (ids, neighbours) => {
    const centre = new Map(ids.map((id) => {
      const placed = neighbours(byId.get(id)).filter((other) => position.has(other) && byId.has(other));
      const mean = placed.reduce((sum, other) => sum + position.get(other), 0) / placed.length;
      return [id, placed.length > 0 ? mean : position.get(id)];
    }));
    ids.sort((a, b) => centre.get(a) - centre.get(b));
    measure();
  };
  measure();
  for (let sweep = 0; sweep < ORDERING_SWEEPS; sweep += 1) {
    const rightwards = sweep % 2 === 0;
    const order = rightwards ? columns.slice(1) : columns.slice(0, -1).reverse();
    for (const ids of order) reorder(ids, (module) => (rightwards ? module.requires : module.requiredBy) ?? []);
  }
  return columns;
}

const STATE_WORDS = { ENABLED: 'enabled', DISABLED: 'disabled', FAILED: 'failed', UNRESOLVED: 'unresolved' };

/** The state as a word: "enabled", "failed"… */
export function stateWord(state) {
  return STATE_WORDS[state] ?? String(state).toLowerCase();
}

function shortened(text) {
  return text.length <= CHARS_PER_NODE ? text : `${text.slice(0, CHARS_PER_NODE - 1)}…`;
}

/** One sentence per module for the picture's description, read by screen readers instead of the picture. */
function description(modules, columns) {
  const sentences = [...modules].sort((a, b) => a.id.localeCompare(b.id)).map((module) => {
    const needs = (module.requires ?? []).length > 0 ? `requires ${module.requires.join(', ')}` : 'requires no other module';
    return `${module.id} (${stateWord(module.state)}) ${needs}.`;
  });
  const count = modules.length === 1 ? '1 module' : `${modules.length} modules`;
  return `${count} in ${columns.length} ${columns.length === 1 ? 'column' : 'columns'}; arrows point to required modules. ${sentences.join(' ')}`;
}

/** A curve from the left edge of `from` to the right edge of `to`, bowing sideways so arrows stay readable. */
function arrowPath(from, to) {
  const startX = from.x;
  const startY = from.y + NODE_HEIGHT / 2;
  const endX = to.x + NODE_WIDTH;
  const endY = to.y + NODE_HEIGHT / 2;
  const bend = Math.max(COLUMN_GAP / 2, Math.abs(startX - endX) / 3);
  return `M ${startX} ${startY} C ${startX - bend} ${startY}, ${endX + bend} ${endY}, ${endX} ${endY}`;
}

/**
 * The graph as an <svg id="module-graph">, one <g data-module data-state> per module. Its
 * natural size is returned in its width and height attributes; the caller lets it scroll.
 */
export function drawModuleGraph(modules) {
  const columns = layout(modules);
  const tallest = Math.max(1, ...columns.map((ids) => ids.length));
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const byId = new Map(modules.map((module) => [module.id, module]));

  const place = new Map();
  columns.forEach((ids, column) => {
    const top = MARGIN + ((tallest - ids.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    ids.forEach((id, row) => place.set(id, {
      x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP),
      y: top + row * (NODE_HEIGHT + ROW_GAP),
    }));
  });

  const arrows = modules.flatMap((module) => (module.requires ?? [])
    .filter((required) => byId.has(required))
    .map((required) => {
      const muted = module.state !== 'ENABLED' || byId.get(required).state !== 'ENABLED';
      return svg('path', {
        class: muted ? 'graph-arrow graph-arrow-inactive' : 'graph-arrow',
        d: arrowPath(place.get(module.id), place.get(required)),
        'marker-end': 'url(#module-graph-arrowhead)',
        'data-from': module.id,
        'data-to': required,
      });
    }));

  const nodes = modules.map((module) => {
    const { x, y } = place.get(module.id);
    const word = stateWord(module.state);
    const details = [word, module.core ? 'core' : null].filter(Boolean).join(' · ');
    const tooltip = `${module.name || module.id} (${module.id}) ${module.version ?? ''}: ${word}`
      + (module.reason ? ` — ${module.reason}` : '');
    return svg('g', {
      class: `graph-node graph-node-${word}`,
      'data-module': module.id,
      'data-state': module.state,
      transform: `translate(${x} ${y})`,
    },
    svg('title', {}, tooltip),
    svg('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6 }),
    svg('text', { class: 'graph-node-id', x: 10, y: 19 }, shortened(module.id)),
    svg('text', { class: 'graph-node-state', x: 10, y: 36 }, module.state === 'FAILED' ? `✕ ${details}` : details));
  });

  return svg('svg', {
    id: 'module-graph',
    role: 'img',
    'aria-labelledby': 'module-graph-title module-graph-desc',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  },
  svg('title', { id: 'module-graph-title' }, 'Module dependency graph'),
  svg('desc', { id: 'module-graph-desc' }, description(modules, columns)),
  svg('defs', {}, svg('marker', {
    id: 'module-graph-arrowhead', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { class: 'graph-arrowhead', d: 'M 0 0 L 10 5 L 0 10 z' }))),
  svg('g', { class: 'graph-arrows' }, arrows),
  svg('g', { class: 'graph-nodes' }, nodes));
}
