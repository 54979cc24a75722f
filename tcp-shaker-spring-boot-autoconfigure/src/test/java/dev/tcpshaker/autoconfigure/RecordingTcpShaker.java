package dev.tcpshaker.autoconfigure;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;

/**
 * A {@link TcpShaker} that records each asynchronous check and either completes it with
 * a preset verdict or leaves its future pending, so tests can count checks and control
 * verdicts without the network.
 */
final class RecordingTcpShaker implements TcpShaker {

	private final List<Started> started = new ArrayList<>();

	private CheckResult verdict;

	/** One started check: the host it was asked for and its pending future. */
	record Started(String host, CompletableFuture<CheckResult> result) {
	}

	/** Completes later checks at once with {@code verdict}. */
	synchronized void answerWith(CheckResult verdict) {
		this.verdict = verdict;
	}

	synchronized List<Started> started() {
		return List.copyOf(this.started);
	}

	@Override
	public synchronized CompletableFuture<CheckResult> checkAsync(String host, int port, Duration timeout) {
		CompletableFuture<CheckResult> result = new CompletableFuture<>();
		if (this.verdict != null) {
			result.complete(this.verdict);
		}
		this.started.add(new Started(host, result));
		return result;
	}

	@Override
	public CompletableFuture<CheckResult> checkAsync(InetSocketAddress address, Duration timeout) {
		throw new UnsupportedOperationException("the shared rounds check by host name");
	}

	@Override
	public CheckResult check(String host, int port) {
		throw new UnsupportedOperationException("the shared rounds never block in the shaker");
	}

	@Override
	public CheckResult check(String host, int port, Duration timeout) {
		throw new UnsupportedOperationException("the shared rounds never block in the shaker");
	}

	@Override
	public CheckResult check(InetSocketAddress address, Duration timeout) {
		throw new UnsupportedOperationException("the shared rounds never block in the shaker");
	}

	@Override
	public CheckMethod method() {
		return CheckMethod.HALF_OPEN;
	}

	@Override
	public void close() {
	}

}
