package dev.tcpshaker.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;

/**
 * Turns a check's future into a blocking call that never waits past the timeout plus
 * {@link dev.tcpshaker.TcpShaker#VERDICT_GRACE}, whatever happens to the loop.
 */
final class BlockingWait {

	private BlockingWait() {
	}

	/**
	 * Waits for a verdict. The engine always delivers one by the deadline; the grace only
	 * guards the caller against a loop that died.
	 * @param future the check's future
	 * @param host the host as given, for the result when no verdict comes
	 * @param port the port as given
	 * @param timeout the check's timeout
	 * @param loopName the loop's name, for the detail when no verdict comes
	 * @return the verdict, or an ERROR result that says why there is none
	 */
	static CheckResult await(CompletableFuture<CheckResult> future, String host, int port, Duration timeout,
			String loopName) {
		long waitNanos = VerdictGrace.waitNanos(timeout);
		try {
			return future.get(waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new CheckResult(host, port, null, CheckOutcome.ERROR, Duration.ZERO,
					"interrupted while waiting for the verdict");
		}
		catch (ExecutionException | TimeoutException ex) {
			return new CheckResult(host, port, null, CheckOutcome.ERROR, Duration.ofNanos(waitNanos),
					"no verdict from the " + loopName + " loop: " + ex);
		}
	}

}
