package dev.tcpshaker.internal.epoll;

import static dev.tcpshaker.internal.epoll.LinuxConstants.EFD_CLOEXEC;
import static dev.tcpshaker.internal.epoll.LinuxConstants.EFD_NONBLOCK;
import static dev.tcpshaker.internal.epoll.LinuxConstants.EPOLLIN;
import static dev.tcpshaker.internal.epoll.LinuxConstants.EPOLL_CLOEXEC;
import static dev.tcpshaker.internal.epoll.LinuxConstants.EPOLL_CTL_ADD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jnr.ffi.Runtime;

/**
 * Proves the struct layout through the kernel: what {@code epoll_ctl} reads from the
 * array comes back from {@code epoll_wait} into it, bit for bit.
 */
class EpollEventArrayTests {

	/** Both halves set, so a layout off by four bytes cannot read it back whole. */
	private static final long FIRST_DATA = 0x8765_4321_DEAD_BEEFL;

	private static final long SECOND_DATA = 0x0123_4567_89AB_CDEFL;

	private static final byte[] ONE = { 1, 0, 0, 0, 0, 0, 0, 0 };

	private final LibC libc = Epoll.libc();

	private final Runtime runtime = Runtime.getRuntime(this.libc);

	private final int epfd = this.libc.epoll_create1(EPOLL_CLOEXEC);

	private final int first = this.libc.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	private final int second = this.libc.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	@AfterEach
	void closeFds() {
		this.libc.close(this.first);
		this.libc.close(this.second);
		this.libc.close(this.epfd);
	}

	@Test
	void eventsAndDataWrittenForEpollCtlComeBackExactlyFromEpollWait() {
		assertThat(this.epfd).isNotNegative();
		assertThat(this.first).isNotNegative();
		assertThat(this.second).isNotNegative();
		EpollEventArray registration = new EpollEventArray(this.runtime, 1);
		registration.put(0, EPOLLIN, FIRST_DATA);
		assertThat(this.libc.epoll_ctl(this.epfd, EPOLL_CTL_ADD, this.first, registration.memory())).isZero();
		registration.put(0, EPOLLIN, SECOND_DATA);
		assertThat(this.libc.epoll_ctl(this.epfd, EPOLL_CTL_ADD, this.second, registration.memory())).isZero();
		assertThat(this.libc.write(this.first, ONE, ONE.length)).isEqualTo(8);
		assertThat(this.libc.write(this.second, ONE, ONE.length)).isEqualTo(8);

		EpollEventArray events = new EpollEventArray(this.runtime, 4);
		int count = this.libc.epoll_wait(this.epfd, events.memory(), events.length(), 1_000);

		// Two entries: the second one also proves the stride between structs.
		assertThat(count).isEqualTo(2);
		Map<Long, Integer> flagsByData = new HashMap<>();
		for (int i = 0; i < count; i++) {
			flagsByData.put(events.data(i), events.events(i));
		}
		assertThat(flagsByData).containsOnly(entry(FIRST_DATA, EPOLLIN), entry(SECOND_DATA, EPOLLIN));
	}

	@Test
	void entryOutsideTheArrayIsRejectedNamingTheIndex() {
		EpollEventArray events = new EpollEventArray(this.runtime, 2);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> events.data(2))
			.withMessage("index must be in 0..1 but was 2");
	}

}
