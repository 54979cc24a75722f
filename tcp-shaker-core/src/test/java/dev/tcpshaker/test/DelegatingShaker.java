package dev.tcpshaker.test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.Engine;
import dev.tcpshaker.TcpShaker;

/**
 * A {@link TcpShaker} that is not the builder's: it passes every call to one that is,
 * so a test can override what it needs, as a user's decorator would.
 */
public class DelegatingShaker implements TcpShaker {

	private final TcpShaker delegate;

	public DelegatingShaker(TcpShaker delegate) {
		this.delegate = delegate;
	}

	@Override
	public CheckResult check(String host, int port) {
		return this.delegate.check(host, port);
	}

	@Override
	public CheckResult check(String host, int port, Duration timeout) {
		return this.delegate.check(host, port, timeout);
	}

	@Override
	public CheckResult check(InetSocketAddress address, Duration timeout) {
		return this.delegate.check(address, timeout);
	}

	@Override
	public CompletableFuture<CheckResult> checkAsync(String host, int port, Duration timeout) {
		return this.delegate.checkAsync(host, port, timeout);
	}

	@Override
	public CompletableFuture<CheckResult> checkAsync(InetSocketAddress address, Duration timeout) {
		return this.delegate.checkAsync(address, timeout);
	}

	@Override
	public CheckMethod method() {
		return this.delegate.method();
	}

	@Override
	public Engine engine() {
		return this.delegate.engine();
	}

	@Override
	public long lateCloses() {
		return this.delegate.lateCloses();
	}

	@Override
	public int inFlight() {
		return this.delegate.inFlight();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
