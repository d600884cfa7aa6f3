/**
 * The landing page's list of the hub's nodes and the drones each one simulates, shown only when
 * the hub has several.
 */
import { element } from './dom.js';
import { describeNode, isCluster } from './cluster.js';

export class ClusterPanel {

	#section;

	#list;

	#shown = '';

	/** @param {Element} section the section, with a list marked `data-cluster-nodes` inside */
	constructor(section) {
		this.#section = section;
		this.#list = section.querySelector('[data-cluster-nodes]');
	}

	/** Shows the nodes of a `GET /api/cluster` answer, or hides the section (null: no answer). */
	render(view) {
		const nodes = isCluster(view) ? view.nodes : [];
		this.#section.hidden = nodes.length === 0;
		const lines = nodes.map(describeNode);
		const key = lines.join('\n');
		if (key === this.#shown) {
			return;
		}
		this.#shown = key;
		this.#list.replaceChildren(...nodes.map((node, index) => element('li',
			{ 'data-node-id': node.id, 'data-alive': String(node.alive) }, [lines[index]])));
	}

}
