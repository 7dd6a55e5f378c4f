// The module dependency graph: who is affected by enabling or disabling a module, and the
// picture of the graph as SVG, laid out in layers from left to right. A module with no
// requirements is in the first column; every other module is one column to the right of the
// furthest module it requires (longest path), and an arrow goes from it to each of its
// requirements.
import { svg } from '/shell/view-kit.js';

const NODE_WIDTH = 156;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 64;
const ROW_GAP = 18;
const WAYPOINT_HEIGHT = 8; // the room an arrow takes where it crosses a column
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
function columnsOf(modules) {
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
 * The graph to lay out: a node per module and, where an arrow skips columns, a waypoint in
 * each column it crosses, so that the ordering keeps the arrow clear of the modules there.
 * Each node knows its neighbours on both sides; each arrow knows the nodes it passes.
 */
function graphOf(modules) {
  const columnOf = columnsOf(modules);
  const nodes = new Map(modules.map((module) => [module.id,
    { id: module.id, column: columnOf.get(module.id), module, requires: [], requiredBy: [] }]));
  const arrows = [];
  for (const module of [...modules].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const required of module.requires ?? []) {
      if (!nodes.has(required)) continue;
      const path = [module.id];
      for (let column = columnOf.get(module.id) - 1; column > columnOf.get(required); column -= 1) {
        const waypoint = { id: `${module.id}>${required}@${column}`, column, module: null, requires: [], requiredBy: [] };
        nodes.set(waypoint.id, waypoint);
        path.push(waypoint.id);
      }
      path.push(required);
      for (let step = 0; step + 1 < path.length; step += 1) {
        nodes.get(path[step]).requires.push(path[step + 1]);
        nodes.get(path[step + 1]).requiredBy.push(path[step]);
      }
      arrows.push({ from: module.id, to: required, path });
    }
  }
  return { nodes, arrows };
}

/**
 * The nodes' ids column by column, each column ordered to reduce crossing arrows a little:
 * a few sweeps of the barycentre heuristic (a node moves towards the average position of its
 * neighbours in the column it was just compared with).
 */
