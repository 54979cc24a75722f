package dev.tcpshaker.internal.epoll;

/**
 * Where the fields of {@code struct epoll_event} sit. The struct is declared packed on
 * x86_64 (12 bytes, data at offset 4) but naturally aligned elsewhere (16 bytes, data
 * at offset 8 on aarch64), so the layout is chosen by architecture, in this one place.
 *
 * @param size bytes per event
 * @param dataOffset offset of the 64-bit {@code epoll_data}
 */
record EpollEventLayout(int size, int dataOffset) {

	static final int EVENTS_OFFSET = 0;

	static EpollEventLayout forArch(String arch) {
		return switch (arch) {
			case "amd64", "x86_64" -> new EpollEventLayout(12, 4);
			case "aarch64", "arm64" -> new EpollEventLayout(16, 8);
			default -> throw new UnsupportedOperationException(
					"epoll struct layout and constants are only known for x86_64 and aarch64, not " + arch);
		};
	}

}
