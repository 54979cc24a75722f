package dev.tcpshaker.internal.epoll;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * An array of {@code struct epoll_event} in native memory that it alone holds: what
 * {@code epoll_wait} fills, or the one event {@code epoll_ctl} reads. Netty keeps its
 * {@code EpollEventArray} the same way.
 * <p>
 * The struct's layout hides here. It is declared packed on x86_64 (12 bytes, the
 * 64-bit {@code epoll_data} at offset 4) but naturally aligned elsewhere (16 bytes,
 * data at offset 8 on aarch64). jnr frees the memory once the array is unreachable.
 * Not thread-safe, like every jnr buffer.
 */
final class EpollEventArray {

	private static final String ARCH = System.getProperty("os.arch", "");

	/** Bytes per {@code struct epoll_event}; 0 where the layout is not known. */
	private static final int SIZE = switch (ARCH) {
		case "amd64", "x86_64" -> 12;
		case "aarch64", "arm64" -> 16;
		default -> 0;
	};

	private static final int EVENTS_OFFSET = 0;

	private static final int DATA_OFFSET = (SIZE == 12) ? 4 : 8;

	private final Pointer memory;

	private final int length;

	EpollEventArray(Runtime runtime, int length) {
		requireKnownLayout();
		this.memory = Memory.allocateDirect(runtime, (long) length * SIZE);
		this.length = length;
	}

	/**
	 * Fails where the struct's layout (and, with it, the constants of
	 * {@link LinuxConstants}) is not known.
	 * @throws UnsupportedOperationException naming the architecture
	 */
	static void requireKnownLayout() {
		if (SIZE == 0) {
			throw new UnsupportedOperationException(
					"epoll struct layout and constants are only known for x86_64 and aarch64, not " + ARCH);
		}
	}

	/**
	 * The memory to hand to {@code epoll_wait} or {@code epoll_ctl}.
	 * @return the start of the array
	 */
	Pointer memory() {
		return this.memory;
	}

	/**
	 * How many events the array holds.
	 * @return the length
	 */
	int length() {
		return this.length;
	}

	/**
	 * The event flags of one entry.
	 * @param index the entry
	 * @return its {@code events}
	 */
	int events(int index) {
		return this.memory.getInt(offset(index) + EVENTS_OFFSET);
	}

	/**
	 * The 64-bit {@code epoll_data} of one entry.
	 * @param index the entry
	 * @return its {@code data.u64}
	 */
	long data(int index) {
		return this.memory.getLong(offset(index) + DATA_OFFSET);
	}

	/**
	 * Writes one entry, as {@code epoll_ctl} reads it.
	 * @param index the entry
	 * @param events the event flags
	 * @param data the 64-bit {@code epoll_data}
	 */
	void put(int index, int events, long data) {
		long offset = offset(index);
		this.memory.putInt(offset + EVENTS_OFFSET, events);
		this.memory.putLong(offset + DATA_OFFSET, data);
	}

	private long offset(int index) {
		if (index < 0 || index >= this.length) {
			throw new IndexOutOfBoundsException("index must be in 0.." + (this.length - 1) + " but was " + index);
		}
		return (long) index * SIZE;
	}

}