function order(nodes) {
  // Modules with no arrows at all start (and stay) at the bottom, out of the other arrows' way.
  const alone = (node) => node.requires.length + node.requiredBy.length === 0;
  const columns = [];
  for (const node of [...nodes.values()].sort((a, b) => alone(a) - alone(b) || a.id.localeCompare(b.id))) {
    (columns[node.column] ??= []).push(node.id);
  }
  // Positions are centred per column, as they are drawn, so that columns of different heights compare.
  const position = new Map();
  const measure = (ids) => ids.forEach((id, row) => position.set(id, row - (ids.length - 1) / 2));
  columns.forEach(measure);
  const reorder = (ids, neighboursOf) => {
    const centre = new Map(ids.map((id) => {
      const neighbours = neighboursOf(nodes.get(id));
      const mean = neighbours.reduce((sum, other) => sum + position.get(other), 0) / neighbours.length;
      return [id, neighbours.length > 0 ? mean : position.get(id)];
    }));
    ids.sort((a, b) => centre.get(a) - centre.get(b));
    measure(ids);
  };
  for (let sweep = 0; sweep < ORDERING_SWEEPS; sweep += 1) {
    const rightwards = sweep % 2 === 0;
    const sweepOrder = rightwards ? columns.slice(1) : columns.slice(0, -1).reverse();
    for (const ids of sweepOrder) reorder(ids, (node) => (rightwards ? node.requires : node.requiredBy));
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
function description(modules, columnCount) {
  const sentences = [...modules].sort((a, b) => a.id.localeCompare(b.id)).map((module) => {
    const needs = (module.requires ?? []).length > 0 ? `requires ${module.requires.join(', ')}` : 'requires no other module';
    return `${module.id} (${stateWord(module.state)}) ${needs}.`;
  });
  const count = modules.length === 1 ? '1 module' : `${modules.length} modules`;
  return `${count} in ${columnCount} ${columnCount === 1 ? 'column' : 'columns'}; arrows point to required modules. ${sentences.join(' ')}`;
}

/**
 * Where the arrows meet each module: those leaving it spread down its left edge, those
 * arriving spread down its right edge, each ordered by the height of the next point on the
 * arrow so that arrows at one module do not cross each other.
 */
function attachArrows(arrows, place) {
  const spread = (end, next) => {
    const groups = new Map();
    for (const arrow of arrows) groups.set(arrow[end], [...(groups.get(arrow[end]) ?? []), arrow]);
    for (const [id, group] of groups) {
      group.sort((a, b) => place.get(next(a)).middle - place.get(next(b)).middle);
      group.forEach((arrow, index) => { arrow[`${end}Y`] = place.get(id).y + (NODE_HEIGHT * (index + 1)) / (group.length + 1); });
    }
  };
  spread('from', (arrow) => arrow.path[1]);
  spread('to', (arrow) => arrow.path[arrow.path.length - 2]);
}

/**
 * An arrow's path: from the requiring module's left edge, straight across the column of each
 * waypoint, to the required module's right edge, with curves between columns.
 */
function arrowPath(arrow, place) {
  const points = [[place.get(arrow.from).x, arrow.fromY]];
  for (const waypoint of arrow.path.slice(1, -1)) {
    const { x, middle } = place.get(waypoint);
    points.push([x + NODE_WIDTH, middle], [x, middle]);
  }
  points.push([place.get(arrow.to).x + NODE_WIDTH, arrow.toY]);
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let index = 1; index < points.length; index += 1) {
    const [fromX, fromY] = points[index - 1];
    const [toX, toY] = points[index];
    if (index % 2 === 0) {
      d += ` L ${toX} ${toY}`;
    } else {
      const bend = Math.max(COLUMN_GAP / 2, Math.abs(fromX - toX) / 3);
      d += ` C ${fromX - bend} ${fromY}, ${toX + bend} ${toY}, ${toX} ${toY}`;
    }
  }
  return d;
}

/**
 * The graph as an <svg id="module-graph">, one <g data-module data-state> per module. Its
 * natural size is in its width and height attributes; the caller lets it scroll.
 */
export function drawModuleGraph(modules) {
  const { nodes, arrows } = graphOf(modules);
  const columns = order(nodes);
  const slot = (id) => (nodes.get(id).module ? NODE_HEIGHT : WAYPOINT_HEIGHT);
  const columnHeight = (ids) => ids.reduce((sum, id) => sum + slot(id), 0) + Math.max(0, ids.length - 1) * ROW_GAP;
  const tallest = Math.max(NODE_HEIGHT, ...columns.map(columnHeight));
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  const height = MARGIN * 2 + tallest;

  const place = new Map();
  columns.forEach((ids, column) => {
    let y = MARGIN + (tallest - columnHeight(ids)) / 2;
    for (const id of ids) {
      place.set(id, { x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP), y, middle: y + slot(id) / 2 });
      y += slot(id) + ROW_GAP;
    }
  });
  attachArrows(arrows, place);

  const byId = new Map(modules.map((module) => [module.id, module]));
  const paths = arrows.map((arrow) => {
    const muted = byId.get(arrow.from).state !== 'ENABLED' || byId.get(arrow.to).state !== 'ENABLED';
    return svg('path', {
      class: muted ? 'graph-arrow graph-arrow-inactive' : 'graph-arrow',
      d: arrowPath(arrow, place),
      'marker-end': 'url(#module-graph-arrowhead)',
      'data-from': arrow.from,
      'data-to': arrow.to,
    });
  });

  const boxes = modules.map((module) => {
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
  svg('desc', { id: 'module-graph-desc' }, description(modules, columns.length)),
  svg('defs', {}, svg('marker', {
    id: 'module-graph-arrowhead', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { class: 'graph-arrowhead', d: 'M 0 0 L 10 5 L 0 10 z' }))),
  svg('g', { class: 'graph-arrows' }, paths),
  svg('g', { class: 'graph-nodes' }, boxes));
}
