package dev.tcpshaker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResolverTests {

	@Test
	void lookupThatThrowsAnErrorCompletesAndTheNextLookupRunsAgain() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		Resolver resolver = new Resolver(DaemonThreads.named("test-dns"), (host) -> {
			if (calls.incrementAndGet() == 1) {
				// What the JVM's first lookup threw with file descriptors exhausted.
				throw new InternalError("java.io.IOException: Too many open files");
			}
			return InetAddress.getLoopbackAddress();
		});
		try {
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> resolver.resolve("db.test").orTimeout(5, TimeUnit.SECONDS).join())
				.withCauseInstanceOf(InternalError.class);
			assertThat(resolver.resolve("db.test").get(5, TimeUnit.SECONDS)).isEqualTo(InetAddress.getLoopbackAddress());
			assertThat(calls).hasValue(2);
		}
		finally {
			resolver.close(true);
		}
	}

}
