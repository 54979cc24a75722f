package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.internal.epoll.Epoll;

class EpollTcpShakerTests extends TcpShakerContractTests {

	@Override
	protected Engine kind() {
		return Engine.EPOLL;
	}

	@Test
	void epollLoadsOnThisLinuxMachine() {
		assertThat(Epoll.unavailabilityCause()).isNull();
		assertThat(Epoll.isAvailable()).isTrue();
	}

}
