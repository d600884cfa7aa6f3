/**
 * Reads the hub's AsyncAPI 3.0 document (/asyncapi.json) into the rows the API page shows:
 * destinations from a client's side, what each role may do, and payload fields with their
 * types and units. Pure: no DOM, no fetch.
 */

/** The object a local JSON pointer such as "#/components/schemas/DroneState" names. */
export function resolve(document, ref) {
	return ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

/** The WebSocket URL of the document's first server: ws: for a page served over http:, wss: for https:. */
export function endpointUrl(document, location) {
	const server = Object.values(document.servers ?? {})[0] ?? {};
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${scheme}//${server.host ?? location.host}${server.pathname ?? ''}`;
}

function refName(ref) {
	return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * One row per operation, as a client sees it: where the hub receives, clients SEND; where it
 * sends, they SUBSCRIBE.
 * @returns {{id: string, frame: 'SEND'|'SUBSCRIBE', address: string, messages: string[],
 *   roles: string[], reply: string|null, description: string}[]}
 */
export function destinations(document) {
	return Object.entries(document.operations ?? {}).map(([id, operation]) => {
		const channel = resolve(document, operation.channel.$ref);
		return {
			id,
			frame: operation.action === 'receive' ? 'SEND' : 'SUBSCRIBE',
			address: channel.address,
			messages: (operation.messages ?? []).map((message) => refName(message.$ref)),
			roles: operation['x-roles'] ?? [],
			reply: operation.reply ? resolve(document, operation.reply.channel.$ref).address : null,
			description: operation.description ?? '',
		};
	});
}

/**
 * What each role may do, in the order roles first appear (least privileged first).
 * @returns {{role: string, send: string[], subscribe: string[]}[]}
 */
export function roles(document) {
	const byRole = new Map();
	for (const row of destinations(document)) {
		for (const role of row.roles) {
			if (!byRole.has(role)) {
				byRole.set(role, { role, send: [], subscribe: [] });
			}
			byRole.get(role)[row.frame === 'SEND' ? 'send' : 'subscribe'].push(row.address);
		}
	}
	return [...byRole.values()].sort((a, b) => (a.send.length + a.subscribe.length) - (b.send.length + b.subscribe.length));
}

/**
 * Describes a property schema in words: its type, the enum values it takes, and the object
 * schema it refers to, if any.
 * @returns {{type: string, values: string[], link: string|null, description: string|null}}
 */
export function describeType(document, schema) {
	if (schema.allOf) {
		const parts = schema.allOf.map((part) => describeType(document, part));
		const main = parts.find((part) => part.type !== 'any') ?? parts[0];
		return { ...main, description: schema.description ?? parts.map((part) => part.description).find(Boolean) ?? null };
	}
	if (schema.$ref) {
		const name = refName(schema.$ref);
		const target = resolve(document, schema.$ref);
		const described = target.type === 'object' || target.oneOf
			? { type: name, values: [], link: name }
			: target.enum ? { ...describeType(document, target), type: name } : describeType(document, target);
		return { ...described, description: schema.description ?? null };
	}
	if (schema.anyOf || schema.oneOf) {
		const options = (schema.anyOf ?? schema.oneOf).map((option) => describeType(document, option))
			.sort((a, b) => (a.type === 'null') - (b.type === 'null'));
		return {
			type: options.map((option) => option.type).join(' or '),
			values: options.flatMap((option) => option.values),
			link: options.find((option) => option.link)?.link ?? null,
			description: schema.description ?? null,
		};
	}
	if (schema.const !== undefined) {
		return { type: JSON.stringify(schema.const), values: [], link: null, description: schema.description ?? null };
	}
	if (schema.type === 'array') {
		const items = describeType(document, schema.items ?? {});
		return { ...items, type: `array of ${items.type}`, description: schema.description ?? null };
	}
	const types = [].concat(schema.type ?? 'any');
	return {
		type: types.join(' or '),
		values: (schema.enum ?? []).filter((value) => value !== null).map(String),
		link: null,
		description: schema.description ?? null,
	};
}

/**
 * The fields of an object schema, in document order.
 * @returns {{name: string, type: string, values: string[], link: string|null, unit: string,
 *   required: boolean, description: string}[]}
 */
export function fields(document, schema) {
	const required = new Set(schema.required ?? []);
	return Object.entries(schema.properties ?? {}).map(([name, property]) => {
		const type = describeType(document, property);
		return {
			name,
			...type,
			unit: property['x-unit'] ?? '',
			required: required.has(name),
			description: type.description ?? '',
		};
	});
}

/**
 * Every payload worth a table: each message's payload, then every object schema those refer
 * to. A oneOf schema (the commands) becomes one variant per member, titled by the value of
 * its discriminator.
 * @returns {{name: string, description: string, variants: {title: string, description: string,
 *   fields: object[]}[]}[]}
 */
export function payloads(document) {
	const schemas = document.components?.schemas ?? {};
	const order = [];
	const visit = (name) => {
		if (!name || order.includes(name) || !schemas[name]) {
			return;
		}
		const schema = schemas[name];
		if (schema.type !== 'object' && !schema.oneOf) {
			return;
		}
		order.push(name);
		for (const member of schema.oneOf ?? [schema]) {
			const target = member.$ref ? resolve(document, member.$ref) : member;
			for (const field of fields(document, target)) {
				visit(field.link);
			}
		}
	};
	for (const message of Object.values(document.components?.messages ?? {})) {
		visit(describeType(document, message.payload).link);
	}
	return order.map((name) => {
		const schema = schemas[name];
		const members = schema.oneOf ?? [{ $ref: `#/components/schemas/${name}` }];
		return {
			name,
			description: schema.description ?? '',
			variants: members.map((member) => {
				const target = resolve(document, member.$ref);
				const discriminator = schema.discriminator && target.properties?.[schema.discriminator]?.const;
				const all = fields(document, target);
				const shown = schema.discriminator
					? [...all.filter((field) => field.name === schema.discriminator), ...all.filter((field) => field.name !== schema.discriminator)]
					: all;
				return { title: discriminator ?? refName(member.$ref), description: target.description ?? '', fields: shown };
			}),
		};
	});
}
