package io.dronehub.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded maps for per-client state that a flood of new keys must not grow without end:
 * past the bound, the entry least recently used is dropped. Not thread-safe.
 */
final class LeastRecentlyUsed {

	private LeastRecentlyUsed() {
	}

	/**
	 * A map in access order that keeps at most {@code capacity} entries.
	 * @param <K> the keys
	 * @param <V> the values
	 * @param capacity the most entries kept
	 * @return an empty map
	 */
	static <K, V> Map<K, V> map(int capacity) {
		return new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

}
