// Reads an MCAP file with the official reader, @mcap/core, twice: streaming with
// validateCrcs (chunk CRCs) and indexed (summary CRC, then chunk CRCs while reading
// messages). Neither reader checks the data section CRC, so this script does.
// Usage: node read.mjs FILE.mcap — prints one line of JSON; exits 1 when a reader rejects the file.
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { McapIndexedReader, McapStreamReader } from '@mcap/core';

const file = process.argv[2];
if (!file) {
	console.error('usage: node read.mjs FILE.mcap');
	process.exit(2);
}
const bytes = await readFile(file);
const utf8 = new TextDecoder('utf-8', { fatal: true });

const schemaOf = ({ id, name, encoding, data }) => ({ id, name, encoding, data: utf8.decode(data) });
const channelOf = ({ id, schemaId, topic, messageEncoding, metadata }) =>
	({ id, schemaId, topic, messageEncoding, metadata: Object.fromEntries(metadata) });
const messageOf = (channels, { channelId, sequence, logTime, publishTime, data }) => ({
	topic: channels.get(channelId).topic,
	sequence,
	logTime: String(logTime),
	publishTime: String(publishTime),
	data: utf8.decode(data),
});

function readStreaming(pieceBytes) {
	const reader = new McapStreamReader({ validateCrcs: true });
	const result = { header: undefined, records: {}, schemas: [], channels: [], messages: [] };
	const channels = new Map();
	let dataEnded = false;
	for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
		reader.append(bytes.subarray(offset, offset + pieceBytes));
		for (let record; (record = reader.nextRecord()); ) {
			result.records[record.type] = (result.records[record.type] ?? 0) + 1;
			if (record.type === 'DataEnd') {
				dataEnded = true;
			} else if (record.type === 'Header') {
				result.header = { profile: record.profile, library: record.library };
			} else if (dataEnded) {
				continue;
			} else if (record.type === 'Schema') {
				result.schemas.push(schemaOf(record));
			} else if (record.type === 'Channel') {
				channels.set(record.id, record);
				result.channels.push(channelOf(record));
			} else if (record.type === 'Message') {
				result.messages.push(messageOf(channels, record));
			}
		}
	}
	if (!reader.done()) {
		throw new Error('the file ended before its footer and closing magic');
	}
	return result;
}

async function readIndexed() {
	const readable = {
		size: async () => BigInt(bytes.length),
		read: async (offset, length) => bytes.subarray(Number(offset), Number(offset + length)),
	};
	const reader = await McapIndexedReader.Initialize({ readable });
	const messages = [];
	for await (const record of reader.readMessages({ validateCrcs: true })) {
		messages.push(messageOf(reader.channelsById, record));
	}
	const messagesPerTopic = {};
	for (const { topic } of reader.channelsById.values()) {
		messagesPerTopic[topic] = 0;
		for await (const record of reader.readMessages({ topics: [topic], validateCrcs: true })) {
			if (reader.channelsById.get(record.channelId).topic !== topic) {
				throw new Error(`reading ${topic} gave a message on channel ${record.channelId}`);
			}
			messagesPerTopic[topic] += 1;
		}
	}
	const { statistics } = reader;
	return {
		header: { profile: reader.header.profile, library: reader.header.library },
		chunks: reader.chunkIndexes.length,
		summaryOffsets: [...reader.summaryOffsetsByOpcode.keys()],
		statistics: statistics && {
			messageCount: String(statistics.messageCount),
			schemaCount: statistics.schemaCount,
			channelCount: statistics.channelCount,
			chunkCount: statistics.chunkCount,
			messageStartTime: String(statistics.messageStartTime),
			messageEndTime: String(statistics.messageEndTime),
			channelMessageCounts: Object.fromEntries(
				[...statistics.channelMessageCounts].map(([id, count]) => [id, String(count)])),
		},
		schemas: [...reader.schemasById.values()].map(schemaOf),
		channels: [...reader.channelsById.values()].map(channelOf),
		messages,
		messagesPerTopic,
		dataSectionCrc: {
			stored: reader.dataSectionCrc ?? 0,
			computed: crc32(bytes.subarray(0, Number(reader.dataEndOffset))),
		},
	};
}

console.log(JSON.stringify({ streamed: readStreaming(64 * 1024), indexed: await readIndexed() }));
