package dev.tcpshaker.internal.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckOutcome;

class NioErrorsTests {

	@Test
	void jdkSocketErrorsReadAsTheErrnoEpollReports() {
		assertThat(NioErrors.describe(new ConnectException("Connection refused")))
			.isEqualTo("ECONNREFUSED: Connection refused");
		assertThat(NioErrors.outcomeOf(new ConnectException("Connection refused"))).isEqualTo(CheckOutcome.REFUSED);
		assertThat(NioErrors.describe(new NoRouteToHostException("No route to host")))
			.isEqualTo("EHOSTUNREACH: No route to host");
		assertThat(NioErrors.outcomeOf(new NoRouteToHostException("No route to host")))
			.isEqualTo(CheckOutcome.UNREACHABLE);
		assertThat(NioErrors.outcomeOf(new SocketException("Network is unreachable")))
			.isEqualTo(CheckOutcome.UNREACHABLE);
		assertThat(NioErrors.outcomeOf(new ConnectException("Connection timed out"))).isEqualTo(CheckOutcome.TIMEOUT);
		assertThat(NioErrors.describe("socket", new SocketException("Too many open files")))
			.isEqualTo("socket failed: EMFILE: Too many open files");
		assertThat(NioErrors.outcomeOf(new IOException("Too many open files"))).isEqualTo(CheckOutcome.ERROR);
	}

	@Test
	void unknownExceptionKeepsItsText() {
		assertThat(NioErrors.describe(new SocketException("Protocol wrong type for socket")))
			.isEqualTo("SocketException: Protocol wrong type for socket");
		assertThat(NioErrors.outcomeOf(new NoRouteToHostException("Host unreachable (odd text)")))
			.isEqualTo(CheckOutcome.UNREACHABLE);
		assertThat(NioErrors.outcomeOf(new IllegalStateException("Connection refused")))
			.isEqualTo(CheckOutcome.ERROR);
	}

}
