/**
 * Small DOM helpers shared by the views: build elements with text, never HTML, and write text
 * only when it changed.
 */

/**
 * Creates an element with attributes and children; strings become text nodes.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node|string)[]} [children]
 */
export function element(tag, attributes = {}, children = []) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value != null) {
			node.setAttribute(name, value);
		}
	}
	for (const child of children) {
		node.append(typeof child === 'string' ? document.createTextNode(child) : child);
	}
	return node;
}

/**
 * Wraps a drawing function so that calling it asks for one call on the next animation frame,
 * however often it is called before then.
 * @param {() => void} draw
 * @returns {() => void}
 */
export function nextFrame(draw) {
	let asked = false;
	return () => {
		if (!asked) {
			asked = true;
			requestAnimationFrame(() => {
				asked = false;
				draw();
			});
		}
	};
}

/** Sets an element's text if it differs, so unchanged numbers cause no layout work. */
export function setText(node, text) {
	if (node && node.textContent !== text) {
		node.textContent = text;
	}
}

/**
 * The number in a page's {@code data-field} input, or {@code fallback} when it is empty or not a
 * number.
 * @param {ParentNode} root
 * @param {string} name the input's {@code data-field}
 * @param {number} fallback
 */
export function numberField(root, name, fallback) {
	const value = Number.parseFloat(root.querySelector(`[data-field="${name}"]`)?.value);
	return Number.isFinite(value) ? value : fallback;
}

/** Sets an attribute if it differs. */
export function setAttribute(node, name, value) {
	if (node && node.getAttribute(name) !== value) {
		node.setAttribute(name, value);
	}
}

/**
 * Sizes a canvas's backing store to its displayed size at the device's pixel ratio, and scales
 * its context so drawing uses CSS pixels.
 * @param {HTMLCanvasElement} canvas
 * @param {CanvasRenderingContext2D} context
 * @returns {{width: number, height: number}} the drawing size in CSS pixels
 */
export function fitCanvas(canvas, context) {
	const ratio = window.devicePixelRatio || 1;
	const width = Math.max(1, canvas.clientWidth);
	const height = Math.max(1, canvas.clientHeight);
	if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
		canvas.width = Math.round(width * ratio);
		canvas.height = Math.round(height * ratio);
	}
	context.setTransform(ratio, 0, 0, ratio, 0, 0);
	return { width, height };
}
