package dev.tcpshaker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.internal.epoll.Epoll;

class EpollTcpShakerTests extends TcpShakerContractTests {

	@Override
	protected Engines.Kind kind() {
		return Engines.Kind.EPOLL;
	}

	@Test
	void epollLoadsOnThisLinuxMachine() {
		assertThat(Epoll.unavailabilityCause()).isNull();
		assertThat(Epoll.isAvailable()).isTrue();
	}

}
