/**
 * The API page (/api.html): the hub's generated AsyncAPI document, fetched from
 * /asyncapi.json and shown as tables of destinations, roles and payload fields.
 */
import { destinations, endpointUrl, payloads, roles } from './asyncapi.js';
import { element } from './dom.js';
import { FOXGLOVE_CHANNELS, foxgloveUrl } from './foxglove-api.js';
import { HTTP_ENDPOINTS, codeSpans } from './http-api.js';

function code(text) {
	return element('code', {}, [text]);
}

function roleChips(names) {
	return element('span', { class: 'chips' }, names.map((name) => element('span', { class: 'role-chip', 'data-role': name }, [name])));
}

function payloadLinks(names, document) {
	const links = names.flatMap((name, index) => {
		const payload = document.components.messages[name]?.payload ?? {};
		const target = (payload.items ?? payload).$ref?.split('/').pop() ?? name;
		const link = element('a', { href: `#payload-${target}` }, [name]);
		return index === 0 ? [link] : [', ', link];
	});
	return element('span', {}, links);
}

function table(caption, headings, rows, attributes = {}) {
	return element('table', { class: 'api-table', ...attributes }, [
		element('caption', { class: 'visually-hidden' }, [caption]),
		element('thead', {}, [element('tr', {}, headings.map((heading) => element('th', { scope: 'col' }, [heading])))]),
		element('tbody', {}, rows),
	]);
}

function renderFacts(document, container) {
	const server = Object.values(document.servers ?? {})[0] ?? {};
	const facts = [
		['Endpoint', code(endpointUrl(document, location))],
		['Protocol', `${(server.protocol ?? '').toUpperCase()} ${server.protocolVersion ?? ''} over WebSocket`],
		['Contract', document.info.version],
		['Hub', document.info['x-hub-version'] ?? '—'],
		['Document', element('a', { href: '/asyncapi.json' }, ['/asyncapi.json'])],
	];
	container.replaceChildren(...facts.map(([term, value]) => element('div', { class: 'fact' }, [
		element('dt', {}, [term]), element('dd', {}, [value]),
	])));
}

function renderDestinations(document, frame, container) {
	const rows = destinations(document).filter((row) => row.frame === frame).map((row) => element('tr', { 'data-destination': row.address }, [
		element('th', { scope: 'row' }, [code(row.address)]),
		element('td', {}, [payloadLinks(row.messages, document)]),
		element('td', {}, [roleChips(row.roles)]),
		element('td', {}, [row.reply ? element('span', {}, ['Answered on ', code(row.reply), '. ']) : '', row.description]),
	]));
	container.replaceChildren(table(`Destinations clients ${frame}`, ['Destination', 'Body', 'Roles', 'What happens'], rows));
}

function renderRoles(document, container) {
	const list = (addresses) => element('ul', { class: 'plain' }, addresses.map((address) => element('li', {}, [code(address)])));
	const rows = roles(document).map((row) => element('tr', { 'data-role-row': row.role }, [
		element('th', { scope: 'row' }, [roleChips([row.role])]),
		element('td', {}, [row.send.length ? list(row.send) : '—']),
		element('td', {}, [list(row.subscribe)]),
	]));
	const logins = Object.values(document.components?.securitySchemes ?? {}).map((scheme) => element('p', { class: 'hint' }, [scheme.description ?? '']));
	container.replaceChildren(table('What each role may do', ['Role', 'May SEND to', 'May SUBSCRIBE to'], rows), ...logins);
}

function renderHttp(container) {
	const words = (text) => codeSpans(text).map((part) => (part.code ? code(part.text) : part.text));
	const rows = HTTP_ENDPOINTS.map((endpoint) => element('tr', { 'data-endpoint': `${endpoint.method} ${endpoint.path}` }, [
		element('th', { scope: 'row' }, [code(`${endpoint.method} ${endpoint.path}`)]),
		element('td', {}, [roleChips(endpoint.roles)]),
		element('td', {}, words(endpoint.answer)),
	]));
	container.replaceChildren(table('HTTP endpoints', ['Request', 'Roles', 'Answer'], rows, { class: 'api-table http' }));
}

function renderFoxglove(container, url) {
	url.textContent = foxgloveUrl(location);
	const words = (text) => codeSpans(text).map((part) => (part.code ? code(part.text) : part.text));
	const rows = FOXGLOVE_CHANNELS.map((channel) => element('tr', { 'data-channel': channel.topic }, [
		element('th', { scope: 'row' }, [code(channel.topic)]),
		element('td', {}, [code(channel.schema)]),
		element('td', {}, words(channel.contents)),
	]));
	container.replaceChildren(table('Foxglove channels', ['Topic', 'Schema', 'What it carries'], rows, { class: 'api-table foxglove' }));
}

function fieldType(field) {
	const type = field.link ? element('a', { href: `#payload-${field.link}` }, [field.type]) : element('span', {}, [field.type]);
	const values = field.values.length ? element('span', { class: 'values' }, [field.values.join(' · ')]) : '';
	return element('td', { class: 'type' }, [type, values]);
}

function renderPayloads(document, container) {
	container.replaceChildren(...payloads(document).map((payload) => element('article', { class: 'payload', id: `payload-${payload.name}`, 'data-payload': payload.name }, [
		element('h3', {}, [payload.name]),
		payload.description ? element('p', { class: 'payload-description' }, [payload.description]) : '',
		...payload.variants.map((variant) => element('div', { class: 'variant' }, [
			payload.variants.length > 1 ? element('h4', {}, [code(variant.title), ' ', variant.description]) : '',
			table(`Fields of ${variant.title}`, ['Field', 'Type', 'Unit', 'Description'], variant.fields.map((field) => element('tr', { 'data-field': field.name }, [
				element('th', { scope: 'row' }, [code(field.name), field.required ? '' : element('span', { class: 'optional' }, ['optional'])]),
				fieldType(field),
				element('td', { class: 'unit' }, [field.unit]),
				element('td', {}, [field.description]),
			])), { class: 'api-table fields' }),
		])),
	])));
}

renderHttp(document.querySelector('[data-api-rest]'));
renderFoxglove(document.querySelector('[data-api-foxglove]'), document.querySelector('[data-api-foxglove-url]'));

async function load() {
	const status = document.querySelector('[data-api-status]');
	try {
		const response = await fetch('/asyncapi.json', { headers: { Accept: 'application/json' } });
		if (!response.ok) {
			throw new Error(`HTTP ${response.status}`);
		}
		const api = await response.json();
		document.querySelector('[data-api-summary]').textContent = api.info.description;
		renderFacts(api, document.querySelector('[data-api-facts]'));
		renderDestinations(api, 'SEND', document.querySelector('[data-api-sends]'));
		renderDestinations(api, 'SUBSCRIBE', document.querySelector('[data-api-subscribes]'));
		renderRoles(api, document.querySelector('[data-api-roles]'));
		renderPayloads(api, document.querySelector('[data-api-payloads]'));
		status.textContent = `AsyncAPI ${api.asyncapi}`;
		status.dataset.state = 'live';
	}
	catch (failure) {
		status.textContent = 'not loaded';
		status.dataset.state = 'lost';
		document.querySelector('[data-api-summary]').textContent = `The API document could not be loaded (${failure.message}).`;
	}
}

load();
