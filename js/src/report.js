// The interactive part of sidegraph's report.html: the corpus graph drawn by sigma.js (WebGL) from graphology,
// at the positions sidegraph's ForceAtlas2 computed; a search box; filters by node type, relation type, year range
// and document; a panel with what is known of a clicked node and the evidence of its relations.
//
// The page is built by pipeline/report.py, which writes the controls and the data (a JSON <script> element);
// this file only wires them. It is bundled with its dependencies into pipeline/assets/report.js (see build.mjs).
import Graph from "graphology";
import Sigma from "sigma";

const FADED = "#e4e4e4";
const EDGE = "#c8c8c8";
const EDGE_HIGHLIGHT = "#555555";
const SEARCH_RESULTS = 12;
const LARGE = 3000;

const $ = (id) => document.getElementById(id);

/** A matching key: case, accents and the many apostrophes and quotes of typeset text do not matter. */
function fold(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘ʼ′`]/g, "'")
    .replace(/[“”″]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function main() {
  const data = JSON.parse($("sidegraph-data").textContent);
  const graph = new Graph({ type: "directed", multi: true });
  for (const { type, ...node } of data.nodes) {
    graph.addNode(node.key, { ...node, category: type }); // sigma reads `type` as the name of a drawing program
  }
  data.edges.forEach((edge, index) => {
    graph.addDirectedEdgeWithKey(`e${index}`, edge.source, edge.target, { ...edge, size: Math.min(4, 0.6 + 0.4 * edge.weight) });
  });

  const state = { selected: null, neighbours: new Set(), visibleNodes: new Set() };
  const filters = readFilters();
  let renderer;
  try {
    renderer = new Sigma(graph, $("graph-view"), {
      renderEdgeLabels: false,
      defaultEdgeColor: EDGE,
      labelRenderedSizeThreshold: 6,
      labelDensity: 0.5,
      zIndex: true,
      hideEdgesOnMove: graph.size > LARGE, // dragging thousands of links redraws them all each frame
      hideLabelsOnMove: graph.size > LARGE,
      nodeReducer: (key, attributes) => nodeLook(key, attributes),
      edgeReducer: (key, attributes) => edgeLook(key, attributes),
    });
  } catch (error) {
    $("graph-view").replaceChildren(
      element("p", { class: "muted" }, `This browser cannot draw the interactive graph (${error.message}); the picture below shows it.`)
    );
    return;
  }

  function inYears(years) {
    if (!years || years.length === 0) return filters.undated;
    return years.some((year) => year >= filters.from && year <= filters.to);
  }

  function nodeShown(key, attributes) {
    if (!filters.types.has(attributes.category)) return false;
    if (!filters.unlinked && graph.degree(key) === 0) return false;
    if (filters.document !== null && !attributes.docs.includes(filters.document)) return false;
    return inYears(attributes.years);
  }

  function edgeShown(attributes) {
    if (!filters.kinds.has(attributes.kind)) return false;
    if (filters.document !== null && !attributes.docs.includes(filters.document)) return false;
    return inYears(attributes.years);
  }

  function nodeLook(key, attributes) {
    if (!state.visibleNodes.has(key)) return { ...attributes, hidden: true };
    if (state.selected === null || key === state.selected || state.neighbours.has(key)) {
      return key === state.selected ? { ...attributes, highlighted: true, zIndex: 2 } : { ...attributes, zIndex: 1 };
    }
    return { ...attributes, color: FADED, label: "", zIndex: 0 };
  }

  function edgeLook(key, attributes) {
    const [source, target] = graph.extremities(key);
    if (!edgeShown(attributes) || !state.visibleNodes.has(source) || !state.visibleNodes.has(target)) {
      return { ...attributes, hidden: true };
    }
    if (state.selected !== null) {
      const touches = source === state.selected || target === state.selected;
      return touches ? { ...attributes, color: EDGE_HIGHLIGHT, zIndex: 1 } : { ...attributes, color: FADED, zIndex: 0 };
    }
    return attributes;
  }

  function applyFilters() {
    Object.assign(filters, readFilters());
    state.visibleNodes = new Set(graph.filterNodes((key, attributes) => nodeShown(key, attributes)));
    if (state.selected !== null && !state.visibleNodes.has(state.selected)) select(null);
    $("shown").textContent = `${state.visibleNodes.size} of ${graph.order} nodes shown`;
    renderer.refresh();
  }

  function select(key) {
    state.selected = key;
    state.neighbours = key === null ? new Set() : new Set(graph.neighbors(key));
    showPanel(key);
    renderer.refresh();
  }

  function focus(key) {
    if (!state.visibleNodes.has(key)) {
      // a searched node hidden by the filters: widen them rather than show nothing
      for (const box of document.querySelectorAll("[data-filter], #undated, #unlinked")) box.checked = true;
      $("document-filter").value = "";
      $("year-from").value = $("year-from").min;
      $("year-to").value = $("year-to").max;
      applyFilters();
    }
    select(key);
    const position = renderer.getNodeDisplayData(key);
    if (position) renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.25 }, { duration: 400 });
  }

  // ------------------------------------------------------------------------------------------- the panel
  function documentLabel(index, page) {
    const doc = data.documents[index];
    const when = doc.date ? ` (${doc.date}${doc.date_source === "text" ? "" : ", " + doc.date_source.replace("_", " ")})` : "";
    return `${doc.title}${when}${page ? `, p. ${page}` : ""}`;
  }

  function nodeLink(key) {
    return element("a", { href: "#", "data-node": key, onclick: (event) => { event.preventDefault(); focus(key); } },
      graph.getNodeAttribute(key, "label"));
  }

  function showPanel(key) {
    const panel = $("panel");
    if (key === null) {
      panel.replaceChildren(element("p", { class: "muted" }, "Click a node, or search, to see who or what it is and the evidence of its links."));
      return;
    }
    const node = graph.getNodeAttributes(key);
    const facts = element("dl", {});
    for (const [name, value] of node.info) facts.append(element("dt", {}, name), element("dd", {}, value));
    const documents = element("ul", {}, ...node.docs.map((index) => element("li", {}, documentLabel(index))));
    const relations = element("ul", { class: "relations" });
    const incident = graph.edges(key).map((edge) => [edge, graph.getEdgeAttributes(edge)]);
    incident.sort((a, b) => a[1].kind.localeCompare(b[1].kind));
    for (const [edge, attributes] of incident) {
      const [source, target] = graph.extremities(edge);
      const other = source === key ? target : source;
      const arrow = source === key ? `${attributes.kind} →` : `← ${attributes.kind}`;
      const evidence = element("ul", { class: "evidence" },
        ...attributes.evidence.map((item) => element("li", {},
          item.text ? element("q", {}, item.text) : null,
          element("span", { class: "muted" }, ` ${documentLabel(item.doc, item.page)}`))));
      relations.append(element("li", {}, element("b", {}, arrow), " ", nodeLink(other),
        attributes.weight > 1 ? element("span", { class: "muted" }, ` ×${attributes.weight}`) : null, evidence));
    }
    panel.replaceChildren(
      element("h3", {}, node.label), element("p", { class: "muted" }, node.category),
      facts,
      element("h4", {}, `Documents (${node.docs.length})`), documents,
      element("h4", {}, `Links (${incident.length})`), relations,
    );
  }

  // ------------------------------------------------------------------------------------------- search
  const index = data.nodes.map((node) => [node.key, [node.label, ...node.aliases].map(fold)]);
  function search(text) {
    const wanted = fold(text);
    const results = $("search-results");
    results.replaceChildren();
    if (!wanted) return [];
    const found = [];
    for (const [key, names] of index) {
      const rank = names.some((name) => name === wanted) ? 0 : names.some((name) => name.startsWith(wanted)) ? 1
        : names.some((name) => name.includes(wanted)) ? 2 : -1;
      if (rank >= 0) found.push([rank, graph.getNodeAttribute(key, "label"), key]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    for (const [, label, key] of found.slice(0, SEARCH_RESULTS)) {
      results.append(element("li", {}, nodeLink(key), element("span", { class: "muted" }, ` ${graph.getNodeAttribute(key, "category")}`)));
    }
    return found.map((item) => item[2]);
  }

  $("search").addEventListener("input", (event) => search(event.target.value));
  $("search").addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const [first] = search(event.target.value);
    if (first !== undefined) focus(first);
  });
  for (const control of document.querySelectorAll("#filters input, #filters select")) {
    control.addEventListener("change", applyFilters);
  }
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => select(null));

  window.sidegraph = {
    graph,
    renderer,
    visibleNodes: () => state.visibleNodes.size,
    select: focus,
    viewportPosition: (key) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(key)),
  };
  renderer.once("afterRender", () => { window.sidegraphFirstRender = performance.now(); });
  applyFilters();
  showPanel(null);
}

function readFilters() {
  const checked = (name) => new Set([...document.querySelectorAll(`[data-filter="${name}"]`)].filter((b) => b.checked).map((b) => b.value));
  const document_ = $("document-filter").value;
  return {
    types: checked("type"),
    kinds: checked("kind"),
    undated: $("undated").checked,
    unlinked: $("unlinked").checked,
    from: Number($("year-from").value || -Infinity),
    to: Number($("year-to").value || Infinity),
    document: document_ === "" ? null : Number(document_),
  };
}

main();
